package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openmrs.module.dhis2sync.dhis2.Uid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /api/tracker}: DHIS2's tracker importer with the validation rules a sync client meets (E1015,
 * E1016, E1125, E1064, E1063, E1048, E1051/E1052, ...), atomicMode ALL/OBJECT, importMode COMMIT/VALIDATE and
 * importStrategy CREATE/UPDATE/CREATE_AND_UPDATE. Callers hold the store's monitor.
 */
final class TrackerImport {

    static final String TE = "TRACKED_ENTITY";
    static final String EN = "ENROLLMENT";
    static final String EV = "EVENT";

    /** The outcome: an HTTP status and the import report (or a whole-request failure reply). */
    static final class Result {
        final int httpStatus;
        final ObjectNode report;
        final Reply failure;
        final boolean wrote;

        Result(int httpStatus, ObjectNode report, Reply failure, boolean wrote) {
            this.httpStatus = httpStatus;
            this.report = report;
            this.failure = failure;
            this.wrote = wrote;
        }
    }

    private static final class Item {
        final String type;
        final String uid;
        final JsonNode json;
        final Item parent;
        final List<ObjectNode> errors = new ArrayList<>();
        String te;
        String enrollment;
        String program;
        String status;
        boolean exists;

        Item(String type, String uid, JsonNode json, Item parent) {
            this.type = type;
            this.uid = uid;
            this.json = json;
            this.parent = parent;
        }

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Ctx ctx;
    private final String strategy;
    private final boolean atomicAll;
    private final boolean validateOnly;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Item> bundle = new HashMap<>();
    private final Map<String, String> uniqueClaims = new HashMap<>();

    TrackerImport(Ctx ctx, String importStrategy, String atomicMode, String importMode) {
        this.ctx = ctx;
        this.strategy = importStrategy == null ? "CREATE_AND_UPDATE" : importStrategy.toUpperCase();
        this.atomicAll = atomicMode == null || !atomicMode.equalsIgnoreCase("OBJECT");
        this.validateOnly = importMode != null && importMode.equalsIgnoreCase("VALIDATE");
    }

    Result run(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new Result(400, null, Reply.error(400, "JSON parse error: request body is not a JSON object"), false);
        }
        collect(body);
        if (!ctx.v41()) {
            String bad = firstMalformedUid();
            if (bad != null) {
                return new Result(400, null, Reply.error(400, "JSON parse error: Cannot construct instance of "
                        + "`org.hisp.dhis.common.UID`, problem: UID must be an alphanumeric string of 11 characters "
                        + "starting with a letter, but was: " + bad), false);
            }
        }
        for (Item i : items) {
            if (i.type.equals(TE)) {
                validateTrackedEntity(i);
            }
        }
        for (Item i : items) {
            if (i.type.equals(EN)) {
                validateEnrollment(i);
            }
        }
        for (Item i : items) {
            if (i.type.equals(EV)) {
                validateEvent(i);
            }
        }
        boolean anyError = items.stream().anyMatch(i -> !i.valid());
        ObjectNode report = Reply.JSON.createObjectNode();
        ArrayNode errorReports = Reply.JSON.createArrayNode();
        items.forEach(i -> i.errors.forEach(errorReports::add));
        if (atomicAll && anyError) {
            report.put("status", "ERROR");
            ObjectNode validation = report.putObject("validationReport");
            validation.set("errorReports", errorReports);
            validation.putArray("warningReports");
            report.set("stats", stats(0, 0, items.size()));
            return new Result(409, report, null, false);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, ArrayNode> objectReports = new LinkedHashMap<>();
        for (String type : List.of("RELATIONSHIP", TE, EN, EV)) {
            counts.put(type, new int[3]);
            objectReports.put(type, Reply.JSON.createArrayNode());
        }
        for (Item i : items) {
            int[] c = counts.get(i.type);
            if (!i.valid()) {
                c[2]++;
            } else if (validateOnly) {
                continue;
            } else {
                c[i.exists ? 1 : 0]++;
                ObjectNode r = objectReports.get(i.type).addObject();
                r.put("trackerType", i.type);
                r.put("uid", i.uid);
                r.putArray("errorReports");
            }
        }
        if (!validateOnly) {
            commit();
        }
        int created = 0;
        int updated = 0;
        int ignored = 0;
        for (int[] c : counts.values()) {
            created += c[0];
            updated += c[1];
            ignored += c[2];
        }
        report.put("status", "OK");
        ObjectNode validation = report.putObject("validationReport");
        validation.set("errorReports", errorReports);
        validation.putArray("warningReports");
        report.set("stats", stats(created, updated, ignored));
        ObjectNode map = report.putObject("bundleReport").putObject("typeReportMap");
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            ObjectNode t = map.putObject(e.getKey());
            t.put("trackerType", e.getKey());
            t.set("stats", stats(e.getValue()[0], e.getValue()[1], e.getValue()[2]));
            t.set("objectReports", objectReports.get(e.getKey()));
        }
        return new Result(200, report, null, !validateOnly && created + updated > 0);
    }

