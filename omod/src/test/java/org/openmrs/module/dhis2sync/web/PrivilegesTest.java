package org.openmrs.module.dhis2sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every endpoint: 401 when not logged in, 403 without its privilege (and allowed with it), and for a state change
 * 403 without the page's header and 415 for a body that is not JSON. Nothing is changed by a refused request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivilegesTest {

    private static final String M = Dhis2SyncPrivileges.MANAGE_MAPPINGS;
    private static final String R = Dhis2SyncPrivileges.RUN_SYNC;
    private static final String L = Dhis2SyncPrivileges.VIEW_LOGS;
    private static final String S = Dhis2SyncPrivileges.MANAGE_SETTINGS;
    private static final String MAPPING = "a1b2c3d4-0000-4000-8000-00000unknown";

    private TestInstallation installation;
    private Api api;

    @BeforeAll
    void start() {
        installation = TestInstallation.start();
        api = new Api(installation.mockMvc());
    }

    @AfterAll
    void stop() {
        installation.close();
    }

    /** method, path, body (null: none), the privileges that allow it. */
    static Stream<Arguments> endpoints() {
        String mapping = TestInstallation.demoMappingJson("Privileged");
        return Stream.of(
                endpoint("GET", "mappings", null, M, R, L),
                endpoint("GET", "mappings/" + MAPPING, null, M, R),
                endpoint("POST", "mappings", mapping, M),
                endpoint("POST", "mappings/" + MAPPING, mapping, M),
                endpoint("PUT", "mappings/" + MAPPING, mapping, M),
                endpoint("DELETE", "mappings/" + MAPPING, null, M),
                endpoint("GET", "mappings/export", null, M),
                endpoint("POST", "mappings/import", mapping, M),
                endpoint("GET", "mappings/" + MAPPING + "/preview", null, R),
                endpoint("POST", "mappings/" + MAPPING + "/validate", null, R),
                endpoint("POST", "jobs", "{\"kind\": \"PREVIEW\", \"mappingUuid\": \"" + MAPPING + "\"}", R),
                endpoint("GET", "jobs", null, R),
                endpoint("GET", "jobs/" + MAPPING, null, R),
                endpoint("POST", "jobs/" + MAPPING + "/cancel", null, R),
                endpoint("GET", "jobs/" + MAPPING + "/records", null, R),
                endpoint("GET", "mappings/" + MAPPING + "/health", null, M, R),
                endpoint("POST", "mappings/" + MAPPING + "/health", null, M, R),
                endpoint("POST", "mappings/health", mapping, M),
                endpoint("GET", "names", null, M, R, L),
                endpoint("POST", "names/records", "{\"patients\": [\"" + MAPPING + "\"]}", M, R, L),
                endpoint("GET", "patients?q=jane", null, L),
                endpoint("GET", "patients/" + MAPPING + "/status", null, L),
                endpoint("POST", "sync", "{\"mappingUuid\": \"" + MAPPING + "\", \"comment\": \"x\"}", R),
                endpoint("GET", "runs/" + MAPPING, null, R),
                endpoint("GET", "runs", null, R),
                endpoint("GET", "logs", null, L),
                endpoint("GET", "logs/daily", null, L),
                endpoint("GET", "failures", null, L),
                endpoint("POST", "failures/1/retry", null, R),
                endpoint("POST", "failures/retry", "{\"mappingUuid\": null}", R),
                endpoint("GET", "org-units", null, M),
                endpoint("POST", "org-units", "{\"locationUuid\": \"x\", \"orgUnitUid\": \"OuVerify001\"}", M),
                endpoint("DELETE", "org-units/" + MAPPING, null, M),
                endpoint("GET", "metadata/openmrs/programs", null, M),
                endpoint("GET", "metadata/openmrs/concepts?q=hiv", null, M),
                endpoint("GET", "metadata/openmrs/patientFields", null, M),
                endpoint("GET", "metadata/dhis2/programs", null, M),
                endpoint("GET", "settings", null, S),
                endpoint("POST", "settings", "{\"url\": \"\", \"username\": \"\", \"api\": \"auto\","
                        + " \"defaultOrgUnit\": \"\", \"batchSize\": 250, \"timeoutSeconds\": 60}", S),
                endpoint("POST", "settings/test-connection", null, S));
    }

    private static Arguments endpoint(String method, String path, String body, String... privileges) {
        return Arguments.of(method, path, body, Arrays.asList(privileges));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void notLoggedInIs401(String method, String path, String body, List<String> privileges) {
        installation.user.loggedOut();

        Api.Reply reply = api.send(request(method, path, body, true, true));

        assertThat(reply.status).isEqualTo(401);
        assertThat(reply.errorMessage()).contains("log in");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withoutThePrivilegeIs403(String method, String path, String body, List<String> privileges) {
        // OpenMRS's "Get Patients" too: what is refused is the module's privilege
        String[] others = java.util.stream.Stream.concat(Dhis2SyncPrivileges.all().stream()
                .filter(p -> !privileges.contains(p)), Stream.of(Dhis2SyncPrivileges.GET_PATIENTS))
                .toArray(String[]::new);
        installation.user.loggedIn("someone", others);

        Api.Reply reply = api.send(request(method, path, body, true, true));

        assertThat(reply.status).as(reply.toString()).isEqualTo(403);
        assertThat(reply.errorMessage()).contains(privileges.get(0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withThePrivilegeIsServed(String method, String path, String body, List<String> privileges) {
        for (String privilege : privileges) {
            // with OpenMRS's record reads ("Get Patients", ...), which patient names and job records also need
            List<String> granted = new java.util.ArrayList<>(Dhis2SyncPrivileges.RECORD_READS);
            granted.add(privilege);
            installation.user.loggedIn("someone", granted.toArray(new String[0]));

            Api.Reply reply = api.send(request(method, path, body, true, true));

            // served: the answer may still be 404 for the unknown uuid, 400 or 502 (nothing configured)
            assertThat(reply.status).as(privilege + ": " + reply).isNotIn(401, 403, 415, 500);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void aStateChangeWithoutThePagesHeaderIs403AndAFormIs415(String method, String path, String body,
            List<String> privileges) {
        if (method.equals("GET")) {
            return;
        }
        installation.user.admin();

        Api.Reply noHeader = api.send(request(method, path, body, false, true));
        assertThat(noHeader.status).isEqualTo(403);
        assertThat(noHeader.errorMessage()).contains("X-Requested-With");

        if (body != null) {
            Api.Reply form = api.send(request(method, path, body, true, false));
            assertThat(form.status).as(form.toString()).isEqualTo(415);
        }
    }

    private static MockHttpServletRequestBuilder request(String method, String path, String body, boolean header,
            boolean json) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                org.springframework.http.HttpMethod.valueOf(method), Api.BASE + path);
        if (header) {
            request.header("X-Requested-With", "XMLHttpRequest");
        }
        if (body != null) {
            request.contentType(json ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
                    .content(body);
        }
        return request;
    }
}
