package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON forms of stored objects, field for field as DHIS2 2.41.9.1 and 2.42.5.2 write them: the tracker API's
 * {@code trackedEntity/enrollment/event} objects and the deprecated API's {@code trackedEntityInstance} ones.
 * Callers hold the store's monitor.
 */
final class Views {

    private final Ctx ctx;

    Views(Ctx ctx) {
        this.ctx = ctx;
    }

    private ObjectNode user(boolean deprecatedOrder) {
        ObjectNode u = Reply.JSON.createObjectNode();
        u.put("uid", Ctx.USER_ID);
        if (deprecatedOrder) {
            u.put("firstName", ctx.username);
            u.put("surname", ctx.username);
            u.put("username", ctx.username);
        } else {
            u.put("username", ctx.username);
            u.put("firstName", ctx.username);
            u.put("surname", ctx.username);
        }
        return u;
    }

    // ------------------------------------------------------------------ tracker API

    /** A tracked entity with every field; {@code program} limits its enrollments (null: all). */
    ObjectNode trackedEntity(FakeStore.TeRow te, String program) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("trackedEntity", te.uid);
        n.put("trackedEntityType", te.type);
        n.put("createdAt", te.created);
        n.put("updatedAt", te.updated);
        n.put("orgUnit", te.orgUnit);
        n.put("inactive", false);
        n.put("deleted", false);
        n.put("potentialDuplicate", false);
        if (ctx.v41() && te.storedBy != null) {
            n.put("storedBy", te.storedBy);
        }
        n.set("createdBy", user(false));
        n.set("updatedBy", user(false));
        n.putArray("relationships");
        n.set("attributes", trackerAttributes(te, null));
        ArrayNode enrollments = n.putArray("enrollments");
        ArrayNode owners = Reply.JSON.createArrayNode();
        for (FakeStore.EnRow e : enrollmentsOf(te.uid, program)) {
            enrollments.add(enrollment(e, true));
        }
        enrollmentsOf(te.uid, program).stream().map(e -> e.program).distinct().forEach(p -> {
            ObjectNode o = owners.addObject();
            o.put("orgUnit", te.orgUnit);
            o.put("trackedEntity", te.uid);
            o.put("program", p);
        });
        n.set("programOwners", owners);
        return n;
    }

    private List<FakeStore.EnRow> enrollmentsOf(String te, String program) {
        return ctx.store.enrollmentsOf(te).stream().filter(e -> program == null || e.program.equals(program))
                .sorted(Comparator.comparingLong((FakeStore.EnRow e) -> e.seq).reversed())
                .collect(Collectors.toList());
    }

    private ArrayNode trackerAttributes(FakeStore.TeRow te, List<String> only) {
        ArrayNode list = Reply.JSON.createArrayNode();
        for (Map.Entry<String, FakeStore.Value> a : te.attributes.entrySet()) {
            if (only != null && !only.contains(a.getKey())) {
                continue;
            }
            Metadata.TrackedEntityAttribute meta = ctx.metadata.attribute(a.getKey()).orElse(null);
            ObjectNode n = list.addObject();
            n.put("attribute", a.getKey());
            if (meta != null && meta.code() != null) {
                n.put("code", meta.code());
            }
            n.put("displayName", meta == null ? a.getKey() : meta.name());
            n.put("createdAt", a.getValue().created);
            n.put("updatedAt", a.getValue().updated);
            if (ctx.v41() && a.getValue().storedBy != null) {
                n.put("storedBy", a.getValue().storedBy);
            }
            n.put("valueType", meta == null ? "TEXT" : meta.valueType());
            n.put("value", a.getValue().value);
        }
        return list;
    }

    /** An enrollment with every field ({@code events}, {@code relationships}, {@code attributes}, {@code notes}). */
    ObjectNode enrollment(FakeStore.EnRow e, boolean withEvents) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("enrollment", e.uid);
        n.put("createdAt", e.created);
        n.put("updatedAt", e.updated);
        n.put("trackedEntity", e.te);
        n.put("program", e.program);
        n.put("status", e.status);
        n.put("orgUnit", e.orgUnit);
        n.put("enrolledAt", e.enrolledAt);
        n.put("occurredAt", e.occurredAt);
        if (e.completedAt != null) {
            n.put("completedAt", e.completedAt);
            n.put("completedBy", e.completedBy);
        }
        n.put("followUp", false);
        n.put("deleted", false);
        if (e.storedBy != null) {
            n.put("storedBy", e.storedBy);
        }
        n.set("createdBy", user(false));
        n.set("updatedBy", user(false));
        ArrayNode events = n.putArray("events");
        if (withEvents) {
            ctx.store.eventsOf(e.uid).forEach(ev -> events.add(event(ev)));
        }
        n.putArray("relationships");
        FakeStore.TeRow te = ctx.store.trackedEntities.get(e.te);
        List<String> programAttributes = ctx.metadata.program(e.program).map(Metadata.Program::attributes)
                .orElse(List.of());
        n.set("attributes", te == null ? Reply.JSON.createArrayNode() : trackerAttributes(te, programAttributes));
        n.putArray("notes");
        return n;
    }

    /** An event with every field. */
    ObjectNode event(FakeStore.EvRow e) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("event", e.uid);
        n.put("status", e.status);
        n.put("program", e.program);
        n.put("programStage", e.stage);
        n.put("enrollment", e.enrollment);
        n.put("trackedEntity", e.te);
        n.put("orgUnit", e.orgUnit);
        n.putArray("relationships");
        if (e.occurredAt != null) {
            n.put("occurredAt", e.occurredAt);
        }
        if (e.scheduledAt != null) {
            n.put("scheduledAt", e.scheduledAt);
        }
        if (e.storedBy != null) {
            n.put("storedBy", e.storedBy);
        }
        n.put("followUp", false);
        n.put("deleted", false);
        n.put("createdAt", e.created);
        n.put("updatedAt", e.updated);
        n.put("attributeOptionCombo", Ctx.DEFAULT_ATTRIBUTE_OPTION_COMBO);
        n.put("attributeCategoryOptions", Ctx.DEFAULT_CATEGORY_OPTION);
        if (e.completedAt != null) {
            n.put("completedBy", e.completedBy);
            n.put("completedAt", e.completedAt);
        }
        n.set("createdBy", user(false));
        n.set("updatedBy", user(false));
        ArrayNode values = n.putArray("dataValues");
        for (Map.Entry<String, FakeStore.Value> dv : e.dataValues.entrySet()) {
            ObjectNode v = values.addObject();
            v.put("createdAt", dv.getValue().created);
            v.put("updatedAt", dv.getValue().updated);
            v.put("storedBy", dv.getValue().storedBy);
            v.put("providedElsewhere", false);
            v.put("dataElement", dv.getKey());
            v.put("value", dv.getValue().value);
            if (!ctx.v41()) {
                v.set("createdBy", user(false));
                v.set("updatedBy", user(false));
            }
        }
        n.putArray("notes");
        if (ctx.v41()) {
            n.put("followup", false);
        }
        return n;
    }

    // ------------------------------------------------------------------ deprecated API (2.41)

    ObjectNode trackedEntityInstance(FakeStore.TeRow te, String program) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("created", te.created);
        n.put("orgUnit", te.orgUnit);
        if (te.createdAtClient != null) {
            n.put("createdAtClient", te.createdAtClient);
        }
        n.put("trackedEntityInstance", te.uid);
        n.put("lastUpdated", te.updated);
        n.put("trackedEntityType", te.type);
        if (te.createdAtClient != null) {
            n.put("lastUpdatedAtClient", te.createdAtClient);
        }
        if (te.storedBy != null) {
            n.put("storedBy", te.storedBy);
        }
        n.put("potentialDuplicate", false);
        n.put("deleted", false);
        n.put("inactive", false);
        n.put("featureType", "NONE");
        n.set("lastUpdatedByUserInfo", user(true));
        n.set("createdByUserInfo", user(true));
        ArrayNode owners = n.putArray("programOwners");
        List<FakeStore.EnRow> enrollments = enrollmentsOf(te.uid, program);
        enrollments.stream().map(e -> e.program).distinct().forEach(p -> {
            ObjectNode o = owners.addObject();
            o.put("ownerOrgUnit", te.orgUnit);
            o.put("program", p);
            o.put("trackedEntityInstance", te.uid);
        });
        ArrayNode list = n.putArray("enrollments");
        enrollments.forEach(e -> list.add(deprecatedEnrollment(e, true)));
        n.putArray("relationships");
        n.set("attributes", deprecatedAttributes(te, null));
        return n;
    }

    private ArrayNode deprecatedAttributes(FakeStore.TeRow te, List<String> only) {
        ArrayNode attributes = Reply.JSON.createArrayNode();
        for (Map.Entry<String, FakeStore.Value> a : te.attributes.entrySet()) {
            if (only != null && !only.contains(a.getKey())) {
                continue;
            }
            Metadata.TrackedEntityAttribute meta = ctx.metadata.attribute(a.getKey()).orElse(null);
            ObjectNode v = attributes.addObject();
            v.put("lastUpdated", a.getValue().updated);
            if (meta != null && meta.code() != null) {
                v.put("code", meta.code());
            }
            v.put("storedBy", a.getValue().storedBy == null ? ctx.username : a.getValue().storedBy);
            v.put("displayName", meta == null ? a.getKey() : meta.name());
            v.put("created", a.getValue().created);
            v.put("valueType", meta == null ? "TEXT" : meta.valueType());
            v.put("attribute", a.getKey());
            v.put("value", a.getValue().value);
        }
        return attributes;
    }

    /** {@code withAttributes}: nested in a tracked entity instance it lists the program attributes, alone it does not. */
    ObjectNode deprecatedEnrollment(FakeStore.EnRow e, boolean withAttributes) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("enrollment", e.uid);
        n.put("created", e.created);
        n.put("lastUpdated", e.updated);
        if (e.createdAtClient != null) {
            n.put("createdAtClient", e.createdAtClient);
            n.put("lastUpdatedAtClient", e.createdAtClient);
        }
        FakeStore.TeRow te = ctx.store.trackedEntities.get(e.te);
        n.put("trackedEntityType", te == null ? null : te.type);
        n.put("trackedEntityInstance", e.te);
        n.put("program", e.program);
        n.put("status", e.status);
        n.put("orgUnit", e.orgUnit);
        n.put("orgUnitName", ctx.metadata.orgUnit(e.orgUnit).map(Metadata.OrgUnit::name).orElse(null));
        n.put("enrollmentDate", e.enrolledAt);
        n.put("incidentDate", e.occurredAt);
        if (e.completedAt != null) {
            n.put("completedDate", e.completedAt);
            n.put("completedBy", e.completedBy);
        }
        ArrayNode events = n.putArray("events");
        ctx.store.eventsOf(e.uid).forEach(ev -> {
            ObjectNode x = deprecatedEvent(ev);
            x.remove("href");
            events.add(x);
        });
        n.putArray("relationships");
        ArrayNode attributes = n.putArray("attributes");
        if (withAttributes && te != null) {
            List<String> programAttributes = ctx.metadata.program(e.program).map(Metadata.Program::attributes)
                    .orElse(List.of());
            deprecatedAttributes(te, programAttributes).forEach(attributes::add);
        }
        n.putArray("notes");
        n.put("deleted", false);
        if (e.storedBy != null) {
            n.put("storedBy", e.storedBy);
        }
        n.set("createdByUserInfo", user(false));
        n.set("lastUpdatedByUserInfo", user(false));
        return n;
    }

    ObjectNode deprecatedEvent(FakeStore.EvRow e) {
        ObjectNode n = Reply.JSON.createObjectNode();
        n.put("event", e.uid);
        n.put("status", e.status);
        n.put("program", e.program);
        n.put("programStage", e.stage);
        n.put("enrollment", e.enrollment);
        FakeStore.EnRow en = ctx.store.enrollments.get(e.enrollment);
        n.put("enrollmentStatus", en == null ? null : en.status);
        n.put("orgUnit", e.orgUnit);
        n.put("orgUnitName", ctx.metadata.orgUnit(e.orgUnit).map(Metadata.OrgUnit::name).orElse(null));
        n.put("trackedEntityInstance", e.te);
        n.putArray("relationships");
        if (e.occurredAt != null) {
            n.put("eventDate", e.occurredAt);
        }
        n.put("dueDate", e.scheduledAt != null ? e.scheduledAt : e.created);
        if (e.storedBy != null) {
            n.put("storedBy", e.storedBy);
        }
        ArrayNode values = n.putArray("dataValues");
        for (Map.Entry<String, FakeStore.Value> dv : e.dataValues.entrySet()) {
            ObjectNode v = values.addObject();
            v.put("created", dv.getValue().created);
            v.set("createdByUserInfo", user(false));
            v.put("lastUpdated", dv.getValue().updated);
            v.set("lastUpdatedByUserInfo", user(false));
            v.put("value", dv.getValue().value);
            v.put("dataElement", dv.getKey());
            v.put("providedElsewhere", false);
        }
        n.putArray("notes");
        n.put("deleted", false);
        n.put("created", e.created);
        n.set("createdByUserInfo", user(false));
        n.put("lastUpdated", e.updated);
        n.set("lastUpdatedByUserInfo", user(false));
        n.put("attributeOptionCombo", Ctx.DEFAULT_ATTRIBUTE_OPTION_COMBO);
        n.put("attributeCategoryOptions", Ctx.DEFAULT_CATEGORY_OPTION);
        if (e.completedAt != null) {
            n.put("completedDate", e.completedAt);
        }
        n.put("href", ctx.baseUrl + "/api/events/" + e.uid);
        return n;
    }
}
