package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The GET endpoints: tracker API reads (both versions), deprecated reads (2.41) and the metadata lists a
 * configuration screen uses. Callers hold the store's monitor.
 */
final class ReadApi {

    static final String TE_DEFAULT_FIELDS = "*,!relationships,!enrollments,!events,!programOwners";
    static final String EN_DEFAULT_FIELDS = "*,!events,!relationships,!attributes";
    static final String EV_DEFAULT_FIELDS = "*,!relationships";

    private final Ctx ctx;
    private final Views views;

    ReadApi(Ctx ctx) {
        this.ctx = ctx;
        this.views = new Views(ctx);
    }

    /** A request the fake refuses as DHIS2 would; carries the reply. */
    static final class Refusal extends Exception {
        final transient Reply reply;

        Refusal(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }

    // ------------------------------------------------------------------ org unit scope

    private Set<String> scope(List<String> orgUnits, String mode) throws Refusal {
        for (String ou : orgUnits) {
            if (ctx.metadata.orgUnit(ou).isEmpty()) {
                throw new Refusal(Reply.error(400, "Organisation unit does not exist: " + ou, "E1003"));
            }
        }
        String m = mode == null ? (orgUnits.isEmpty() ? "ACCESSIBLE" : "DESCENDANTS") : mode.toUpperCase(Locale.ROOT);
        Set<String> result;
        switch (m) {
            case "SELECTED":
                result = new HashSet<>(orgUnits);
                break;
            case "CHILDREN":
                result = ctx.metadata.children(orgUnits);
                break;
            case "DESCENDANTS":
                result = ctx.metadata.withDescendants(orgUnits);
                break;
            case "ACCESSIBLE":
            case "CAPTURE":
            case "ALL":
                result = new HashSet<>(ctx.metadata.accessibleOrgUnits());
                break;
            default:
                throw new Refusal(Reply.error(400, "Invalid orgUnitMode: " + mode));
        }
        if (m.equals("SELECTED") || m.equals("CHILDREN") || m.equals("DESCENDANTS")) {
            if (orgUnits.isEmpty()) {
                throw new Refusal(Reply.error(400, "At least one org unit is required for orgUnitMode: " + m));
            }
        }
        result.retainAll(ctx.metadata.accessibleOrgUnits());
        return result;
    }

    /**
     * A {@code Set<UID>} parameter of the tracker API ({@code trackedEntities}, {@code enrollments}, {@code events},
     * {@code orgUnits}): Spring splits it on commas and binds each part as a UID, refusing the request with 400 on the
     * first part that is not one, e.g. {@code a;b} (message recorded on 2.41.9.1 and 2.42.5.2).
     */
    static List<String> uidSet(Query q, String name) throws Refusal {
        List<String> uids = new ArrayList<>();
        for (String value : q.all(name)) {
            for (String part : value.split(",")) {
                String uid = part.trim();
                if (uid.isEmpty()) {
                    continue;
                }
                if (!org.openmrs.module.dhis2sync.dhis2.Uid.isValid(uid)) {
                    throw new Refusal(Reply.error(400, "Value '" + uid + "' is not valid for parameter " + name
                            + ". UID must be an alphanumeric string of 11 characters starting with a letter, but was: "
                            + uid));
                }
                uids.add(uid);
            }
        }
        return uids;
    }

    private FieldFilter fields(Query q, String defaults) {
        return FieldFilter.parse(q.get("fields", defaults));
    }

    // ------------------------------------------------------------------ tracker API

