package org.openmrs.module.dhis2sync.web;

/** Where the REST API lives: OpenMRS serves {@code /ws/*} with its dispatcher, so this is {@code /openmrs/ws/rest/v1/dhis2sync}. */
final class WebPaths {

    static final String BASE = "/rest/v1/dhis2sync";

    // Path variables are written {uuid:.+}: Spring 5.2 (OpenMRS 2.5-2.7) would otherwise take "abc.def" as "abc" with
    // a file extension, and answer 404 for a uuid that is not uuid-shaped instead of the 400 the API promises.

    private WebPaths() {
    }
}
