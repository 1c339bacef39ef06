package org.openmrs.module.dhis2sync.api;

/** Nothing of that kind has that identifier. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String identifier) {
        super("no " + what + " with id " + identifier);
    }
}
