package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * DHIS2 2.41's deprecated delete endpoints, {@code DELETE /api/trackedEntityInstances|enrollments|events/{uid}}:
 * soft deletes that cascade, each answered with a web message around the object's import summary
 * ({@code WebMessageUtils.importSummary}, {@code AbstractTrackedEntityInstanceService.deleteTrackedEntityInstance},
 * {@code AbstractEnrollmentService.deleteEnrollment}, {@code AbstractEventService.deleteEvent}). Callers hold the
 * store's monitor.
 */
final class DeprecatedDelete {

    private DeprecatedDelete() {
    }

    /**
     * {@code DELETE /api/trackedEntityInstances|enrollments|events/{uid}}: a web message around the object's import
     * summary, as {@code WebMessageUtils.importSummary}. Deleting cascades to enrollments and events.
     */
    static Reply delete(Ctx ctx, String resource, String uid, boolean cascadeAllowed) {
        String label;
        boolean exists;
        String orgUnit;
        boolean hasChildren;
        switch (resource) {
            case "trackedEntityInstances":
                label = "tracked entity instance";
                FakeStore.TeRow te = ctx.store.trackedEntities.get(uid);
                exists = te != null;
                orgUnit = exists ? te.orgUnit : null;
                hasChildren = exists && !ctx.store.enrollmentsOf(uid).isEmpty();
                break;
            case "enrollments":
                label = "enrollment";
                FakeStore.EnRow en = ctx.store.enrollments.get(uid);
                exists = en != null;
                orgUnit = exists ? en.orgUnit : null;
                hasChildren = exists && !ctx.store.eventsOf(uid).isEmpty();
                break;
            default:
                label = "event";
                FakeStore.EvRow ev = ctx.store.events.get(uid);
                exists = ev != null;
                orgUnit = exists ? ev.orgUnit : null;
                hasChildren = false;
        }
        if (!exists) {
            String name = Character.toUpperCase(label.charAt(0)) + label.substring(1);
            ObjectNode s = DeprecatedImport.summary("SUCCESS", null, name + " " + uid + " cannot be deleted as it is not present in the system",
                    0, 0, 1, List.of(), null, null);
            return wrapOne(200, s);
        }
        List<String[]> conflicts = new ArrayList<>();
        if (!ctx.metadata.isAccessible(orgUnit)) {
            conflicts.add(new String[] {"OrganisationUnit", "User has no delete access to organisation unit: " + orgUnit});
        } else if (hasChildren && !cascadeAllowed) {
            conflicts.add(new String[] {resource.equals("enrollments") ? "Enrollment" : "TrackedEntityInstance",
                    "The " + label + " to be deleted has associated "
                            + (resource.equals("enrollments") ? "events" : "enrollments")
                            + ". Deletion requires special authority: "
                            + (resource.equals("enrollments") ? "F_ENROLLMENT_CASCADE_DELETE" : "F_TEI_CASCADE_DELETE")});
        }
        if (!conflicts.isEmpty()) {
            return wrapOne(409, DeprecatedImport.summary("ERROR", null, null, 0, 0, 1, conflicts, uid, null));
        }
        switch (resource) {
            case "trackedEntityInstances":
                ctx.store.deleteTrackedEntity(uid);
                break;
            case "enrollments":
                ctx.store.deleteEnrollment(uid);
                break;
            default:
                ctx.store.deleteEvent(uid);
        }
        ObjectNode s = DeprecatedImport.summary("SUCCESS", null, "Deletion of " + label + " " + uid + " was successful", 0, 0, 0,
                List.of(), resource.equals("trackedEntityInstances") ? null : uid, null);
        s.with("importCount").put("deleted", 1);
        return wrapOne(200, s);
    }

    private static Reply wrapOne(int code, ObjectNode summary) {
        boolean error = summary.get("status").asText().equals("ERROR");
        ObjectNode n = Reply.webMessage(code, error ? "ERROR" : "OK",
                error ? "An error occurred, please check import summary." : "Import was successful.");
        n.set("response", summary);
        return Reply.json(code, n);
    }
}
