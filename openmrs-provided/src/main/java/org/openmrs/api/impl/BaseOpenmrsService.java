package org.openmrs.api.impl;

import org.openmrs.api.OpenmrsService;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.impl.BaseOpenmrsService} (compile only). */
public abstract class BaseOpenmrsService implements OpenmrsService {

    @Override
    public void onStartup() {
    }

    @Override
    public void onShutdown() {
    }
}
