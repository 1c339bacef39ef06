package org.openmrs.module.dhis2sync.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.openmrs.module.dhis2sync.api.Dhis2SyncPrivileges;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;
import org.openmrs.module.dhis2sync.web.TestInstallation;

/**
 * What the browser tests change in the test server between their steps (test scope only, never in the .omod), at
 * {@code /openmrs/e2e/...}: who is logged in ({@code user?as=admin|runner|viewer|nobody}), how slowly the fake DHIS2
 * answers ({@code dhis2-latency?ms=}), a new DHIS2 personal access token ({@code dhis2-token}), and changes made in
 * DHIS2 behind the module's back ({@code dhis2-drift}: Jane's first name changed, John's visit deleted, an event added by
 * hand in Jane's enrollment).
 */
final class E2eControl extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient TestInstallation installation;

    E2eControl(TestInstallation installation) {
        this.installation = installation;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String what = request.getPathInfo() == null ? "" : request.getPathInfo();
        String answer;
        switch (what) {
            case "/user":
                answer = user(request.getParameter("as"));
                break;
            case "/dhis2-latency":
                installation.dhis2.setLatency(Duration.ofMillis(Long.parseLong(request.getParameter("ms"))));
                answer = "latency " + request.getParameter("ms") + " ms";
                break;
            case "/dhis2-token":
                answer = installation.dhis2.createApiToken();
                break;
            case "/dhis2-drift":
                answer = drift();
                break;
            default:
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "no control " + what);
                return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
    }

    private String user(String as) {
        switch (as == null ? "" : as) {
            case "admin":
                installation.user.admin();
                break;
            case "runner":
                installation.user.loggedIn("runner", Dhis2SyncPrivileges.RUN_SYNC);
                break;
            case "viewer":
                installation.user.loggedIn("viewer", Dhis2SyncPrivileges.VIEW_LOGS, Dhis2SyncPrivileges.GET_PATIENTS);
                break;
            case "nobody":
                installation.user.loggedOut();
                break;
            default:
                throw new IllegalArgumentException("as: admin, runner, viewer or nobody");
        }
        return "logged in as " + as;
    }

    private static final String JANE = "a1b2c3d4-0000-4000-8000-0000patient01";
    private static final String JANES_ENROLLMENT = "a1b2c3d4-0000-4000-8000-0000enrolmnt01";
    private static final String JOHNS_VISIT = "a1b2c3d4-0000-4000-8000-0000visit00002";

    /** What someone did in DHIS2 by hand, after the demo mapping's first sync. */
    private String drift() {
        String janeUid = installation.db.inTransaction(() -> installation.db.instanceTrackerDao()
                .findByPatientUuids(java.util.List.of(JANE)).get(JANE).getInstanceUid());
        FakeTrackedEntity jane = installation.dhis2.trackedEntity(janeUid).orElseThrow();
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>(jane.attributes());
        attributes.put("TeaFirstNm1", "Janet");
        installation.dhis2.seedTrackedEntity(new FakeTrackedEntity(jane.uid(), jane.trackedEntityType(),
                jane.orgUnit(), attributes, jane.created(), jane.updated()));
        String johnsVisit = installation.db.inTransaction(() -> installation.db.eventTrackerDao()
                .findByEncounterUuids(java.util.List.of(JOHNS_VISIT)).get(0).getEventUid());
        installation.dhis2.deleteByHand(johnsVisit);
        String enrollmentUid = installation.db.inTransaction(() -> installation.db.enrollmentTrackerDao()
                .findByPatientProgramUuids(java.util.List.of(JANES_ENROLLMENT)).get(JANES_ENROLLMENT)
                .getEnrollmentUid());
        FakeEnrollment enrollment = installation.dhis2.enrollment(enrollmentUid).orElseThrow();
        installation.dhis2.seedEvent(new FakeEvent("EvByHand001", enrollment.uid(), enrollment.trackedEntity(),
                enrollment.program(), "StgVisit001", enrollment.orgUnit(), "COMPLETED",
                java.time.LocalDateTime.of(2026, 1, 20, 0, 0), java.util.Map.of("DeWeightKg1", "63")));
        return "changed in DHIS2: " + janeUid + " renamed, " + johnsVisit + " deleted, EvByHand001 added";
    }
}