    /**
     * {@code GET /api/tracker/trackedEntities} with the parameters {@code TrackedEntityRequestParams} declares: 2.41
     * also reads its deprecated {@code orgUnit}, {@code ouMode} and {@code trackedEntity}; 2.42 removed them and
     * ignores them, like any parameter it does not declare.
     */
    Reply trackedEntities(Query q) throws Refusal {
        List<String> orgUnits = uidSet(q, "orgUnits");
        String mode = q.get("orgUnitMode");
        List<String> wanted = uidSet(q, "trackedEntities");
        if (ctx.v41()) {
            orgUnits.addAll(q.semicolonList("orgUnit"));
            mode = mode != null ? mode : q.get("ouMode");
            wanted.addAll(q.semicolonList("trackedEntity"));
        }
        String programId = q.get("program");
        String typeId = q.get("trackedEntityType");
        if (programId == null && typeId == null && wanted.isEmpty()) {
            throw new Refusal(Reply.error(400,
                    "Either `program`, `trackedEntityType` or `trackedEntities` should be specified"));
        }
        if (programId != null && ctx.metadata.program(programId).isEmpty()) {
            throw new Refusal(Reply.error(400, "Program is specified but does not exist: " + programId));
        }
        if (typeId != null && ctx.metadata.trackedEntityType(typeId).isEmpty()) {
            throw new Refusal(Reply.error(400, "Tracked entity type is specified but does not exist: " + typeId));
        }
        Set<String> scope = scope(orgUnits, mode);
        List<AttributeFilter> filters = attributeFilters(q, 400);
        List<FakeStore.TeRow> rows = ctx.store.searchCandidates(wanted, filters).stream()
                .filter(te -> scope.contains(te.orgUnit))
                .filter(te -> typeId == null || typeId.equals(te.type))
                .filter(te -> programId == null || ctx.store.enrollmentsOf(te.uid).stream()
                        .anyMatch(e -> e.program.equals(programId)))
                .filter(te -> wanted.isEmpty() || wanted.contains(te.uid))
                .filter(te -> filters.stream().allMatch(f -> f.matches(value(te, f.attribute))))
                .sorted(Comparator.comparingLong((FakeStore.TeRow te) -> te.seq).reversed())
                .collect(Collectors.toList());
        FieldFilter f = fields(q, TE_DEFAULT_FIELDS);
        List<JsonNode> nodes = rows.stream().map(te -> f.apply(views.trackedEntity(te, programId)))
                .collect(Collectors.toList());
        return trackerPage("trackedEntities", nodes, q, "/api/tracker/trackedEntities");
    }

    private List<AttributeFilter> attributeFilters(Query q, int status) throws Refusal {
        try {
            // 400: the tracker API, which escapes commas; 409: the deprecated API
            List<AttributeFilter> filters = status == 400 ? AttributeFilter.parseTracker(q.all("filter"))
                    : AttributeFilter.parseAll(q.all("filter"));
            for (AttributeFilter f : filters) {
                if (ctx.metadata.attribute(f.attribute).isEmpty()) {
                    throw new Refusal(Reply.error(status, "Query item or filter is invalid: " + f.attribute));
                }
            }
            return filters;
        } catch (AttributeFilter.Invalid e) {
            throw new Refusal(Reply.error(status, e.getMessage()));
        }
    }

    private static String value(FakeStore.TeRow te, String attribute) {
        FakeStore.Value v = te.attributes.get(attribute);
        return v == null ? null : v.value;
    }

    Reply trackedEntity(String uid, Query q) {
        FakeStore.TeRow te = ctx.store.trackedEntities.get(uid);
        if (te == null || !ctx.metadata.isAccessible(te.orgUnit)) {
            return Reply.error(404, "TrackedEntity with id " + uid + " could not be found.", "E1005");
        }
        return Reply.json(200, fields(q, TE_DEFAULT_FIELDS).apply(views.trackedEntity(te, q.get("program"))));
    }

