package org.openmrs.module.dhis2sync.settings;

/** The stored DHIS2 secret cannot be decrypted (e.g. the installation's encryption key changed). */
public class SecretUnreadableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SecretUnreadableException(String message) {
        super(message);
    }
}
