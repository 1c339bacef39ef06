package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException.Reason;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the tracker API's import report. With {@code atomicMode=OBJECT} a reply can be HTTP 200 and
 * {@code "status":"OK"} while it refuses some objects, so verdicts come from {@code validationReport.errorReports}
 * (error code, tracker type and UID of each refused object) and {@code bundleReport.typeReportMap.*.objectReports}
 * (the objects written); neither the HTTP status nor the top status decides. Every object sent gets exactly one
 * verdict: DHIS2 may report the same error twice for one object (2.41 and 2.42 check a new event's org unit twice in
 * {@code event.SecurityOwnershipValidator}, so an event in an org unit the user cannot write gets two identical E1000
 * reports); identical reports count once.
 */
final class TrackerImportReport {

    /** What the request asked DHIS2 to do. */
    enum Purpose {
        COMMIT, VALIDATE, DELETE
    }

    /** Delete refusals that mean the object is already gone: soft-deleted earlier (E1082, E1113, E1114). */
    private static final Set<String> ALREADY_DELETED = new HashSet<>(Arrays.asList("E1082", "E1113", "E1114"));
    /** Delete refusals that mean DHIS2 never had the object (E1032, E1081, E1063). */
    private static final Set<String> NOT_THERE = new HashSet<>(Arrays.asList("E1032", "E1081", "E1063"));

    private TrackerImportReport() {
    }

    static ImportResult read(Dhis2Http.JsonReply reply, List<SentObject> roots, ImportMode mode, String where) {
        return read(reply, roots, mode == ImportMode.VALIDATE ? Purpose.VALIDATE : Purpose.COMMIT, where);
    }

    static ImportResult read(Dhis2Http.JsonReply reply, List<SentObject> roots, Purpose purpose, String where) {
        JsonNode body = reply.body;
        if (!body.has("validationReport") && !body.has("bundleReport")) {
            if (reply.status == 409) {
                throw new Dhis2UnavailableException(Reason.REJECTED, reply.status, where + " answered HTTP 409, refusing the "
                        + "whole request: " + (Json.text(body, "message") == null ? body.toString() : Json.text(body, "message")));
            }
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, reply.status, where + " answered HTTP "
                    + reply.status + " without an import report (" + Json.text(body, "message")
                    + "): check that DHIS2 is 2.41 or later, or set the API to legacy");
        }
        Map<String, List<JsonNode>> errors = new LinkedHashMap<>();
        for (JsonNode error : Json.array(body.path("validationReport"), "errorReports")) {
            String type = Json.text(error, "trackerType");
            String uid = Json.text(error, "uid");
            if (type == null || uid == null) {
                continue;
            }
            errors.computeIfAbsent(type + ":" + uid, k -> new ArrayList<>()).add(error);
        }
        JsonNode typeReports = body.path("bundleReport").path("typeReportMap");
        Set<String> written = new HashSet<>();
        for (ObjectType type : ObjectType.values()) {
            for (JsonNode report : Json.array(typeReports.path(type.name()), "objectReports")) {
                String uid = Json.text(report, "uid");
                if (uid != null && Json.array(report, "errorReports").isEmpty()) {
                    written.add(type + ":" + uid);
                }
            }
        }
        boolean wholeBatchRefused = "ERROR".equalsIgnoreCase(Json.text(body, "status"));
        List<ObjectResult> results = new ArrayList<>();
        for (SentObject sent : SentObject.flattenAll(roots)) {
            String key = sent.type + ":" + sent.uid;
            List<JsonNode> objectErrors = errors.remove(key);
            if (objectErrors != null) {
                results.add(purpose == Purpose.DELETE ? deleteRefusal(sent.type, sent.uid, objectErrors)
                        : error(sent.type, sent.uid, objectErrors));
            } else if (written.contains(key)) {
                results.add(new ObjectResult(sent.type, sent.uid, purpose == Purpose.DELETE ? Outcome.DELETED
                        : writtenOutcome(typeReports.path(sent.type.name())), null, null));
            } else if (purpose == Purpose.VALIDATE && !wholeBatchRefused) {
                results.add(new ObjectResult(sent.type, sent.uid, Outcome.ACCEPTED, null, null));
            } else if (wholeBatchRefused) {
                results.add(new ObjectResult(sent.type, sent.uid, Outcome.IGNORED, null,
                        "not imported: DHIS2 refused the whole batch because of other objects"));
            } else {
                results.add(new ObjectResult(sent.type, sent.uid, Outcome.IGNORED, null, "DHIS2 reported nothing on this object"));
            }
        }
        // errors on objects that were not sent (should not happen) are kept, not lost
        for (List<JsonNode> objectErrors : errors.values()) {
            JsonNode first = objectErrors.get(0);
            ObjectType type = typeOf(Json.text(first, "trackerType"));
            if (type != null) {
                results.add(error(type, Json.text(first, "uid"), objectErrors));
            }
        }
        return new ImportResult(results);
    }

    /** The tracker API reports created/updated only as counts per type: per object only when the counts are one-sided. */
    private static Outcome writtenOutcome(JsonNode typeReport) {
        JsonNode stats = typeReport.path("stats");
        int created = Json.count(stats, "created");
        int updated = Json.count(stats, "updated");
        if (created > 0 && updated == 0) {
            return Outcome.CREATED;
        }
        if (updated > 0 && created == 0) {
            return Outcome.UPDATED;
        }
        return Outcome.ACCEPTED;
    }

    /** A refused delete whose only reason is that the object is already deleted, or was never there, reached its aim. */
    private static ObjectResult deleteRefusal(ObjectType type, String uid, List<JsonNode> errors) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode error : errors) {
            codes.add(String.valueOf(Json.text(error, "errorCode")));
        }
        ObjectResult refused = error(type, uid, errors);
        if (ALREADY_DELETED.containsAll(codes)) {
            return new ObjectResult(type, uid, Outcome.DELETED, refused.getErrorCode(), refused.getMessage());
        }
        if (NOT_THERE.containsAll(codes)) {
            return new ObjectResult(type, uid, Outcome.IGNORED, refused.getErrorCode(), refused.getMessage());
        }
        return refused;
    }

    private static ObjectResult error(ObjectType type, String uid, List<JsonNode> errors) {
        Set<String> messages = new LinkedHashSet<>();
        for (JsonNode error : errors) {
            String code = Json.text(error, "errorCode");
            String message = Json.text(error, "message");
            messages.add(code == null ? String.valueOf(message) : code + ": " + message);
        }
        return new ObjectResult(type, uid, Outcome.ERROR, Json.text(errors.get(0), "errorCode"), String.join("; ", messages));
    }

    private static ObjectType typeOf(String trackerType) {
        for (ObjectType type : ObjectType.values()) {
            if (type.name().equals(trackerType)) {
                return type;
            }
        }
        return null;
    }
}
