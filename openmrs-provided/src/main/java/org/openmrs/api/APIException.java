package org.openmrs.api;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.api.APIException} (compile only). */
public class APIException extends RuntimeException {

    public static final long serialVersionUID = 12121212L;

    public APIException() {
    }

    public APIException(String message) {
        super(message);
    }

    public APIException(String message, Throwable cause) {
        super(message, cause);
    }

    public APIException(Throwable cause) {
        super(cause);
    }
}