    /**
     * {@code GET /api/tracker/enrollments} with the parameters {@code EnrollmentRequestParams} declares: one
     * {@code trackedEntity}, the {@code enrollments} set; 2.41 also {@code orgUnit}, {@code ouMode} and
     * {@code enrollment} (semicolons), 2.42 also {@code status}. Neither declares {@code trackedEntities}: a request
     * with it alone returns every enrollment the user may see (seen on 2.41.9.1).
     */
    Reply enrollments(Query q) throws Refusal {
        List<String> orgUnits = uidSet(q, "orgUnits");
        String mode = q.get("orgUnitMode");
        List<String> wanted = uidSet(q, "enrollments");
        if (ctx.v41()) {
            orgUnits.addAll(q.semicolonList("orgUnit"));
            mode = mode != null ? mode : q.get("ouMode");
            wanted.addAll(q.semicolonList("enrollment"));
        }
        Set<String> scope = scope(orgUnits, mode);
        String te = q.get("trackedEntity");
        String program = q.get("program");
        String status = !ctx.v41() && q.get("status") != null ? q.get("status") : q.get("programStatus");
        List<FakeStore.EnRow> rows = ctx.store.enrollments.values().stream()
                .filter(e -> scope.contains(e.orgUnit))
                .filter(e -> te == null || te.equals(e.te))
                .filter(e -> program == null || program.equals(e.program))
                .filter(e -> status == null || status.equalsIgnoreCase(e.status))
                .filter(e -> wanted.isEmpty() || wanted.contains(e.uid))
                .sorted(Comparator.comparingLong((FakeStore.EnRow e) -> e.seq).reversed())
                .collect(Collectors.toList());
        FieldFilter f = fields(q, EN_DEFAULT_FIELDS);
        List<JsonNode> nodes = rows.stream().map(e -> f.apply(views.enrollment(e, true))).collect(Collectors.toList());
        return trackerPage("enrollments", nodes, q, "/api/tracker/enrollments");
    }

    Reply enrollment(String uid, Query q) {
        FakeStore.EnRow e = ctx.store.enrollments.get(uid);
        if (e == null || !ctx.metadata.isAccessible(e.orgUnit)) {
            return Reply.error(404, "Enrollment with id " + uid + " could not be found.", "E1005");
        }
        return Reply.json(200, fields(q, EN_DEFAULT_FIELDS).apply(views.enrollment(e, true)));
    }

    /**
     * {@code GET /api/tracker/events} with the parameters {@code EventRequestParams} declares: one {@code orgUnit} (no
     * {@code orgUnits}), the {@code enrollments} and {@code events} sets; 2.41 also {@code ouMode} and {@code event}
     * (semicolons).
     */
    Reply events(Query q) throws Refusal {
        List<String> orgUnits = new ArrayList<>();
        if (q.get("orgUnit") != null) {
            orgUnits.add(q.get("orgUnit"));
        }
        String mode = q.get("orgUnitMode");
        List<String> wanted = uidSet(q, "events");
        if (ctx.v41()) {
            mode = mode != null ? mode : q.get("ouMode");
            wanted.addAll(q.semicolonList("event"));
        }
        Set<String> scope = scope(orgUnits, mode);
        String program = q.get("program");
        String stage = q.get("programStage");
        String te = q.get("trackedEntity");
        String status = q.get("status");
        List<String> enrollments = uidSet(q, "enrollments");
        List<FakeStore.EvRow> rows = ctx.store.events.values().stream()
                .filter(e -> scope.contains(e.orgUnit))
                .filter(e -> program == null || program.equals(e.program))
                .filter(e -> stage == null || stage.equals(e.stage))
                .filter(e -> te == null || te.equals(e.te))
                .filter(e -> status == null || status.equalsIgnoreCase(e.status))
                .filter(e -> enrollments.isEmpty() || enrollments.contains(e.enrollment))
                .filter(e -> wanted.isEmpty() || wanted.contains(e.uid))
                .sorted(Comparator.comparingLong((FakeStore.EvRow e) -> e.seq).reversed())
                .collect(Collectors.toList());
        FieldFilter f = fields(q, EV_DEFAULT_FIELDS);
        List<JsonNode> nodes = rows.stream().map(e -> f.apply(views.event(e))).collect(Collectors.toList());
        return trackerPage("events", nodes, q, "/api/tracker/events");
    }

    Reply event(String uid, Query q) {
        FakeStore.EvRow e = ctx.store.events.get(uid);
        if (e == null || !ctx.metadata.isAccessible(e.orgUnit)) {
            return Reply.error(404, "Event with id " + uid + " could not be found.", "E1005");
        }
        return Reply.json(200, fields(q, EV_DEFAULT_FIELDS).apply(views.event(e)));
    }