    static ObjectNode stats(int created, int updated, int ignored) {
        ObjectNode s = Reply.JSON.createObjectNode();
        s.put("created", created);
        s.put("updated", updated);
        s.put("deleted", 0);
        s.put("ignored", ignored);
        s.put("total", created + updated + ignored);
        return s;
    }

    // ---------------------------------------------------------------- payload

    private void collect(JsonNode body) {
        for (JsonNode te : body.path("trackedEntities")) {
            Item t = add(TE, te.path("trackedEntity"), te, null);
            t.te = t.uid;
            for (JsonNode en : te.path("enrollments")) {
                Item e = add(EN, en.path("enrollment"), en, t);
                e.te = text(en, "trackedEntity") != null ? text(en, "trackedEntity") : t.uid;
                collectEvents(en, e);
            }
        }
        for (JsonNode en : body.path("enrollments")) {
            Item e = add(EN, en.path("enrollment"), en, null);
            e.te = text(en, "trackedEntity");
            collectEvents(en, e);
        }
        for (JsonNode ev : body.path("events")) {
            Item v = add(EV, ev.path("event"), ev, null);
            v.enrollment = text(ev, "enrollment");
        }
    }

    private void collectEvents(JsonNode en, Item e) {
        for (JsonNode ev : en.path("events")) {
            Item v = add(EV, ev.path("event"), ev, e);
            v.enrollment = text(ev, "enrollment") != null ? text(ev, "enrollment") : e.uid;
        }
    }

    private Item add(String type, JsonNode uidNode, JsonNode json, Item parent) {
        String uid = uidNode.isTextual() && !uidNode.asText().isEmpty() ? uidNode.asText() : Uid.generate();
        Item i = new Item(type, uid, json, parent);
        items.add(i);
        bundle.putIfAbsent(type + ":" + uid, i);
        return i;
    }

