package org.openmrs.module;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.module.DaemonTokenAware} (compile only). OpenMRS passes the
 * token to an activator implementing it before {@code contextRefreshed()} / {@code started()}; the last token passed
 * is the valid one.
 */
public interface DaemonTokenAware {

    void setDaemonToken(DaemonToken token);
}
