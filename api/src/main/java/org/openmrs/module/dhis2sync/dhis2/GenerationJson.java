package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tracked entities, enrollments and events as JSON, for either API generation: the two carry the same objects under
 * different names. Deprecated API (DHIS2 2.30–2.41): {@code trackedEntityInstance}, {@code enrollmentDate} /
 * {@code incidentDate} / {@code completedDate}, events' {@code eventDate}. Tracker API ({@code /api/tracker}, 2.41+):
 * {@code trackedEntity}, {@code enrolledAt} / {@code occurredAt} / {@code completedAt}, events' {@code occurredAt}.
 * {@code completedAt} goes only with status COMPLETED (2.42 refuses it otherwise: E1051/E1052). An empty value clears
 * what DHIS2 holds (a voided obs).
 */
final class GenerationJson {

    static final GenerationJson LEGACY = new GenerationJson(new Keys("trackedEntityInstances", "trackedEntityInstance",
            "enrollmentDate", "incidentDate", "completedDate", "eventDate", true));
    static final GenerationJson TRACKER = new GenerationJson(new Keys("trackedEntities", "trackedEntity", "enrolledAt",
            "occurredAt", "completedAt", "occurredAt", false));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Keys keys;
    private final String searchFields;
    private final String enrollmentFields;
    private final String oneEnrollmentFields;
    private final String oneEventFields;

    private GenerationJson(Keys keys) {
        this.keys = keys;
        this.searchFields = keys.trackedEntity + ",trackedEntityType,orgUnit,attributes[attribute,value]";
        this.enrollmentFields = keys.trackedEntity + ",enrollments[enrollment," + keys.trackedEntity
                + ",program,orgUnit,status," + keys.enrolledAt + "," + keys.occurredAt + "," + keys.completedAt
                + ",events[event,enrollment,program,programStage,orgUnit,status," + keys.eventDate + "]]";
        this.oneEnrollmentFields = "enrollment," + keys.trackedEntity + ",program,orgUnit,status," + keys.enrolledAt
                + "," + keys.occurredAt + "," + keys.completedAt;
        this.oneEventFields = "event,enrollment," + keys.trackedEntity + ",program,programStage,orgUnit,status,"
                + keys.eventDate + ",dataValues[dataElement,value]";
    }

    /** The {@code fields} of a search, and of a read by UID: the tracked entity and its attributes. */
    String searchFields() {
        return searchFields;
    }

    /** The {@code fields} that read tracked entities with their enrollments and events. */
    String enrollmentFields() {
        return enrollmentFields;
    }

    /** The {@code fields} of enrollments read by UID: what a comparison needs, without events. */
    String oneEnrollmentFields() {
        return oneEnrollmentFields;
    }

    /** The {@code fields} of events read by UID: what a comparison needs, with the data values. */
    String oneEventFields() {
        return oneEventFields;
    }

