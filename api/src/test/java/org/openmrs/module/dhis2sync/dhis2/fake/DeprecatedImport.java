package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openmrs.module.dhis2sync.dhis2.Uid;

import java.util.ArrayList;
import java.util.List;

import static org.openmrs.module.dhis2sync.dhis2.fake.TrackerImport.text;

/**
 * DHIS2 2.41's deprecated importers: {@code POST /api/trackedEntityInstances}, {@code /api/enrollments} and
 * {@code /api/events}, with their ImportSummaries replies (the delete endpoints: {@link DeprecatedDelete}).
 * Their HTTP statuses do not tell success: the enrollments endpoint answers 201 even when it refused the enrollment.
 * Callers hold the store's monitor.
 * <p>
 * {@code dryRun=true} writes tracked entities and enrollments anyway: 2.41.9.1's deprecated tracked entity and
 * enrollment importers never read the flag (only the event importer, {@code EventManager}, does), and the recorded
 * traffic shows a dry run that created 9 tracked entities. A UID deleted before is refused with "… already exists or
 * was deleted earlier" ({@code AbstractTrackedEntityInstanceService}, {@code AbstractEnrollmentService},
 * {@code EventManager}).
 */
final class DeprecatedImport {

    /** A refusal that replaces the whole reply (DHIS2 threw instead of writing an import summary). */
    static final class Abort extends RuntimeException {
        final transient Reply reply;