    /** The tracker API's paged list: {@code pager} (2.41 repeats its fields at the top; 2.42 adds links). */
    private Reply trackerPage(String key, List<JsonNode> all, Query q, String path) {
        ObjectNode out = Reply.JSON.createObjectNode();
        boolean paging = !"false".equalsIgnoreCase(q.get("paging")) && !(ctx.v41() && q.isTrue("skipPaging"));
        if (!paging) {
            out.set(key, array(all));
            return Reply.json(200, out);
        }
        int page = Math.max(1, q.integer("page", 1));
        int pageSize = Math.max(1, q.integer("pageSize", 50));
        boolean totals = q.isTrue("totalPages");
        int from = Math.min(all.size(), (page - 1) * pageSize);
        int to = Math.min(all.size(), from + pageSize);
        ObjectNode pager = out.putObject("pager");
        pager.put("page", page);
        pager.put("pageSize", pageSize);
        int pageCount = (all.size() + pageSize - 1) / pageSize;
        if (totals) {
            pager.put("total", all.size());
            pager.put("pageCount", pageCount);
        }
        if (ctx.v41()) {
            out.put("page", page);
            out.put("pageSize", pageSize);
            if (totals) {
                out.put("total", all.size());
                out.put("pageCount", pageCount);
            }
        } else {
            if (page > 1) {
                pager.put("prevPage", ctx.baseUrl + path + "?" + q.withPage(page - 1));
            }
            if (to < all.size()) {
                pager.put("nextPage", ctx.baseUrl + path + "?" + q.withPage(page + 1));
            }
        }
        out.set(key, array(all.subList(from, to)));
        return Reply.json(200, out);
    }

    private static ArrayNode array(List<JsonNode> nodes) {
        ArrayNode a = Reply.JSON.createArrayNode();
        nodes.forEach(a::add);
        return a;
    }

    // ------------------------------------------------------------------ deprecated API (2.41)

    private Set<String> deprecatedScope(Query q) throws Refusal {
        List<String> ou = q.semicolonList("ou");
        String mode = q.get("ouMode");
        boolean global = mode != null && List.of("ACCESSIBLE", "CAPTURE", "ALL").contains(mode.toUpperCase(Locale.ROOT));
        if (ou.isEmpty() && !global) {
            throw new Refusal(Reply.error(409, "At least one organisation unit must be specified"));
        }
        for (String o : ou) {
            if (ctx.metadata.orgUnit(o).isEmpty()) {
                throw new Refusal(Reply.error(409, "Organisation unit does not exist: " + o));
            }
        }
        return scope(ou, mode == null ? "SELECTED" : mode);
    }

    Reply trackedEntityInstances(Query q) throws Refusal {
        Set<String> scope = deprecatedScope(q);
        String programId = q.get("program");
        String typeId = q.get("trackedEntityType");
        List<String> wanted = q.semicolonList("trackedEntityInstance");
        if (programId == null && typeId == null && wanted.isEmpty()) {
            throw new Refusal(Reply.error(409, "Either Program or Tracked entity type should be specified"));
        }
        if (programId != null && ctx.metadata.program(programId).isEmpty()) {
            throw new Refusal(Reply.error(409, "Program does not exist: " + programId));
        }
        List<AttributeFilter> filters = attributeFilters(q, 409);
        List<FakeStore.TeRow> rows = ctx.store.searchCandidates(wanted, filters).stream()
                .filter(te -> scope.contains(te.orgUnit))
                .filter(te -> typeId == null || typeId.equals(te.type))
                .filter(te -> programId == null || ctx.store.enrollmentsOf(te.uid).stream()
                        .anyMatch(e -> e.program.equals(programId)))
                .filter(te -> wanted.isEmpty() || wanted.contains(te.uid))
                .filter(te -> filters.stream().allMatch(f -> f.matches(value(te, f.attribute))))
                .sorted(Comparator.comparingLong(te -> te.seq))
                .collect(Collectors.toList());
        String fieldSpec = q.get("fields");
        List<JsonNode> nodes = new ArrayList<>();
        for (FakeStore.TeRow te : rows) {
            ObjectNode n = views.trackedEntityInstance(te, programId);
            if (fieldSpec == null) {
                // the list's default fields leave enrollments and owners out, as empty arrays
                n.putArray("enrollments");
                n.putArray("programOwners");
                nodes.add(n);
            } else {
                nodes.add(FieldFilter.parse(fieldSpec).apply(n));
            }
        }
        return deprecatedPage("trackedEntityInstances", nodes, q);
    }

