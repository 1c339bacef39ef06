package org.openmrs.module.dhis2sync.web;

import java.util.Arrays;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;

/**
 * Called first by every handler: 401 when not logged in, 403 without one of the endpoint's privileges, and for a
 * state change 403 without {@code X-Requested-With: XMLHttpRequest} (a cross-site form cannot set it; OpenMRS 2.6+
 * leaves {@code /ws/*} outside its CSRF filter).
 */
public class RequestGuard {

    public static final String CSRF_HEADER = "X-Requested-With";
    public static final String CSRF_VALUE = "XMLHttpRequest";

    private final RequestAuthorization authorization;

    public RequestGuard(RequestAuthorization authorization) {
        this.authorization = authorization;
    }

    /** A read about the user themselves: logged in, whatever their privileges. */
    public void authenticatedOnly() {
        authenticated();
    }

    /** A read: logged in with any of the privileges. */
    public void read(String... anyOfPrivileges) {
        authenticated();
        privileged(anyOfPrivileges);
    }

    /** A state change: logged in, sent by a script of the page, with any of the privileges. */
    public void change(HttpServletRequest request, String... anyOfPrivileges) {
        authenticated();
        String header = request.getHeader(CSRF_HEADER);
        if (header == null || !CSRF_VALUE.equals(header.trim())) {
            throw new WebException(HttpStatus.FORBIDDEN, null, "A " + request.getMethod().toUpperCase(Locale.ROOT)
                    + " must carry the header " + CSRF_HEADER + ": " + CSRF_VALUE
                    + " (it is refused otherwise, against cross-site requests)");
        }
        privileged(anyOfPrivileges);
    }

    private void authenticated() {
        if (!authorization.isAuthenticated()) {
            throw new WebException(HttpStatus.UNAUTHORIZED, null, "Not logged in: log in to OpenMRS first");
        }
    }

    private void privileged(String... anyOf) {
        for (String privilege : anyOf) {
            if (authorization.hasPrivilege(privilege)) {
                return;
            }
        }
        throw new WebException(HttpStatus.FORBIDDEN, null, "This needs the privilege "
                + (anyOf.length == 1 ? "'" + anyOf[0] + "'" : "one of " + Arrays.toString(anyOf)));
    }
}
