package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON of the deprecated API (DHIS2 2.30–2.41): {@code trackedEntityInstance}, {@code enrollmentDate} /
 * {@code incidentDate} / {@code completedDate}, events' {@code eventDate}.
 */
final class LegacyJson {

    static final String SEARCH_FIELDS = "trackedEntityInstance,trackedEntityType,orgUnit,attributes[attribute,value]";
    static final String ENROLLMENT_FIELDS = "trackedEntityInstance,enrollments[enrollment,trackedEntityInstance,program,"
            + "orgUnit,status,enrollmentDate,incidentDate,completedDate,events[event,enrollment,program,programStage,"
            + "orgUnit,status,eventDate]]";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LegacyJson() {
    }

    static ObjectNode trackedEntities(List<TrackedEntity> entities) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("trackedEntityInstances");
        for (TrackedEntity te : entities) {
            list.add(trackedEntity(te));
        }
        return root;
    }

    static ObjectNode enrollments(List<Enrollment> enrollments) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("enrollments");
        for (Enrollment enrollment : enrollments) {
            list.add(enrollment(enrollment, enrollment.getTrackedEntityUid()));
        }
        return root;
    }

    static ObjectNode events(List<Event> events) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("events");
        for (Event event : events) {
            list.add(event(event, event.getEnrollmentUid(), event.getTrackedEntityUid()));
        }
        return root;
    }

    static ObjectNode trackedEntity(TrackedEntity te) {
        ObjectNode node = NODES.objectNode();
        node.put("trackedEntityInstance", te.getUid());
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

    static ObjectNode enrollment(Enrollment enrollment, String trackedEntityUid) {
        ObjectNode node = NODES.objectNode();
        node.put("enrollment", enrollment.getUid());
        Json.put(node, "trackedEntityInstance", trackedEntityUid);
        Json.put(node, "program", enrollment.getProgramUid());
        Json.put(node, "orgUnit", enrollment.getOrgUnit());
        Json.put(node, "status", enrollment.getStatus());
        Json.put(node, "enrollmentDate", enrollment.getEnrolledAt());
        Json.put(node, "incidentDate", enrollment.getOccurredAt() != null ? enrollment.getOccurredAt() : enrollment.getEnrolledAt());
        if (enrollment.getStatus() == EnrollmentStatus.COMPLETED) {
            Json.put(node, "completedDate", enrollment.getCompletedAt());
        }
        if (!enrollment.getEvents().isEmpty()) {
            ArrayNode events = node.putArray("events");
            for (Event event : enrollment.getEvents()) {
                events.add(event(event, enrollment.getUid(), trackedEntityUid));
            }
        }
        return node;
    }

    static ObjectNode event(Event event, String enrollmentUid, String trackedEntityUid) {
        ObjectNode node = NODES.objectNode();
        node.put("event", event.getUid());
        Json.put(node, "enrollment", enrollmentUid);
        Json.put(node, "trackedEntityInstance", trackedEntityUid);
        Json.put(node, "program", event.getProgramUid());
        Json.put(node, "programStage", event.getProgramStageUid());
        Json.put(node, "orgUnit", event.getOrgUnit());
        Json.put(node, "status", event.getStatus());
        Json.put(node, "eventDate", event.getOccurredAt());
        ArrayNode values = node.putArray("dataValues");
        for (DataValue value : event.getDataValues()) {
            ObjectNode dataValue = values.addObject();
            dataValue.put("dataElement", value.getDataElementUid());
            dataValue.put("value", value.getValue() == null ? "" : value.getValue());
        }
        return node;
    }

    static TrackedEntity readTrackedEntity(JsonNode node) {
        String uid = Json.text(node, "trackedEntityInstance");
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

    static Enrollment readEnrollment(JsonNode node, String trackedEntityUid) {
        String uid = Json.text(node, "enrollment");
        String teUid = Json.text(node, "trackedEntityInstance") != null ? Json.text(node, "trackedEntityInstance")
                : trackedEntityUid;
        List<Event> events = new ArrayList<>();
        for (JsonNode event : Json.array(node, "events")) {
            events.add(readEvent(event, uid, teUid));
        }
        return new Enrollment(uid, teUid, Json.text(node, "program"), Json.text(node, "orgUnit"),
                Json.enumValue(node, "status", EnrollmentStatus.class), Json.date(node, "enrollmentDate"),
                Json.date(node, "incidentDate"), Json.date(node, "completedDate"), events);
    }

    static Event readEvent(JsonNode node, String enrollmentUid, String trackedEntityUid) {
        List<DataValue> values = new ArrayList<>();
        for (JsonNode value : Json.array(node, "dataValues")) {
            values.add(new DataValue(Json.text(value, "dataElement"), Json.text(value, "value")));
        }
        return new Event(Json.text(node, "event"),
                Json.text(node, "enrollment") != null ? Json.text(node, "enrollment") : enrollmentUid,
                Json.text(node, "trackedEntityInstance") != null ? Json.text(node, "trackedEntityInstance") : trackedEntityUid,
                Json.text(node, "program"), Json.text(node, "programStage"), Json.text(node, "orgUnit"),
                Json.enumValue(node, "status", EventStatus.class), Json.date(node, "eventDate"), values);
    }
}