    private Reply deprecatedPage(String key, List<JsonNode> all, Query q) {
        ObjectNode out = Reply.JSON.createObjectNode();
        boolean paging = !"false".equalsIgnoreCase(q.get("paging")) && !q.isTrue("skipPaging");
        if (!paging) {
            out.set(key, array(all));
            return Reply.json(200, out);
        }
        int page = Math.max(1, q.integer("page", 1));
        int pageSize = Math.max(1, q.integer("pageSize", 50));
        int from = Math.min(all.size(), (page - 1) * pageSize);
        int to = Math.min(all.size(), from + pageSize);
        if (q.isTrue("totalPages")) {
            ObjectNode pager = out.putObject("pager");
            pager.put("page", page);
            pager.put("pageCount", (all.size() + pageSize - 1) / pageSize);
            pager.put("total", all.size());
            pager.put("pageSize", pageSize);
        }
        out.set(key, array(all.subList(from, to)));
        return Reply.json(200, out);
    }

    Reply trackedEntityInstance(String uid, Query q) {
        FakeStore.TeRow te = ctx.store.trackedEntities.get(uid);
        if (te == null || !ctx.metadata.isAccessible(te.orgUnit)) {
            return Reply.error(404, "TrackedEntityInstance not found for ID " + uid);
        }
        return Reply.json(200, fields(q, "*").apply(views.trackedEntityInstance(te, q.get("program"))));
    }

    Reply deprecatedEnrollments(Query q) throws Refusal {
        Set<String> scope = deprecatedScope(q);
        String te = q.get("trackedEntityInstance");
        String program = q.get("program");
        String status = q.get("programStatus");
        List<JsonNode> nodes = ctx.store.enrollments.values().stream()
                .filter(e -> scope.contains(e.orgUnit))
                .filter(e -> te == null || te.equals(e.te))
                .filter(e -> program == null || program.equals(e.program))
                .filter(e -> status == null || status.equalsIgnoreCase(e.status))
                .sorted(Comparator.comparingLong(e -> e.seq))
                .map(e -> fields(q, "*").apply(views.deprecatedEnrollment(e, false)))
                .collect(Collectors.toList());
        return deprecatedPage("enrollments", nodes, q);
    }

    Reply deprecatedEnrollment(String uid, Query q) {
        FakeStore.EnRow e = ctx.store.enrollments.get(uid);
        if (e == null) {
            return Reply.error(404, "Enrollment not found for ID " + uid);
        }
        return Reply.json(200, fields(q, "*").apply(views.deprecatedEnrollment(e, false)));
    }

    Reply deprecatedEvents(Query q) throws Refusal {
        List<String> ou = q.semicolonList("orgUnit");
        Set<String> scope = scope(ou, q.get("ouMode", ou.isEmpty() ? "ACCESSIBLE" : "SELECTED"));
        String program = q.get("program");
        String stage = q.get("programStage");
        String te = q.get("trackedEntityInstance");
        List<String> wanted = q.semicolonList("event");
        List<JsonNode> nodes = ctx.store.events.values().stream()
                .filter(e -> scope.contains(e.orgUnit))
                .filter(e -> program == null || program.equals(e.program))
                .filter(e -> stage == null || stage.equals(e.stage))
                .filter(e -> te == null || te.equals(e.te))
                .filter(e -> wanted.isEmpty() || wanted.contains(e.uid))
                .sorted(Comparator.comparingLong(e -> e.seq))
                .map(e -> fields(q, "*").apply(views.deprecatedEvent(e)))
                .collect(Collectors.toList());
        return deprecatedPage("events", nodes, q);
    }

    Reply deprecatedEvent(String uid, Query q) {
        FakeStore.EvRow e = ctx.store.events.get(uid);
        if (e == null) {
            return Reply.error(404, "Event not found for ID " + uid);
        }
        return Reply.json(200, fields(q, "*").apply(views.deprecatedEvent(e)));
    }

    // ------------------------------------------------------------------ metadata

