package org.openmrs.module.dhis2sync.web;

/** Where the REST API lives: OpenMRS serves {@code /ws/*} with its dispatcher, so this is {@code /openmrs/ws/rest/v1/dhis2sync}. */
final class WebPaths {

    static final String BASE = "/rest/v1/dhis2sync";

    private WebPaths() {
    }
}
