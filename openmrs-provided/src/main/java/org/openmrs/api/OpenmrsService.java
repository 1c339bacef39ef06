package org.openmrs.api;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.OpenmrsService} (compile only). */
public interface OpenmrsService {

    void onStartup();

    void onShutdown();
}