    Reply metadataList(String type, Query q) throws Refusal {
        List<ObjectNode> all;
        switch (type) {
            case "programs":
                all = ctx.metadata.programs().stream().map(this::program).collect(Collectors.toList());
                break;
            case "trackedEntityAttributes":
                all = ctx.metadata.attributes().stream().map(this::attribute).collect(Collectors.toList());
                break;
            case "dataElements":
                all = ctx.metadata.dataElements().stream().map(this::dataElement).collect(Collectors.toList());
                break;
            case "optionSets":
                all = ctx.metadata.optionSets().stream().map(this::optionSet).collect(Collectors.toList());
                break;
            case "organisationUnits":
                all = ctx.metadata.orgUnits().stream().map(this::orgUnit).collect(Collectors.toList());
                break;
            case "trackedEntityTypes":
                all = ctx.metadata.trackedEntityTypes().stream().map(this::trackedEntityType).collect(Collectors.toList());
                break;
            case "programStages":
                all = ctx.metadata.programs().stream().flatMap(p -> p.stages().stream())
                        .map(this::stage).collect(Collectors.toList());
                break;
            default:
                return null;
        }
        String query = q.get("query");
        List<ObjectNode> selected = new ArrayList<>();
        for (ObjectNode o : all) {
            if (query != null && !matchesQuery(o, query)) {
                continue;
            }
            boolean ok = true;
            for (String filter : q.all("filter")) {
                ok &= metadataFilter(o, filter);
            }
            if (ok) {
                selected.add(o);
            }
        }
        FieldFilter f = fields(q, "id,displayName");
        List<JsonNode> nodes = selected.stream().map(f::apply).collect(Collectors.toList());
        ObjectNode out = Reply.JSON.createObjectNode();
        if ("false".equalsIgnoreCase(q.get("paging"))) {
            out.set(type, array(nodes));
            return Reply.json(200, out);
        }
        int page = Math.max(1, q.integer("page", 1));
        int pageSize = Math.max(1, q.integer("pageSize", 50));
        int from = Math.min(nodes.size(), (page - 1) * pageSize);
        int to = Math.min(nodes.size(), from + pageSize);
        ObjectNode pager = out.putObject("pager");
        pager.put("page", page);
        pager.put("total", nodes.size());
        pager.put("pageSize", pageSize);
        pager.put("pageCount", Math.max(1, (nodes.size() + pageSize - 1) / pageSize));
        if (to < nodes.size()) {
            pager.put("nextPage", ctx.baseUrl + "/api/" + type + "?" + q.withPage(page + 1));
        }
        out.set(type, array(nodes.subList(from, to)));
        return Reply.json(200, out);
    }

