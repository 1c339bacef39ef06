package org.openmrs.module.dhis2sync.source.openmrs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;

/**
 * Grants OpenMRS's read privileges around every call of a port: the module's own privilege (checked by its service)
 * is what entitles a user to preview a mapping or fill its pickers, and a DHIS2 administrator's role need not also
 * hold "Get Patients" or "Get Concepts". Background runs are the daemon user, which has them all anyway.
 */
public final class ProxyPrivileges {

    /** Where the privileges are granted: OpenMRS's {@code Context} in production. */
    public interface Grant {
        void add(String privilege);

        void remove(String privilege);
    }

    /** OpenMRS core's read privileges the module's ports use (names of {@code PrivilegeConstants} in 2.5). */
    public static final List<String> CLINICAL_READS = Arrays.asList("Get Patients", "Get People", "Get Encounters",
            "Get Observations", "Get Patient Programs", "Get Programs", "Get Concepts", "Get Locations");
    public static final List<String> METADATA_READS = Arrays.asList("Get Programs", "Get Encounter Types", "Get Forms",
            "Get Person Attribute Types", "Get Identifier Types", "Get Locations", "Get Concepts");

    private ProxyPrivileges() {
    }

    /** The target seen through {@code type}, each call made with the privileges granted (and taken back after). */
    public static <T> T around(Class<T> type, T target, Grant grant, List<String> privileges) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            for (String privilege : privileges) {
                grant.add(privilege);
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                for (String privilege : privileges) {
                    grant.remove(privilege);
                }
            }
        });
        return type.cast(proxy);
    }
}
