package org.openmrs.api.context;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.context.Context} (compile only): the static methods the
 * module's OpenMRS edge calls. At run time OpenMRS's own class is used; these bodies only fail loudly.
 */
public class Context {

    public Context() {
    }

    public static <T> T getService(Class<? extends T> cls) {
        throw notAvailable();
    }

    public static org.openmrs.scheduler.SchedulerService getSchedulerService() {
        throw notAvailable();
    }

    /** A bean of OpenMRS's application context (which holds the modules' beans) by its id. */
    public static <T> T getRegisteredComponent(String beanName, Class<T> type) throws org.openmrs.api.APIException {
        throw notAvailable();
    }

    /** @return the user of this session, or null */
    public static org.openmrs.User getAuthenticatedUser() {
        throw notAvailable();
    }

    public static boolean isAuthenticated() {
        throw notAvailable();
    }

    public static boolean hasPrivilege(String privilege) {
        throw notAvailable();
    }

    private static UnsupportedOperationException notAvailable() {
        return new UnsupportedOperationException("compile-only declaration: OpenMRS provides Context at run time");
    }
}
