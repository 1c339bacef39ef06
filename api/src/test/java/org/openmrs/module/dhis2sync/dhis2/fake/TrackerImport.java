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
 * importStrategy CREATE/UPDATE/CREATE_AND_UPDATE/DELETE. Callers hold the store's monitor.
 * <p>
 * As dhis2-core 2.41.9.1 and 2.42.5.2 do: VALIDATE never writes ({@code DefaultTrackerBundleService.commit/delete});
 * a soft-deleted UID is refused whatever the strategy (E1114, E1113, E1082: {@code ExistenceValidator}); DELETE needs
 * only the UIDs, refuses unknown ones (E1063, E1081, E1032) and cascades (a tracked entity's enrollments and events, an
 * enrollment's events) unless the user lacks the cascade authority (E1100, E1103); a new event in an org unit the
 * user cannot write gets E1000 twice ({@code event.SecurityOwnershipValidator} checks it in two places). Two new
 * tracked entities of one payload with one unique attribute value: DHIS2 looks for such in-payload duplicates with a
 * {@code TreeMap} whose comparator is not an order ({@code UniqueAttributesSupplier.getDuplicatedUniqueValuesInPayload}),
 * so whether it sees them depends on hash order; the recorded 2.42.5.2 traffic shows a VALIDATE that refused both
 * (E1064) and a COMMIT that created both. The fake does that every time: VALIDATE refuses every holder of the value,
 * COMMIT checks only against what is stored. Completion dates follow {@link #completion}.
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
    private final Map<String, List<Item>> uniqueHolders = new HashMap<>();
    private final boolean cascadeDeleteAllowed;

    TrackerImport(Ctx ctx, String importStrategy, String atomicMode, String importMode, boolean cascadeDeleteAllowed) {
        this.ctx = ctx;
        this.strategy = importStrategy == null ? "CREATE_AND_UPDATE" : importStrategy.toUpperCase();
        this.atomicAll = atomicMode == null || !atomicMode.equalsIgnoreCase("OBJECT");
        this.validateOnly = importMode != null && importMode.equalsIgnoreCase("VALIDATE");
        this.cascadeDeleteAllowed = cascadeDeleteAllowed;
    }

    private boolean deleting() {
        return strategy.equals("DELETE");
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
        if (deleting()) {
            items.forEach(this::validateDeletion);
        } else {
            for (Item i : items) {
                if (i.type.equals(TE)) {
                    validateTrackedEntity(i);
                }
            }
            if (validateOnly) {
                refuseUniqueValuesSharedInPayload();
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
            counts.put(type, new int[4]);
            objectReports.put(type, Reply.JSON.createArrayNode());
        }
        for (Item i : items) {
            int[] c = counts.get(i.type);
            if (!i.valid()) {
                c[2]++;
            } else if (validateOnly) {
                continue;
            } else {
                c[deleting() ? 3 : i.exists ? 1 : 0]++;
                ObjectNode r = objectReports.get(i.type).addObject();
                r.put("trackerType", i.type);
                r.put("uid", i.uid);
                r.putArray("errorReports");
            }
        }
        if (!validateOnly) {
            if (deleting()) {
                delete();
            } else {
                commit();
            }
        }
        int created = 0;
        int updated = 0;
        int ignored = 0;
        int deleted = 0;
        for (int[] c : counts.values()) {
            created += c[0];
            updated += c[1];
            ignored += c[2];
            deleted += c[3];
        }
        report.put("status", "OK");
        ObjectNode validation = report.putObject("validationReport");
        validation.set("errorReports", errorReports);
        validation.putArray("warningReports");
        if (validateOnly) {
            // DHIS2 counts only the refused objects of a validation, and reports no type: nothing was persisted
            report.set("stats", stats(0, 0, ignored, 0));
            report.putObject("bundleReport").putObject("typeReportMap");
            return new Result(200, report, null, false);
        }
        report.set("stats", stats(created, updated, ignored, deleted));
        ObjectNode map = report.putObject("bundleReport").putObject("typeReportMap");
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            ObjectNode t = map.putObject(e.getKey());
            t.put("trackerType", e.getKey());
            t.set("stats", stats(e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]));
            t.set("objectReports", objectReports.get(e.getKey()));
        }
        return new Result(200, report, null, created + updated + deleted > 0);
    }

    static ObjectNode stats(int created, int updated, int ignored) {
        return stats(created, updated, ignored, 0);
    }

    static ObjectNode stats(int created, int updated, int ignored, int deleted) {
        ObjectNode s = Reply.JSON.createObjectNode();
        s.put("created", created);
        s.put("updated", updated);
        s.put("deleted", deleted);
        s.put("ignored", ignored);
        s.put("total", created + updated + deleted + ignored);
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
        if (isDeleted(i)) {
            refuseDeleted(i);
            return false;
        }
        i.exists = exists;
        // 2.42 dropped the comma of the event messages (E1030, E1032) only
        String sep = ctx.v41() || !i.type.equals(EV) ? ", " : " ";
        if (strategy.equals("CREATE") && exists) {
            error(i, existsCode, label + ": `" + i.uid + "`" + sep + "already exists.", i.uid);
        } else if ((strategy.equals("UPDATE") || deleting()) && !exists) {
            error(i, missingCode, label + ": `" + i.uid + "`" + sep + missingText, i.uid);
        }
        return true;
    }

    private boolean isDeleted(Item i) {
        switch (i.type) {
            case TE: return ctx.store.deletedTrackedEntities.containsKey(i.uid);
            case EN: return ctx.store.deletedEnrollments.containsKey(i.uid);
            default: return ctx.store.deletedEvents.containsKey(i.uid);
        }
    }

    /** E1114, E1113, E1082: "is already deleted and cannot be modified" (2.42 drops the comma of the first two). */
    private void refuseDeleted(Item i) {
        String sep = ctx.v41() ? ", " : " ";
        switch (i.type) {
            case TE:
                error(i, "E1114", "TrackedEntity: `" + i.uid + "`" + sep + "is already deleted and cannot be modified.", i.uid);
                break;
            case EN:
                error(i, "E1113", "Enrollment: `" + i.uid + "`" + sep + "is already deleted and cannot be modified.", i.uid);
                break;
            default:
                error(i, "E1082", "Event: `" + i.uid + "`, is already deleted and cannot be modified.", i.uid);
        }
    }

    /** importStrategy=DELETE: the object must exist and not be deleted; its org unit in the user's capture scope. */
    private void validateDeletion(Item i) {
        boolean exists;
        String orgUnit;
        switch (i.type) {
            case TE:
                FakeStore.TeRow te = ctx.store.trackedEntities.get(i.uid);
                exists = te != null;
                orgUnit = te == null ? null : te.orgUnit;
                if (!checkUidAndStrategy(i, exists, "TrackedEntity", "E1002", "E1063", "does not exist.") || !exists) {
                    return;
                }
                if (!cascadeDeleteAllowed && !ctx.store.enrollmentsOf(i.uid).isEmpty()) {
                    error(i, "E1100", (ctx.v41() ? "User: `" + ctx.username + "`, is lacking"
                            : "User: `" + ctx.username + "` lacks") + " 'F_TEI_CASCADE_DELETE' authority to delete "
                            + "TrackedEntity: `" + i.uid + "`.", ctx.username, i.uid);
                }
                break;
            case EN:
                FakeStore.EnRow en = ctx.store.enrollments.get(i.uid);
                exists = en != null;
                orgUnit = en == null ? null : en.orgUnit;
                if (!checkUidAndStrategy(i, exists, "Enrollment", "E1080", "E1081", "do not exist.") || !exists) {
                    return;
                }
                if (!cascadeDeleteAllowed && !ctx.store.eventsOf(i.uid).isEmpty()) {
                    error(i, "E1103", "User: `" + ctx.username + "`" + (ctx.v41() ? ", is lacking" : " lacks")
                            + " 'F_ENROLLMENT_CASCADE_DELETE' authority to delete Enrollment : `" + i.uid + "`.",
                            ctx.username, i.uid);
                }
                break;
            default:
                FakeStore.EvRow ev = ctx.store.events.get(i.uid);
                exists = ev != null;
                orgUnit = ev == null ? null : ev.orgUnit;
                if (!checkUidAndStrategy(i, exists, "Event", "E1030", "E1032", "do not exist.") || !exists) {
                    return;
                }
        }
        if (!ctx.metadata.isAccessible(orgUnit)) {
            error(i, "E1000", "User: `" + ctx.username + "`, has no write access to OrganisationUnit: `" + orgUnit + "`.",
                    ctx.username, orgUnit);
        }
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
                if (ctx.store.holderOf(id, value, teUid) != null) {
                    nonUnique(i, id, value);
                } else if (i.type.equals(TE)) {
                    uniqueHolders.computeIfAbsent(id + "\u0000" + value, k -> new ArrayList<>()).add(i);
                }
            }
        }
    }

    private void nonUnique(Item i, String attribute, String value) {
        error(i, "E1064", "Non-unique attribute value `" + value + "` for attribute `" + attribute + "`"
                + (ctx.v41() ? "" : "."), value, attribute);
    }

    /** VALIDATE only (see the class comment): every new holder of a unique value another object of the payload has. */
    private void refuseUniqueValuesSharedInPayload() {
        for (Map.Entry<String, List<Item>> e : uniqueHolders.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            String[] key = e.getKey().split("\u0000", 2);
            for (Item holder : e.getValue()) {
                nonUnique(holder, key[0], key[1]);
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
        int errorsBefore = i.errors.size();
        checkOrgUnit(i, text(j, "orgUnit"), "E1123", "event", "E1011", "linked to Event");
        if (!i.exists && i.errors.size() == errorsBefore + 1 && i.errors.get(errorsBefore).path("errorCode").asText()
                .equals("E1000")) {
            // a new event's org unit is checked twice (validate() and checkEventWriteAccess()): two identical reports
            i.errors.add(i.errors.get(errorsBefore).deepCopy());
        }
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

    private void delete() {
        for (Item i : items) {
            if (i.valid() && i.type.equals(EV)) {
                ctx.store.deleteEvent(i.uid);
            }
        }
        for (Item i : items) {
            if (i.valid() && i.type.equals(EN)) {
                ctx.store.deleteEnrollment(i.uid);
            }
        }
        for (Item i : items) {
            if (i.valid() && i.type.equals(TE)) {
                ctx.store.deleteTrackedEntity(i.uid);
            }
        }
    }

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

    /**
     * An enrollment's completion date changes only when its status changes (an enrollment sent COMPLETED again keeps
     * the date it has): to COMPLETED or CANCELLED it becomes the import time on 2.41 (which ignores the
     * {@code completedAt} sent: {@code EnrollmentTrackerConverterService}) and the {@code completedAt} sent, else the
     * import time, on 2.42 ({@code TrackerObjectsMapper}); to ACTIVE it is cleared.
     */
    private void completion(FakeStore.EnRow row, String status, String completedAt) {
        if (status.equals(row.status)) {
            return;
        }
        row.status = status;
        String date = ctx.v41() || completedAt == null ? Dates.now() : completedAt;
        switch (status) {
            case "COMPLETED":
                row.completedAt = date;
                row.completedBy = ctx.username;
                break;
            case "CANCELLED":
                row.completedAt = date;
                row.completedBy = null;
                break;
            default:
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
        String previousStatus = row.status;
        row.status = i.status;
        row.occurredAt = Dates.normalize(text(j, "occurredAt"));
        row.scheduledAt = Dates.normalize(text(j, "scheduledAt"));
        // both versions: set when the status becomes COMPLETED (the completedAt sent, else the import time), kept
        // while it stays COMPLETED, cleared otherwise (EventTrackerConverterService / TrackerObjectsMapper)
        if (i.status.equals("COMPLETED") && !"COMPLETED".equals(previousStatus)) {
            String given = Dates.normalize(text(j, "completedAt"));
            row.completedAt = given != null ? given : Dates.now();
            row.completedBy = ctx.username;
        } else if (!i.status.equals("COMPLETED")) {
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
