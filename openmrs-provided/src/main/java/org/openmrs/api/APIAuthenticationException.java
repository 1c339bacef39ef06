package org.openmrs.api;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.APIAuthenticationException} (compile only): what
 * OpenMRS's {@code @Authorized} check throws when the user is not logged in or lacks the privilege.
 */
public class APIAuthenticationException extends APIException {

    public static final long serialVersionUID = 12121213L;

    public APIAuthenticationException() {
    }

    public APIAuthenticationException(String message) {
        super(message);
    }

    public APIAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }

    public APIAuthenticationException(Throwable cause) {
        super(cause);
    }
}