        Abort(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    private final Ctx ctx;
    private final String strategy;
    private final boolean dryRun;
    private boolean wrote;

    DeprecatedImport(Ctx ctx, String strategy, boolean dryRun) {
        this.ctx = ctx;
        this.strategy = strategy == null ? "CREATE_AND_UPDATE" : strategy.toUpperCase();
        this.dryRun = dryRun;
    }

    /** Whether a write of this kind really writes: only the event importer honours dryRun. */
    private boolean writes(String resource) {
        return !dryRun || !resource.equals("events");
    }

    private ObjectNode deletedEarlier(String label, String uid, ObjectNode options) {
        return summary("ERROR", options, label + " " + uid + " already exists or was deleted earlier", 0, 0, 1,
                List.of(), uid, null);
    }

    boolean wrote() {
        return wrote;
    }

    // ---------------------------------------------------------------- endpoints

    Reply trackedEntityInstances(JsonNode body) {
        List<ObjectNode> summaries = new ArrayList<>();
        List<JsonNode> teis = list(body, "trackedEntityInstances");
        for (JsonNode tei : teis) {
            summaries.add(trackedEntityInstance(tei, teis.size() == 1 ? importOptions(true) : null));
        }
        ObjectNode response = summaries(summaries, importOptions(true));
        boolean error = response.get("status").asText().equals("ERROR");
        return wrap(error ? 409 : 200, response);
    }

    Reply enrollments(JsonNode body) {
        List<ObjectNode> summaries = new ArrayList<>();
        List<JsonNode> enrollments = list(body, "enrollments");
        for (JsonNode en : enrollments) {
            summaries.add(enrollment(en, null, enrollments.size() == 1 ? importOptions(false) : null));
        }
        return wrap(201, summaries(summaries, importOptions(false)));
    }

    Reply events(JsonNode body) {
        List<ObjectNode> summaries = new ArrayList<>();
        List<JsonNode> events = list(body, "events");
        for (JsonNode ev : events) {
            summaries.add(event(ev, null, events.size() == 1 ? importOptions(false) : null));
        }
        ObjectNode response = summaries(summaries, importOptions(false));
        boolean error = response.get("status").asText().equals("ERROR");
        return wrap(error ? 409 : 200, response);
    }

    private static List<JsonNode> list(JsonNode body, String key) {
        List<JsonNode> result = new ArrayList<>();
        if (body != null && body.has(key) && body.get(key).isArray()) {
            body.get(key).forEach(result::add);
        } else if (body != null && body.isObject()) {
            result.add(body);
        }
        return result;
    }

    private Reply wrap(int code, ObjectNode response) {
        String status = response.get("status").asText();
        boolean error = status.equals("ERROR");
        ObjectNode n = Reply.webMessage(code, error ? "ERROR" : status.equals("WARNING") ? "WARNING" : "OK",
                error ? "An error occurred, please check import summary." : "Import was successful.");
        n.set("response", response);
        return Reply.json(code, n);
    }

    // ---------------------------------------------------------------- summaries

    private ObjectNode importOptions(boolean skipLastUpdated) {
        ObjectNode o = Reply.JSON.createObjectNode();
        o.putObject("idSchemes");
        o.put("dryRun", dryRun);
        o.put("async", false);
        o.put("importStrategy", strategy);
        o.put("mergeMode", "REPLACE");
        o.put("reportMode", "FULL");
        for (String f : List.of("skipExistingCheck", "sharing", "skipNotifications", "skipAudit",
                "datasetAllowsPeriods", "strictPeriods", "strictDataElements", "strictCategoryOptionCombos",
                "strictAttributeOptionCombos", "strictOrganisationUnits", "strictDataSetApproval",
                "strictDataSetLocking", "strictDataSetInputPeriods", "requireCategoryOptionCombo",
                "requireAttributeOptionCombo", "skipPatternValidation", "ignoreEmptyCollection", "force")) {
            o.put(f, false);
        }
        o.put("firstRowIsHeader", true);
        o.put("skipLastUpdated", skipLastUpdated);
        o.put("mergeDataValues", false);
        o.put("skipCache", false);
        return o;
    }

    /** ImportSummaries; {@code options} null for the nested ones, which carry no importOptions. */
    private static ObjectNode summaries(List<ObjectNode> list, ObjectNode options) {
        int imported = 0;
        int updated = 0;
        int ignored = 0;
        String status = "SUCCESS";
        for (ObjectNode s : list) {
            JsonNode c = s.get("importCount");
            imported += c.get("imported").asInt();
            updated += c.get("updated").asInt();
            ignored += c.get("ignored").asInt();
            String st = s.get("status").asText();
            if (st.equals("ERROR")) {
                status = "ERROR";
            } else if (st.equals("WARNING") && !status.equals("ERROR")) {
                status = "WARNING";
            }
        }
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("responseType", "ImportSummaries");
        n.put("status", status);
        n.put("imported", imported);
        n.put("updated", updated);
        n.put("deleted", 0);
        n.put("ignored", ignored);
        if (options != null) {
            n.set("importOptions", options);
        }
        ArrayNode array = n.putArray("importSummaries");
        list.forEach(array::add);
        n.put("total", list.size());
        return n;
    }

    static ObjectNode summary(String status, ObjectNode options, String description, int imported,
            int updated, int ignored, List<String[]> conflicts, String reference, String href) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("responseType", "ImportSummary");
        n.put("status", status);
        if (options != null) {
            n.set("importOptions", options);
        }
        if (description != null) {
            n.put("description", description);
        }
        ObjectNode count = n.putObject("importCount");
        count.put("imported", imported);
        count.put("updated", updated);
        count.put("ignored", ignored);
        count.put("deleted", 0);
        ArrayNode c = n.putArray("conflicts");
        for (String[] conflict : conflicts) {
            ObjectNode x = c.addObject();
            x.put("object", conflict[0]);
            x.put("value", conflict[1]);
        }
        n.putArray("rejectedIndexes");
        if (reference != null) {
            n.put("reference", reference);
        }
        if (href != null) {
            n.put("href", href);
        }
        return n;
    }

    // ---------------------------------------------------------------- tracked entity instances

