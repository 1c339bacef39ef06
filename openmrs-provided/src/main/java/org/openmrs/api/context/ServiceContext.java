package org.openmrs.api.context;

import java.util.List;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.context.ServiceContext} (compile only). The module
 * registers its service through the {@code moduleService} property of a child of OpenMRS's {@code serviceContext}
 * bean: a two-element list, the service interface's class name and the service bean.
 */
public class ServiceContext {

    private ServiceContext() {
    }

    public static ServiceContext getInstance() {
        throw notAvailable();
    }

    public void setModuleService(List<Object> params) {
        throw notAvailable();
    }

    private static UnsupportedOperationException notAvailable() {
        return new UnsupportedOperationException("compile-only declaration: OpenMRS provides ServiceContext at run time");
    }
}
