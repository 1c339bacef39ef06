package org.openmrs.module;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.module.BaseModuleActivator} (compile only; empty as in core). */
public abstract class BaseModuleActivator implements ModuleActivator {

    @Override
    public void contextRefreshed() {
    }

    @Override
    public void started() {
    }

    @Override
    public void stopped() {
    }

    @Override
    public void willRefreshContext() {
    }

    @Override
    public void willStart() {
    }

    @Override
    public void willStop() {
    }
}