    /** {@code options}: the summary's own importOptions, which DHIS2 writes only when the request held one object. */
    private ObjectNode trackedEntityInstance(JsonNode j, ObjectNode options) {
        String given = text(j, "trackedEntityInstance");
        String uid = given == null ? Uid.generate() : given;
        if (ctx.store.deletedTrackedEntities.containsKey(uid)) {
            return deletedEarlier("Tracked entity instance", uid, options);
        }
        List<String[]> conflicts = new ArrayList<>();
        FakeStore.TeRow existing = ctx.store.trackedEntities.get(uid);
        if (!Uid.isValid(uid)) {
            conflicts.add(new String[] {"TrackedEntityInstance", "Invalid UID `" + uid + "` for property `TrackedEntityInstance`"});
        } else if (strategy.equals("CREATE") && existing != null) {
            conflicts.add(new String[] {"TrackedEntityInstance", "Tracked entity instance " + uid + " already exists"});
        } else if (strategy.equals("UPDATE") && existing == null) {
            conflicts.add(new String[] {"TrackedEntityInstance", "Tracked entity instance " + uid + " does not exist"});
        }
        String type = text(j, "trackedEntityType");
        if (ctx.metadata.trackedEntityType(type).isEmpty()) {
            conflicts.add(new String[] {"TrackedEntityInstance.trackedEntityType", "Invalid trackedEntityType " + type});
        }
        orgUnitConflict(text(j, "orgUnit"), "TrackedEntityInstance.orgUnit", conflicts);
        for (JsonNode a : j.path("attributes")) {
            attributeConflict(uid, text(a, "attribute"), text(a, "value"), conflicts);
        }
        ObjectNode emptyEnrollments = summaries(List.of(), null);
        if (!conflicts.isEmpty()) {
            ObjectNode s = summary("ERROR", options, null, 0, 0, 1, conflicts, uid, null);
            s.set("enrollments", emptyEnrollments);
            return s;
        }
        if (writes("trackedEntityInstances")) {
            writeTrackedEntityInstance(uid, j, existing);
        }
        ObjectNode s = summary("SUCCESS", options, null, existing == null ? 1 : 0, existing == null ? 0 : 1, 0,
                conflicts, uid, dryRun ? null : ctx.baseUrl + "/api/trackedEntityInstances/" + uid);
        List<ObjectNode> nested = new ArrayList<>();
        for (JsonNode en : j.path("enrollments")) {
            nested.add(enrollment(en, uid, null));
        }
        s.set("enrollments", summaries(nested, null));
        return s;
    }

    private void orgUnitConflict(String orgUnit, String object, List<String[]> conflicts) {
        if (ctx.metadata.orgUnit(orgUnit).isEmpty()) {
            conflicts.add(new String[] {object, "Org unit " + orgUnit + " does not exist"});
        } else if (!ctx.metadata.isAccessible(orgUnit)) {
            conflicts.add(new String[] {object, "User has no write access to organisation unit: " + orgUnit});
        }
    }