    Reply metadataObject(String type, String id, Query q) throws Refusal {
        Reply list = metadataList(type, new Query("paging=false&fields=*"));
        if (list == null) {
            return null;
        }
        try {
            for (JsonNode n : Reply.JSON.readTree(list.body).path(type)) {
                if (id.equals(n.path("id").asText())) {
                    return Reply.json(200, fields(q, "*").apply(n));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Reply.error(404, type.substring(0, type.length() - 1) + " with id " + id + " could not be found.", "E1005");
    }

    private static boolean matchesQuery(ObjectNode o, String query) {
        String ql = query.toLowerCase(Locale.ROOT);
        return o.path("name").asText("").toLowerCase(Locale.ROOT).contains(ql) || query.equals(o.path("id").asText())
                || query.equalsIgnoreCase(o.path("code").asText());
    }

    private static boolean metadataFilter(ObjectNode o, String filter) throws Refusal {
        String[] p = filter.split(":", 3);
        if (p.length < 3) {
            throw new Refusal(Reply.error(400, "Invalid filter: " + filter));
        }
        String actual = o.path(p[0]).asText(null);
        String op = p[1].toLowerCase(Locale.ROOT);
        String expected = p[2];
        if (actual == null) {
            return op.equals("null");
        }
        String a = actual.toLowerCase(Locale.ROOT);
        String e = expected.toLowerCase(Locale.ROOT);
        switch (op) {
            case "eq": return actual.equals(expected);
            case "ieq": return a.equals(e);
            case "!eq":
            case "ne": return !actual.equals(expected);
            case "like": return actual.contains(expected);
            case "ilike": return a.contains(e);
            case "in":
                String list = expected.replaceAll("^\\[|\\]$", "");
                return List.of(list.split(",")).contains(actual);
            case "!null": return true;
            default: throw new Refusal(Reply.error(400, "Unsupported filter operator: " + p[1]));
        }
    }

    private ObjectNode ref(String id) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("id", id);
        return n;
    }

    private ObjectNode named(String id, String name, String code) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("id", id);
        n.put("name", name);
        n.put("displayName", name);
        if (code != null) {
            n.put("code", code);
        }
        return n;
    }

    private ObjectNode program(Metadata.Program p) {
        ObjectNode n = named(p.id(), p.name(), null);
        n.put("programType", "WITH_REGISTRATION");
        n.set("trackedEntityType", ref(p.trackedEntityType()));
        n.put("onlyEnrollOnce", p.onlyEnrollOnce());
        n.put("displayIncidentDate", p.displayIncidentDate());
        ArrayNode stages = n.putArray("programStages");
        p.stages().forEach(s -> stages.add(stage(s)));
        ArrayNode attrs = n.putArray("programTrackedEntityAttributes");
        for (String a : p.attributes()) {
            ObjectNode pa = attrs.addObject();
            pa.put("mandatory", ctx.metadata.isMandatory(p.id(), a));
            ctx.metadata.attribute(a).ifPresent(attr -> pa.set("trackedEntityAttribute", attribute(attr)));
        }
        ArrayNode ous = n.putArray("organisationUnits");
        p.orgUnits().forEach(ou -> ous.add(ref(ou)));
        return n;
    }

    private ObjectNode stage(Metadata.ProgramStage s) {
        ObjectNode n = named(s.id(), s.name(), null);
        n.put("repeatable", s.repeatable());
        ctx.metadata.programs().stream().filter(p -> p.stage(s.id()).isPresent()).findFirst()
                .ifPresent(p -> n.set("program", ref(p.id())));
        ArrayNode des = n.putArray("programStageDataElements");
        for (String de : s.dataElements()) {
            ObjectNode psde = des.addObject();
            psde.put("compulsory", false);
            ctx.metadata.dataElement(de).ifPresent(d -> psde.set("dataElement", dataElement(d)));
        }
        return n;
    }

    private ObjectNode attribute(Metadata.TrackedEntityAttribute a) {
        ObjectNode n = named(a.id(), a.name(), a.code());
        n.put("valueType", a.valueType());
        n.put("unique", a.unique());
        n.put("optionSetValue", a.optionSet() != null);
        if (a.optionSet() != null) {
            n.set("optionSet", ref(a.optionSet()));
        }
        return n;
    }

    private ObjectNode dataElement(Metadata.DataElement d) {
        ObjectNode n = named(d.id(), d.name(), d.code());
        n.put("valueType", d.valueType());
        n.put("domainType", "TRACKER");
        n.put("optionSetValue", d.optionSet() != null);
        if (d.optionSet() != null) {
            n.set("optionSet", ref(d.optionSet()));
        }
        return n;
    }

    private ObjectNode optionSet(Metadata.OptionSet os) {
        ObjectNode n = named(os.id(), os.name(), null);
        n.put("valueType", os.valueType());
        ArrayNode options = n.putArray("options");
        for (Metadata.Option o : os.options()) {
            ObjectNode x = named(o.id(), o.name(), o.code());
            options.add(x);
        }
        return n;
    }

    /** An org unit as DHIS2 shows it, with its path from the root. */
    ObjectNode orgUnit(Metadata.OrgUnit ou) {
        ObjectNode n = named(ou.id(), ou.name(), ou.code());
        n.put("shortName", ou.name());
        StringBuilder path = new StringBuilder();
        int level = 0;
        for (Metadata.OrgUnit cur = ou; cur != null; cur = ctx.metadata.orgUnit(cur.parent()).orElse(null)) {
            path.insert(0, "/" + cur.id());
            level++;
        }
        n.put("path", path.toString());
        n.put("level", level);
        if (ou.parent() != null) {
            n.set("parent", ref(ou.parent()));
        }
        return n;
    }

    private ObjectNode trackedEntityType(Metadata.TrackedEntityType t) {
        return named(t.id(), t.name(), null);
    }
}
