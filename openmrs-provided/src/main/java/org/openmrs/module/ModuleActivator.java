package org.openmrs.module;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.module.ModuleActivator} (compile only). */
public interface ModuleActivator {

    public void willRefreshContext();

    public void contextRefreshed();

    public void willStart();

    public void started();

    public void willStop();

    public void stopped();
}