    private void attributeConflict(String teUid, String id, String value, List<String[]> conflicts) {
        Metadata.TrackedEntityAttribute attr = ctx.metadata.attribute(id).orElse(null);
        if (attr == null) {
            conflicts.add(new String[] {"Attribute.attribute", "Invalid attribute " + id});
            return;
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        if (attr.optionSet() != null) {
            Metadata.OptionSet os = ctx.metadata.optionSet(attr.optionSet()).orElse(null);
            if (os != null && !os.hasCodes(value, attr.valueType())) {
                conflicts.add(new String[] {"Attribute.value", "Value '" + value + "' is not a valid option for attribute "
                        + id + " and option set " + os.id()});
                return;
            }
        }
        if (ValueTypes.problem(attr.valueType(), value) != null) {
            conflicts.add(new String[] {"Attribute.value", "Value '" + value + "' is not valid for value type "
                    + attr.valueType() + " of attribute " + id});
            return;
        }
        if (attr.unique() && ctx.store.holderOf(id, value, teUid) != null) {
            conflicts.add(new String[] {"Attribute.value", "Non-unique attribute value '" + value + "' for attribute " + id});
        }
    }

    private void writeTrackedEntityInstance(String uid, JsonNode j, FakeStore.TeRow existing) {
        String now = Dates.now();
        FakeStore.TeRow row = existing;
        if (row == null) {
            row = new FakeStore.TeRow();
            row.uid = uid;
            row.created = now;
            row.createdAtClient = now;
            row.seq = ctx.store.nextSeq();
            row.storedBy = ctx.username;
            ctx.store.trackedEntities.put(uid, row);
        }
        row.type = text(j, "trackedEntityType");
        row.orgUnit = text(j, "orgUnit");
        row.updated = now;
        // The deprecated API replaces the attribute values: one left out of the payload is deleted.
        java.util.Map<String, FakeStore.Value> before = new java.util.LinkedHashMap<>(row.attributes);
        row.attributes.clear();
        for (JsonNode a : j.path("attributes")) {
            String id = text(a, "attribute");
            String value = text(a, "value");
            if (value == null || value.isEmpty()) {
                continue;
            }
            FakeStore.Value v = before.containsKey(id) ? before.get(id) : new FakeStore.Value();
            if (v.created == null) {
                v.created = now;
            }
            if (!value.equals(v.value)) {
                v.updated = now;
            }
            v.value = value;
            v.storedBy = ctx.username;
            row.attributes.put(id, v);
        }
        ctx.store.indexed(row);
        wrote = true;
    }

    // ---------------------------------------------------------------- enrollments

    private ObjectNode enrollment(JsonNode j, String parentTe, ObjectNode options) {
        String given = text(j, "enrollment");
        String uid = given == null ? Uid.generate() : given;
        if (ctx.store.deletedEnrollments.containsKey(uid)) {
            return withEvents(deletedEarlier("Enrollment", uid, options));
        }
        String te = parentTe != null ? parentTe : text(j, "trackedEntityInstance");
        String programId = text(j, "program");
        String status = text(j, "status") == null ? "ACTIVE" : text(j, "status").toUpperCase();
        List<String[]> conflicts = new ArrayList<>();
        FakeStore.EnRow existing = ctx.store.enrollments.get(uid);
        if (!Uid.isValid(uid)) {
            conflicts.add(new String[] {"Enrollment", "Invalid UID `" + uid + "` for property `Enrollment`"});
        } else if (strategy.equals("CREATE") && existing != null) {
            conflicts.add(new String[] {"Enrollment", "Enrollment " + uid + " already exists"});
        } else if (strategy.equals("UPDATE") && existing == null) {
            conflicts.add(new String[] {"Enrollment", "Enrollment " + uid + " does not exist"});
        }
        Metadata.Program program = ctx.metadata.program(programId).orElse(null);
        if (program == null) {
            conflicts.add(new String[] {"Enrollment.program", "Program " + programId + " does not exist"});
        }
        if (te == null || !ctx.store.trackedEntities.containsKey(te)) {
            conflicts.add(new String[] {"Enrollment.trackedEntityInstance", "Tracked entity instance " + te
                    + " does not exist"});
        }
        orgUnitConflict(text(j, "orgUnit"), "Enrollment.orgUnit", conflicts);
        String enrolledAt = Dates.normalize(text(j, "enrollmentDate"));
        if (enrolledAt == null) {
            conflicts.add(new String[] {"Enrollment.enrollmentDate", "Enrollment date is not valid: "
                    + text(j, "enrollmentDate")});
        }
        String reference = given != null ? uid : null;
        if (!conflicts.isEmpty()) {
            return withEvents(summary("ERROR", options, null, 0, 0, 1, conflicts, reference, null));
        }
        List<FakeStore.EnRow> others = new ArrayList<>();
        for (FakeStore.EnRow e : ctx.store.enrollmentsOf(te)) {
            if (e.program.equals(programId) && !e.uid.equals(uid)) {
                others.add(e);
            }
        }
        boolean activeOther = others.stream().anyMatch(e -> e.status.equals("ACTIVE"));
        if (existing != null) {
            if ("COMPLETED".equals(existing.status) && status.equals("ACTIVE") && activeOther) {
                throw new Abort(Reply.error(409, "Program has another active enrollment going on. Not possible to incomplete"));
            }
        } else if (program.onlyEnrollOnce() && others.stream().anyMatch(e -> !e.status.equals("CANCELLED"))) {
            return withEvents(summary("ERROR", options, "TrackedEntity " + te + " already has an enrollment in program "
                    + programId + ", and this program only allows enrolling one time", 0, 0, 1, conflicts, reference, null));
        } else if (status.equals("ACTIVE") && activeOther) {
            return withEvents(summary("ERROR", options, "TrackedEntity " + te
                    + " already has an active enrollment in program " + programId, 0, 0, 1, conflicts, reference, null));
        }
        if (writes("enrollments")) {
            writeEnrollment(uid, te, j, status, enrolledAt, existing);
        }
        ObjectNode s = summary("SUCCESS", options, null, existing == null ? 1 : 0, existing == null ? 0 : 1, 0,
                conflicts, uid, dryRun ? null : ctx.baseUrl + "/api/enrollments/" + uid);
        List<ObjectNode> nested = new ArrayList<>();
        for (JsonNode ev : j.path("events")) {
            nested.add(event(ev, uid, null));
        }
        s.set("events", summaries(nested, null));
        return s;
    }

    private static ObjectNode withEvents(ObjectNode summary) {
        summary.set("events", summaries(List.of(), null));
        return summary;
    }

    private void writeEnrollment(String uid, String te, JsonNode j, String status, String enrolledAt,
            FakeStore.EnRow existing) {
        String now = Dates.now();
        FakeStore.EnRow row = existing;
        if (row == null) {
            row = new FakeStore.EnRow();
            row.uid = uid;
            row.created = now;
            row.createdAtClient = now;
            row.seq = ctx.store.nextSeq();
            row.storedBy = ctx.username;
            ctx.store.enrollments.put(uid, row);
        }
        row.te = te;
        row.program = text(j, "program");
        row.orgUnit = text(j, "orgUnit");
        row.enrolledAt = enrolledAt;
        String incident = Dates.normalize(text(j, "incidentDate"));
        row.occurredAt = incident != null ? incident : enrolledAt;
        // the completion date changes only with the status: the date sent, else now (AbstractEnrollmentService)
        if (!status.equals(row.status)) {
            row.status = status;
            String completed = Dates.normalize(text(j, "completedDate"));
            if (status.equals("COMPLETED") || status.equals("CANCELLED")) {
                row.completedAt = completed != null ? completed : Dates.now();
                row.completedBy = status.equals("COMPLETED") ? ctx.username : null;
            } else {
                row.completedAt = null;
                row.completedBy = null;
            }
        }
        row.updated = now;
        ctx.store.indexed(row);
        wrote = true;
    }

    // ---------------------------------------------------------------- events

    private ObjectNode event(JsonNode j, String parentEnrollment, ObjectNode options) {
        String given = text(j, "event");
        String uid = given == null ? Uid.generate() : given;
        if (ctx.store.deletedEvents.containsKey(uid)) {
            return deletedEarlier("Event", uid, options);
        }
        List<String[]> conflicts = new ArrayList<>();
        FakeStore.EvRow existing = ctx.store.events.get(uid);
        if (!Uid.isValid(uid)) {
            conflicts.add(new String[] {"Event", "Invalid UID `" + uid + "` for property `Event`"});
        } else if (strategy.equals("CREATE") && existing != null) {
            conflicts.add(new String[] {"Event", "Event " + uid + " already exists"});
        } else if (strategy.equals("UPDATE") && existing == null) {
            conflicts.add(new String[] {"Event", "Event " + uid + " does not exist"});
        }
        String programId = text(j, "program");
        Metadata.Program program = ctx.metadata.program(programId).orElse(null);
        if (program == null) {
            conflicts.add(new String[] {"Event.program", "Event.program does not point to a valid program: " + programId});
        }
        String stageId = text(j, "programStage");
        Metadata.ProgramStage stage = program == null ? null : program.stage(stageId).orElse(null);
        if (program != null && stage == null) {
            conflicts.add(new String[] {"Event.programStage",
                    "Event.programStage does not point to a valid programStage: " + stageId});
        }
        orgUnitConflict(text(j, "orgUnit"), "Event.orgUnit", conflicts);
        String enrollmentUid = parentEnrollment != null ? parentEnrollment : text(j, "enrollment");
        FakeStore.EnRow enrollment = null;
        if (enrollmentUid != null) {
            enrollment = ctx.store.enrollments.get(enrollmentUid);
            if (enrollment == null) {
                conflicts.add(new String[] {"Event.enrollment", "Enrollment " + enrollmentUid + " does not exist"});
            }
        } else if (program != null) {
            String te = text(j, "trackedEntityInstance");
            enrollment = ctx.store.enrollmentsOf(te == null ? "" : te).stream()
                    .filter(e -> e.program.equals(programId) && e.status.equals("ACTIVE")).findFirst().orElse(null);
            if (enrollment == null) {
                conflicts.add(new String[] {"Event.trackedEntityInstance", "Tracked entity instance: " + te
                        + " is not enrolled in program: " + programId});
            }
        }
        String status = text(j, "status") == null ? "ACTIVE" : text(j, "status").toUpperCase();
        String eventDate = Dates.normalize(text(j, "eventDate"));
        if (eventDate == null && List.of("ACTIVE", "COMPLETED", "VISITED").contains(status)) {
            conflicts.add(new String[] {"Event.eventDate", "Event date is required. "});
        }
        for (JsonNode dv : j.path("dataValues")) {
            dataValueConflict(stage, text(dv, "dataElement"), text(dv, "value"), conflicts);
        }
        if (!conflicts.isEmpty()) {
            return summary("ERROR", options, null, 0, 0, 1, conflicts, uid, null);
        }
        if (writes("events")) {
            writeEvent(uid, j, enrollment, status, eventDate, existing);
        }
        return summary("SUCCESS", options, null, existing == null ? 1 : 0, existing == null ? 0 : 1, 0, conflicts,
                uid, dryRun ? null : ctx.baseUrl + "/api/events/" + uid);
    }

    private void dataValueConflict(Metadata.ProgramStage stage, String deId, String value, List<String[]> conflicts) {
        Metadata.DataElement de = ctx.metadata.dataElement(deId).orElse(null);
        if (de == null) {
            conflicts.add(new String[] {String.valueOf(deId), "Data element " + deId
                    + " doesn't exist in the system. Please, provide correct data element"});
            return;
        }
        if (stage != null && !stage.dataElements().contains(deId)) {
            conflicts.add(new String[] {deId, "Data element " + deId + " is not part of program stage " + stage.id()});
            return;
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        if (de.optionSet() != null) {
            Metadata.OptionSet os = ctx.metadata.optionSet(de.optionSet()).orElse(null);
            if (os != null && !os.hasCodes(value, de.valueType())) {
                conflicts.add(new String[] {deId, "Value '" + value + "' is not a valid option code of option set: "
                        + os.id()});
                return;
            }
        }
        String problem = ValueTypes.deprecatedProblem(de.valueType(), value);
        if (problem != null) {
            conflicts.add(new String[] {deId, problem});
        }
    }

    private void writeEvent(String uid, JsonNode j, FakeStore.EnRow enrollment, String status, String eventDate,
            FakeStore.EvRow existing) {
        String now = Dates.now();
        FakeStore.EvRow row = existing;
        if (row == null) {
            row = new FakeStore.EvRow();
            row.uid = uid;
            row.created = now;
            row.createdAtClient = now;
            row.seq = ctx.store.nextSeq();
            row.storedBy = ctx.username;
            ctx.store.events.put(uid, row);
        }
        row.enrollment = enrollment == null ? null : enrollment.uid;
        row.te = enrollment == null ? text(j, "trackedEntityInstance") : enrollment.te;
        row.program = text(j, "program");
        row.stage = text(j, "programStage");
        row.orgUnit = text(j, "orgUnit");
        row.status = status;
        row.occurredAt = eventDate;
        String due = Dates.normalize(text(j, "dueDate"));
        row.scheduledAt = due != null ? due : row.scheduledAt;
        if (status.equals("COMPLETED")) {
            String completed = Dates.normalize(text(j, "completedDate"));
            row.completedAt = completed != null ? completed : row.completedAt != null ? row.completedAt : Dates.now();
            row.completedBy = ctx.username;
        } else {
            row.completedAt = null;
            row.completedBy = null;
        }
        // The deprecated API replaces the event's data values with the payload's.
        java.util.Map<String, FakeStore.Value> before = new java.util.LinkedHashMap<>(row.dataValues);
        row.dataValues.clear();
        for (JsonNode dv : j.path("dataValues")) {
            String de = text(dv, "dataElement");
            String value = text(dv, "value");
            if (value == null || value.isEmpty()) {
                continue;
            }
            FakeStore.Value v = before.containsKey(de) ? before.get(de) : new FakeStore.Value();
            if (v.created == null) {
                v.created = now;
            }
            v.value = value;
            v.updated = now;
            v.storedBy = ctx.username;
            row.dataValues.put(de, v);
        }
        row.updated = now;
        ctx.store.indexed(row);
        wrote = true;
    }
}