    private String firstMalformedUid() {
        for (Item i : items) {
            if (!Uid.isValid(i.uid)) {
                return i.uid;
            }
            for (String ref : List.of("trackedEntity", "enrollment")) {
                String v = text(i.json, ref);
                if (v != null && !Uid.isValid(v)) {
                    return v;
                }
            }
        }
        return null;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    // ---------------------------------------------------------------- validation

    private void error(Item i, String code, String message, String... args) {
        ObjectNode e = Reply.JSON.createObjectNode();
        e.put("message", message);
        e.put("errorCode", code);
        e.put("trackerType", i.type);
        e.put("uid", i.uid);
        ArrayNode a = e.putArray("args");
        for (String arg : args) {
            a.add(arg);
        }
        i.errors.add(e);
    }

    private boolean checkUidAndStrategy(Item i, boolean exists, String label, String existsCode, String missingCode,
            String missingText) {
        if (ctx.v41() && !Uid.isValid(i.uid)) {
            error(i, "E1048", "Object: `" + i.uid + "`, uid: `" + i.uid + "`, has an invalid uid format.", i.uid, i.uid);
            return false;
        }
        i.exists = exists;
        if (strategy.equals("CREATE") && exists) {
            error(i, existsCode, label + ": `" + i.uid + "`, already exists.", i.uid);
        } else if (strategy.equals("UPDATE") && !exists) {
            error(i, missingCode, label + ": `" + i.uid + "`, " + missingText, i.uid);
        }
        return true;
    }

    private void checkOrgUnit(Item i, String orgUnit, String missingCode, String property, String unknownCode,
            String unknownText) {
        if (orgUnit == null) {
            error(i, missingCode, "Missing required " + property + " property: `orgUnit`.", "orgUnit");
        } else if (ctx.metadata.orgUnit(orgUnit).isEmpty()) {
            error(i, unknownCode, "Could not find OrganisationUnit: `" + orgUnit + "`, " + unknownText + ".", orgUnit);
        } else if (!ctx.metadata.isAccessible(orgUnit)) {
            error(i, "E1000", "User: `" + ctx.username + "`, has no write access to OrganisationUnit: `" + orgUnit + "`.",
                    ctx.username, orgUnit);
        }
    }

    private void validateTrackedEntity(Item i) {
        FakeStore.TeRow existing = ctx.store.trackedEntities.get(i.uid);
        if (!checkUidAndStrategy(i, existing != null, "TrackedEntity", "E1002", "E1063", "does not exist.")) {
            return;
        }
        String type = text(i.json, "trackedEntityType");
        if (type == null) {
            error(i, "E1121", "Missing required trackedEntity property: `trackedEntityType`.", "trackedEntityType");
        } else if (ctx.metadata.trackedEntityType(type).isEmpty()) {
            error(i, "E1005", "Could not find TrackedEntityType: `" + type + "`.", type);
        }
        checkOrgUnit(i, text(i.json, "orgUnit"), "E1121", "trackedEntity", "E1049", "linked to Tracked Entity");
        validateAttributes(i, i.uid, i.json.path("attributes"));
    }

    private void validateAttributes(Item i, String teUid, JsonNode attributes) {
        for (JsonNode a : attributes) {
            String id = text(a, "attribute");
            String value = text(a, "value");
            Metadata.TrackedEntityAttribute attr = ctx.metadata.attribute(id).orElse(null);
            if (attr == null) {
                error(i, "E1006", "Attribute: `" + id + "`, does not exist.", String.valueOf(id));
                continue;
            }
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (attr.optionSet() != null) {
                Metadata.OptionSet os = ctx.metadata.optionSet(attr.optionSet()).orElse(null);
                if (os != null && !os.hasCodes(value, attr.valueType())) {
                    error(i, "E1125", optionMessage(value, os.id()), value, os.id());
                    continue;
                }
            }
            String problem = ValueTypes.problem(attr.valueType(), value);
            if (problem != null) {
                error(i, "E1085", "Attribute: `" + id + "`, value does not match value type: `" + attr.valueType() + "`.",
                        id, attr.valueType());
                continue;
            }
            if (attr.unique()) {
                String claim = id + "\u0000" + value;
                String claimedBy = uniqueClaims.get(claim);
                boolean taken = ctx.store.holderOf(id, value, teUid) != null
                        || (claimedBy != null && !claimedBy.equals(teUid));
                if (taken) {
                    error(i, "E1064", "Non-unique attribute value `" + value + "` for attribute `" + id + "`"
                            + (ctx.v41() ? "" : "."), value, id);
                } else {
                    uniqueClaims.put(claim, teUid);
                }
            }
        }
    }

    private String optionMessage(String value, String optionSet) {
        return ctx.v41() ? "Value `" + value + "` is not a valid option code in option set `" + optionSet + "`"
                : "Value `" + value + "` is not a valid option code in OptionSet `" + optionSet + "`.";
    }

    /** The referenced parent in this payload, when it failed validation (DHIS2's E5000). */
    private boolean parentRejected(Item i, String parentType, String parentUid) {
        Item parent = bundle.get(parentType + ":" + parentUid);
        if (parent != null && !parent.valid()) {
            error(i, "E5000", "\"" + i.type + "\" `" + i.uid + "` cannot be persisted because \"" + parentType + "\" `"
                    + parentUid + "` referenced by it cannot be persisted.", i.type, i.uid, parentType, parentUid);
            return true;
        }
        return false;
    }

    private void validateEnrollment(Item i) {
        FakeStore.EnRow existing = ctx.store.enrollments.get(i.uid);
        if (!checkUidAndStrategy(i, existing != null, "Enrollment", "E1080", "E1081", "do not exist.")) {
            return;
        }
        JsonNode j = i.json;
        String programId = text(j, "program");
        Metadata.Program program = ctx.metadata.program(programId).orElse(null);
        if (programId == null) {
            error(i, "E1122", "Missing required enrollment property: `program`.", "program");
        } else if (program == null) {
            error(i, "E1069", "Could not find Program: `" + programId + "`, linked to Enrollment.", programId);
        } else if (existing != null && !existing.program.equals(programId)) {
            error(i, "E1094", "Not allowed to update Enrollment: `" + i.uid + "`, existing Program `" + existing.program
                    + "`.", i.uid, existing.program);
        }
        i.program = programId;
        checkOrgUnit(i, text(j, "orgUnit"), "E1122", "enrollment", "E1070", "linked to Enrollment");
        boolean teKnown = false;
        if (i.te == null) {
            error(i, "E1122", "Missing required enrollment property: `trackedEntity`.", "trackedEntity");
        } else if (!parentRejected(i, TE, i.te)) {
            teKnown = ctx.store.trackedEntities.containsKey(i.te) || bundle.containsKey(TE + ":" + i.te);
            if (!teKnown) {
                error(i, "E1068", "Could not find TrackedEntity: `" + i.te + "`, linked to Enrollment.", i.te);
            } else {
                checkOwnership(i, programId);
            }
        }
        i.status = text(j, "status") == null ? "ACTIVE" : text(j, "status").toUpperCase();
        if (!ctx.v41() && text(j, "completedAt") != null && !i.status.equals("COMPLETED")) {
            error(i, "E1052", "Enrollment: `" + i.uid + "` completedAt must be null when status is `" + i.status + "`.",
                    i.uid, i.status);
        }
        String enrolledAt = text(j, "enrolledAt");
        if (Dates.normalize(enrolledAt) == null) {
            error(i, "E1025", "Property enrolledAt is null or has an invalid format: `" + enrolledAt + "`.",
                    String.valueOf(enrolledAt));
        }
        String occurredAt = text(j, "occurredAt");
        if (occurredAt != null && Dates.normalize(occurredAt) == null) {
            error(i, "E1023", "DisplayIncidentDate is true but property occurredAt is null or has an invalid format: `"
                    + occurredAt + "`.", occurredAt);
        }
        if (program != null && teKnown && !i.status.equals("CANCELLED")) {
            checkOtherEnrollments(i, program);
        }
        validateAttributes(i, i.te, j.path("attributes"));
    }

    /** E1016 and E1015 against the stored enrollments, as this payload changes them, and earlier payload items. */
    private void checkOtherEnrollments(Item i, Metadata.Program program) {
        Map<String, String> statusByUid = new LinkedHashMap<>();
        for (FakeStore.EnRow e : ctx.store.enrollmentsOf(i.te)) {
            if (e.program.equals(program.id())) {
                statusByUid.put(e.uid, e.status);
            }
        }
        for (Item other : items) {
            if (other == i) {
                break;
            }
            if (other.type.equals(EN) && other.valid() && Objects.equals(other.te, i.te)
                    && program.id().equals(other.program)) {
                statusByUid.put(other.uid, other.status);
            }
        }
        statusByUid.remove(i.uid);
        boolean anyOther = statusByUid.values().stream().anyMatch(s -> !s.equals("CANCELLED"));
        boolean activeOther = statusByUid.values().stream().anyMatch(s -> s.equals("ACTIVE"));
        if (program.onlyEnrollOnce() && anyOther) {
            error(i, "E1016", "TrackedEntity: `" + i.te + "`, already has an enrollment in Program: `" + program.id()
                    + "`, and this program only allows enrolling one time.", i.te, program.id());
        } else if (i.status.equals("ACTIVE") && activeOther) {
            error(i, "E1015", "TrackedEntity: `" + i.te + "`" + (ctx.v41() ? "," : "")
                    + " already has an active Enrollment in Program `" + program.id() + "`.", i.te, program.id());
        }
    }

    /** E1102: the tracked entity is owned by an org unit outside the user's capture scope. */
    private void checkOwnership(Item i, String programId) {
        FakeStore.TeRow owner = ctx.store.trackedEntities.get(i.te);
        if (owner != null && !ctx.metadata.isAccessible(owner.orgUnit)) {
            error(i, "E1102", "User: `" + ctx.username + "`, does not have access to the tracked entity: `" + i.te
                    + "`, Program: `" + programId + "`, combination.", ctx.username, i.te, String.valueOf(programId));
        }
    }

    private void validateEvent(Item i) {
        FakeStore.EvRow existing = ctx.store.events.get(i.uid);
        if (!checkUidAndStrategy(i, existing != null, "Event", "E1030", "E1032", "do not exist.")) {
            return;
        }
        JsonNode j = i.json;
        String programId = text(j, "program");
        String stageId = text(j, "programStage");
        Metadata.Program program = ctx.metadata.program(programId).orElse(null);
        if (programId != null && program == null) {
            error(i, "E1010", "Could not find Program: `" + programId + "`, linked to Event.", programId);
        }
        Metadata.ProgramStage stage = null;
        if (stageId == null) {
            error(i, "E1123", "Missing required event property: `programStage`.", "programStage");
        } else {
            Metadata.Program owner = ctx.metadata.programs().stream().filter(p -> p.stage(stageId).isPresent())
                    .findFirst().orElse(null);
            if (owner == null) {
                error(i, "E1013", "Could not find ProgramStage: `" + stageId + "`, linked to Event.", stageId);
            } else if (program != null && !owner.id().equals(program.id())) {
                error(i, "E1089", "Event: `" + i.uid + "`, references a Program Stage `" + stageId
                        + "` that does not belong to Program `" + program.id() + "`.", i.uid, stageId, program.id());
            } else {
                stage = owner.stage(stageId).orElseThrow();
                if (program == null && programId == null) {
                    program = owner;
                }
            }
        }
        i.program = program == null ? programId : program.id();
        checkOrgUnit(i, text(j, "orgUnit"), "E1123", "event", "E1011", "linked to Event");
        if (i.enrollment == null) {
            error(i, "E1033", "Event: `" + i.uid + "`, Enrollment value is NULL.", i.uid);
        } else if (!parentRejected(i, EN, i.enrollment)) {
            FakeStore.EnRow stored = ctx.store.enrollments.get(i.enrollment);
            Item inBundle = bundle.get(EN + ":" + i.enrollment);
            String enrollmentProgram = inBundle != null ? inBundle.program : stored != null ? stored.program : null;
            if (stored == null && inBundle == null) {
                error(i, "E1033", "Event: `" + i.uid + "`, Enrollment value is NULL.", i.uid);
            } else if (i.program != null && enrollmentProgram != null && !enrollmentProgram.equals(i.program)) {
                error(i, "E1079", "Event: `" + i.uid + "`, program: `" + i.program
                        + "` is different from program defined in enrollment `" + i.enrollment + "`.", i.uid,
                        i.program, i.enrollment);
            }
            i.te = inBundle != null ? inBundle.te : stored != null ? stored.te : null;
            if (i.te != null) {
                checkOwnership(i, i.program);
            }
        }
        i.status = text(j, "status") == null ? "ACTIVE" : text(j, "status").toUpperCase();
        if (!ctx.v41() && text(j, "completedAt") != null && !i.status.equals("COMPLETED")) {
            error(i, "E1051", "Event: `" + i.uid + "` completedAt must be null when status is `" + i.status + "`.",
                    i.uid, i.status);
        }
        String occurredAt = text(j, "occurredAt");
        boolean needsDate = List.of("ACTIVE", "COMPLETED", "VISITED").contains(i.status);
        if ((needsDate && occurredAt == null) || (occurredAt != null && Dates.normalize(occurredAt) == null)) {
            error(i, "E1031", "Event OccurredAt date is missing.");
        }
        if (stage != null && !stage.repeatable() && i.enrollment != null) {
            final String sid = stage.id();
            boolean another = ctx.store.eventsOf(i.enrollment).stream()
                    .anyMatch(e -> e.stage.equals(sid) && !e.uid.equals(i.uid));
            if (another) {
                error(i, "E1039", "ProgramStage: `" + sid + "`, is not repeatable and an event already exists.", sid);
            }
        }
        for (JsonNode dv : j.path("dataValues")) {
            validateDataValue(i, stage, text(dv, "dataElement"), text(dv, "value"));
        }
    }

    private void validateDataValue(Item i, Metadata.ProgramStage stage, String deId, String value) {
        Metadata.DataElement de = ctx.metadata.dataElement(deId).orElse(null);
        if (de == null) {
            error(i, "E1304", "DataElement `" + deId + "` is not a valid data element", String.valueOf(deId));
            return;
        }
        if (stage != null && !stage.dataElements().contains(deId)) {
            error(i, "E1305", "DataElement `" + deId + "` is not part of `" + stage.id() + "` program stage", deId,
                    stage.id());
            return;
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        if (de.optionSet() != null) {
            Metadata.OptionSet os = ctx.metadata.optionSet(de.optionSet()).orElse(null);
            if (os != null && !os.hasCodes(value, de.valueType())) {
                error(i, "E1125", optionMessage(value, os.id()), value, os.id());
                return;
            }
        }
        String problem = ValueTypes.problem(de.valueType(), value);
        if (problem != null) {
            error(i, "E1302", "DataElement `" + deId + "` is not valid: `" + problem + "`", de.valueType(), problem);
        }
    }

    // ---------------------------------------------------------------- commit

    private void commit() {
        String now = Dates.now();
        for (Item i : items) {
            if (i.valid() && i.type.equals(TE)) {
                commitTrackedEntity(i, now);
            }
        }
        for (Item i : items) {
            if (i.valid() && i.type.equals(EN)) {
                commitEnrollment(i, now);
            }
        }
        for (Item i : items) {
            if (i.valid() && i.type.equals(EV)) {
                commitEvent(i, now);
            }
        }
    }

    private void commitTrackedEntity(Item i, String now) {
        FakeStore.TeRow row = ctx.store.trackedEntities.get(i.uid);
        if (row == null) {
            row = new FakeStore.TeRow();
            row.uid = i.uid;
            row.created = now;
            row.seq = ctx.store.nextSeq();
            row.storedBy = ctx.v41() ? ctx.username : null;
            ctx.store.trackedEntities.put(i.uid, row);
        }
        row.type = text(i.json, "trackedEntityType");
        row.orgUnit = text(i.json, "orgUnit");
        row.updated = now;
        applyAttributes(row, i.json.path("attributes"), now);
        ctx.store.indexed(row);
    }

    private void applyAttributes(FakeStore.TeRow row, JsonNode attributes, String now) {
        for (JsonNode a : attributes) {
            String id = text(a, "attribute");
            String value = text(a, "value");
            if (value == null || value.isEmpty()) {
                row.attributes.remove(id);
                continue;
            }
            FakeStore.Value v = row.attributes.get(id);
            if (v == null) {
                v = new FakeStore.Value();
                v.created = now;
                row.attributes.put(id, v);
            }
            if (!value.equals(v.value)) {
                v.updated = now;
            }
            v.value = value;
            v.updated = v.updated == null ? now : v.updated;
            v.storedBy = ctx.v41() ? ctx.username : null;
        }
    }

    private void commitEnrollment(Item i, String now) {
        JsonNode j = i.json;
        FakeStore.EnRow row = ctx.store.enrollments.get(i.uid);
        if (row == null) {
            row = new FakeStore.EnRow();
            row.uid = i.uid;
            row.created = now;
            row.seq = ctx.store.nextSeq();
            row.storedBy = text(j, "storedBy") != null ? text(j, "storedBy") : ctx.username;
            ctx.store.enrollments.put(i.uid, row);
        } else {
            row.storedBy = text(j, "storedBy");
        }
        row.te = i.te;
        row.program = i.program;
        row.orgUnit = text(j, "orgUnit");
        row.enrolledAt = Dates.normalize(text(j, "enrolledAt"));
        String occurred = Dates.normalize(text(j, "occurredAt"));
        row.occurredAt = occurred != null ? occurred : row.enrolledAt;
        completion(row, i.status, Dates.normalize(text(j, "completedAt")));
        row.updated = now;
        FakeStore.TeRow te = ctx.store.trackedEntities.get(i.te);
        if (te != null) {
            applyAttributes(te, j.path("attributes"), now);
            te.updated = now;
            ctx.store.indexed(te);
        }
        ctx.store.indexed(row);
    }

    private void completion(FakeStore.EnRow row, String status, String completedAt) {
        boolean wasCompleted = "COMPLETED".equals(row.status);
        row.status = status;
        if (status.equals("COMPLETED")) {
            row.completedAt = completedAt != null ? completedAt : wasCompleted && row.completedAt != null
                    ? row.completedAt : Dates.now();
            row.completedBy = ctx.username;
        } else {
            row.completedAt = null;
            row.completedBy = null;
        }
    }

    private void commitEvent(Item i, String now) {
        JsonNode j = i.json;
        FakeStore.EvRow row = ctx.store.events.get(i.uid);
        if (row == null) {
            row = new FakeStore.EvRow();
            row.uid = i.uid;
            row.created = now;
            row.seq = ctx.store.nextSeq();
            row.storedBy = text(j, "storedBy") != null ? text(j, "storedBy") : ctx.username;
            ctx.store.events.put(i.uid, row);
        } else {
            row.storedBy = text(j, "storedBy");
        }
        row.enrollment = i.enrollment;
        row.te = i.te;
        row.program = i.program;
        row.stage = text(j, "programStage");
        row.orgUnit = text(j, "orgUnit");
        row.status = i.status;
        row.occurredAt = Dates.normalize(text(j, "occurredAt"));
        row.scheduledAt = Dates.normalize(text(j, "scheduledAt"));
        boolean wasCompleted = row.completedAt != null;
        if (i.status.equals("COMPLETED")) {
            String given = Dates.normalize(text(j, "completedAt"));
            row.completedAt = given != null ? given : wasCompleted ? row.completedAt : Dates.now();
            row.completedBy = ctx.username;
        } else {
            row.completedAt = null;
            row.completedBy = null;
        }
        for (JsonNode dv : j.path("dataValues")) {
            String de = text(dv, "dataElement");
            String value = text(dv, "value");
            if (value == null || value.isEmpty()) {
                row.dataValues.remove(de);
                continue;
            }
            FakeStore.Value v = row.dataValues.get(de);
            if (v == null) {
                v = new FakeStore.Value();
                v.created = now;
                row.dataValues.put(de, v);
            }
            v.value = value;
            v.updated = now;
            v.storedBy = ctx.username;
        }
        row.updated = now;
        ctx.store.indexed(row);
    }
}