    ObjectNode trackedEntities(List<TrackedEntity> entities) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray(keys.trackedEntityList);
        for (TrackedEntity te : entities) {
            list.add(trackedEntity(te));
        }
        return root;
    }

    ObjectNode enrollments(List<Enrollment> enrollments) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("enrollments");
        for (Enrollment enrollment : enrollments) {
            list.add(enrollment(enrollment, enrollment.getTrackedEntityUid()));
        }
        return root;
    }

    ObjectNode events(List<Event> events) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("events");
        for (Event event : events) {
            list.add(event(event, event.getEnrollmentUid(), event.getTrackedEntityUid()));
        }
        return root;
    }

    /** One flat payload of the tracker API: tracked entities (with what they nest), enrollments, events. */
    ObjectNode bundle(TrackerBundle bundle) {
        ObjectNode root = NODES.objectNode();
        if (!bundle.getTrackedEntities().isEmpty()) {
            root.setAll(trackedEntities(bundle.getTrackedEntities()));
        }
        if (!bundle.getEnrollments().isEmpty()) {
            root.setAll(enrollments(bundle.getEnrollments()));
        }
        if (!bundle.getEvents().isEmpty()) {
            root.setAll(events(bundle.getEvents()));
        }
        return root;
    }

    /** The tracker API's delete payload: each object by its UID alone ({@code importStrategy=DELETE}). */
    ObjectNode deletion(ObjectType type, List<String> uids) {
        ObjectNode root = NODES.objectNode();
        String key = type == ObjectType.TRACKED_ENTITY ? keys.trackedEntity
                : type == ObjectType.ENROLLMENT ? "enrollment" : "event";
        ArrayNode list = root.putArray(type == ObjectType.TRACKED_ENTITY ? keys.trackedEntityList : key + "s");
        for (String uid : uids) {
            list.addObject().put(key, uid);
        }
        return root;
    }

    ObjectNode trackedEntity(TrackedEntity te) {
        ObjectNode node = NODES.objectNode();
        node.put(keys.trackedEntity, te.getUid());
        Json.put(node, "trackedEntityType", te.getTrackedEntityType());
        Json.put(node, "orgUnit", te.getOrgUnit());
        ArrayNode attributes = node.putArray("attributes");
        for (AttributeValue value : te.getAttributes()) {
            ObjectNode attribute = attributes.addObject();
            attribute.put("attribute", value.getAttributeUid());
            attribute.put("value", value.getValue() == null ? "" : value.getValue());
        }
        if (!te.getEnrollments().isEmpty()) {
            ArrayNode enrollments = node.putArray("enrollments");
            for (Enrollment enrollment : te.getEnrollments()) {
                enrollments.add(enrollment(enrollment, te.getUid()));
            }
        }
        return node;
    }

    ObjectNode enrollment(Enrollment enrollment, String trackedEntityUid) {
        ObjectNode node = NODES.objectNode();
        node.put("enrollment", enrollment.getUid());
        Json.put(node, keys.trackedEntity, trackedEntityUid);
        Json.put(node, "program", enrollment.getProgramUid());
        Json.put(node, "orgUnit", enrollment.getOrgUnit());
        Json.put(node, "status", enrollment.getStatus());
        Json.put(node, keys.enrolledAt, enrollment.getEnrolledAt());
        Json.put(node, keys.occurredAt, enrollment.getOccurredAt() != null ? enrollment.getOccurredAt() : enrollment.getEnrolledAt());
        if (enrollment.getStatus() == EnrollmentStatus.COMPLETED) {
            Json.put(node, keys.completedAt, enrollment.getCompletedAt());
        }
        if (!enrollment.getEvents().isEmpty()) {
            ArrayNode events = node.putArray("events");
            for (Event event : enrollment.getEvents()) {
                events.add(event(event, enrollment.getUid(), trackedEntityUid));
            }
        }
        return node;
    }

    ObjectNode event(Event event, String enrollmentUid, String trackedEntityUid) {
        ObjectNode node = NODES.objectNode();
        node.put("event", event.getUid());
        Json.put(node, "enrollment", enrollmentUid);
        if (keys.eventCarriesTrackedEntity) {
            Json.put(node, keys.trackedEntity, trackedEntityUid);
        }
        Json.put(node, "program", event.getProgramUid());
        Json.put(node, "programStage", event.getProgramStageUid());
        Json.put(node, "orgUnit", event.getOrgUnit());
        Json.put(node, "status", event.getStatus());
        Json.put(node, keys.eventDate, event.getOccurredAt());
        ArrayNode values = node.putArray("dataValues");
        for (DataValue value : event.getDataValues()) {
            ObjectNode dataValue = values.addObject();
            dataValue.put("dataElement", value.getDataElementUid());
            dataValue.put("value", value.getValue() == null ? "" : value.getValue());
        }
        return node;
    }

    TrackedEntity readTrackedEntity(JsonNode node) {
        String uid = Json.text(node, keys.trackedEntity);
        List<AttributeValue> attributes = new ArrayList<>();
        for (JsonNode attribute : Json.array(node, "attributes")) {
            attributes.add(new AttributeValue(Json.text(attribute, "attribute"), Json.text(attribute, "value")));
        }
        List<Enrollment> enrollments = new ArrayList<>();
        for (JsonNode enrollment : Json.array(node, "enrollments")) {
            enrollments.add(readEnrollment(enrollment, uid));
        }
        return new TrackedEntity(uid, Json.text(node, "trackedEntityType"), Json.text(node, "orgUnit"), attributes,
                enrollments);
    }

    Enrollment readEnrollment(JsonNode node, String trackedEntityUid) {
        String uid = Json.text(node, "enrollment");
        String teUid = Json.text(node, keys.trackedEntity) != null ? Json.text(node, keys.trackedEntity)
                : trackedEntityUid;
        List<Event> events = new ArrayList<>();
        for (JsonNode event : Json.array(node, "events")) {
            events.add(readEvent(event, uid, teUid));
        }
        return new Enrollment(uid, teUid, Json.text(node, "program"), Json.text(node, "orgUnit"),
                Json.enumValue(node, "status", EnrollmentStatus.class), Json.date(node, keys.enrolledAt),
                Json.date(node, keys.occurredAt), Json.date(node, keys.completedAt), events);
    }

    Event readEvent(JsonNode node, String enrollmentUid, String trackedEntityUid) {
        List<DataValue> values = new ArrayList<>();
        for (JsonNode value : Json.array(node, "dataValues")) {
            values.add(new DataValue(Json.text(value, "dataElement"), Json.text(value, "value")));
        }
        return new Event(Json.text(node, "event"),
                Json.text(node, "enrollment") != null ? Json.text(node, "enrollment") : enrollmentUid,
                Json.text(node, keys.trackedEntity) != null ? Json.text(node, keys.trackedEntity) : trackedEntityUid,
                Json.text(node, "program"), Json.text(node, "programStage"), Json.text(node, "orgUnit"),
                Json.enumValue(node, "status", EventStatus.class), Json.date(node, keys.eventDate), values);
    }

    /** The names one generation gives the same things. */
    private static final class Keys {
        final String trackedEntityList;
        final String trackedEntity;
        final String enrolledAt;
        final String occurredAt;
        final String completedAt;
        final String eventDate;
        final boolean eventCarriesTrackedEntity;

        Keys(String trackedEntityList, String trackedEntity, String enrolledAt, String occurredAt, String completedAt,
                String eventDate, boolean eventCarriesTrackedEntity) {
            this.trackedEntityList = trackedEntityList;
            this.trackedEntity = trackedEntity;
            this.enrolledAt = enrolledAt;
            this.occurredAt = occurredAt;
            this.completedAt = completedAt;
            this.eventDate = eventDate;
            this.eventCarriesTrackedEntity = eventCarriesTrackedEntity;
        }
    }
}
