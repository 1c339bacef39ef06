package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the deprecated API's import reply. Its HTTP status says nothing (a refusal can be 200, 201 or 409): each
 * object's verdict is the {@code status} and {@code importCount} of the import summary whose {@code reference} is its
 * UID, with the reason in {@code description} and {@code conflicts}; nested enrollments and events have their own
 * summaries under {@code enrollments} / {@code events}. A reply without summaries (the bare 409 "Program has another
 * active enrollment going on"), or a summary without a reference among several candidates, cannot be attributed.
 */
final class LegacyImportReport {

    /** The verdicts, or why they cannot be attributed. */
    static final class Reading {
        final ImportResult result;
        final String unattributableMessage;

        private Reading(ImportResult result, String unattributableMessage) {
            this.result = result;
            this.unattributableMessage = unattributableMessage;
        }

        boolean attributable() {
            return result != null;
        }
    }

    private LegacyImportReport() {
    }

    static Reading read(JsonNode reply, List<SentObject> roots) {
        JsonNode summaries = reply.has("importSummaries") ? reply : reply.path("response");
        JsonNode list = summaries.get("importSummaries");
        if (list == null || !list.isArray() || (list.size() == 0 && "ERROR".equalsIgnoreCase(Json.text(reply, "status")))) {
            return new Reading(null, messageOf(reply, summaries));
        }
        Map<String, ObjectResult> verdicts = new LinkedHashMap<>();
        ObjectType rootType = roots.isEmpty() ? ObjectType.TRACKED_ENTITY : roots.get(0).type;
        if (!readLevel(list, rootType, roots, verdicts)) {
            return new Reading(null, messageOf(reply, summaries));
        }
        List<ObjectResult> results = new ArrayList<>();
        for (SentObject root : roots) {
            addWithChildren(root, null, verdicts, results);
        }
        // verdicts on objects DHIS2 reported but that were not sent (should not happen) are kept, not lost
        results.addAll(verdicts.values());
        return new Reading(new ImportResult(results), null);
    }

    private static boolean readLevel(JsonNode summaries, ObjectType type, List<SentObject> candidates,
            Map<String, ObjectResult> verdicts) {
        for (JsonNode summary : summaries) {
            String uid = Json.text(summary, "reference");
            SentObject sent = uid == null ? onlyCandidateWithoutVerdict(candidates, verdicts) : find(candidates, uid);
            if (uid == null && sent == null) {
                return false;
            }
            if (uid == null) {
                uid = sent.uid;
            }
            verdicts.put(key(type, uid), verdict(type, uid, summary));
            ObjectType childType = type == ObjectType.TRACKED_ENTITY ? ObjectType.ENROLLMENT : ObjectType.EVENT;
            String childKey = type == ObjectType.TRACKED_ENTITY ? "enrollments" : "events";
            JsonNode nested = summary.path(childKey).get("importSummaries");
            if (type != ObjectType.EVENT && nested != null && nested.isArray()) {
                List<SentObject> children = sent == null ? new ArrayList<SentObject>() : sent.children;
                if (!readLevel(nested, childType, children, verdicts)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A summary without a reference belongs to the only object of its group still without a verdict, if any. */
    private static SentObject onlyCandidateWithoutVerdict(List<SentObject> candidates, Map<String, ObjectResult> verdicts) {
        SentObject only = null;
        for (SentObject candidate : candidates) {
            if (!verdicts.containsKey(key(candidate.type, candidate.uid))) {
                if (only != null) {
                    return null;
                }
                only = candidate;
            }
        }
        return only;
    }

    private static SentObject find(List<SentObject> candidates, String uid) {
        for (SentObject candidate : candidates) {
            if (candidate.uid.equals(uid)) {
                return candidate;
            }
        }
        return null;
    }

    private static ObjectResult verdict(ObjectType type, String uid, JsonNode summary) {
        String status = Json.text(summary, "status");
        JsonNode count = summary.path("importCount");
        String message = describe(summary);
        String errorCode = null;
        for (JsonNode conflict : Json.array(summary, "conflicts")) {
            if (errorCode == null) {
                errorCode = Json.text(conflict, "errorCode");
            }
        }
        Outcome outcome;
        if ("ERROR".equalsIgnoreCase(status)) {
            outcome = Outcome.ERROR;
        } else if (Json.count(count, "imported") > 0) {
            outcome = Outcome.CREATED;
        } else if (Json.count(count, "updated") > 0) {
            outcome = Outcome.UPDATED;
        } else if (Json.count(count, "ignored") > 0) {
            outcome = Outcome.IGNORED;
        } else {
            outcome = Outcome.ACCEPTED;
        }
        return new ObjectResult(type, uid, outcome, errorCode, outcome.isSuccess() && message == null ? null : message);
    }

    /** The summary's description and conflicts ({@code object: value}), for people. */
    private static String describe(JsonNode summary) {
        List<String> parts = new ArrayList<>();
        String description = Json.text(summary, "description");
        if (description != null) {
            parts.add(description);
        }
        for (JsonNode conflict : Json.array(summary, "conflicts")) {
            String object = Json.text(conflict, "object");
            String value = Json.text(conflict, "value");
            parts.add(object == null ? String.valueOf(value) : object + ": " + value);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void addWithChildren(SentObject sent, ObjectResult parentVerdict, Map<String, ObjectResult> verdicts,
            List<ObjectResult> results) {
        ObjectResult verdict = verdicts.remove(key(sent.type, sent.uid));
        if (verdict == null) {
            verdict = parentVerdict != null && !parentVerdict.isSuccess()
                    ? new ObjectResult(sent.type, sent.uid, Outcome.IGNORED, null, "not imported: its "
                            + describe(parentVerdict) + " was not imported")
                    : new ObjectResult(sent.type, sent.uid, Outcome.IGNORED, null, "DHIS2 reported nothing on this object");
        }
        results.add(verdict);
        for (SentObject child : sent.children) {
            addWithChildren(child, verdict, verdicts, results);
        }
    }

    static String describe(ObjectResult result) {
        return result.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + result.getUid();
    }

    private static String messageOf(JsonNode reply, JsonNode summaries) {
        String message = Json.text(reply, "message");
        if (message == null) {
            message = Json.text(summaries, "description");
        }
        return message == null ? "DHIS2 refused the batch without saying which object" : message;
    }

    private static String key(ObjectType type, String uid) {
        return type + ":" + uid;
    }
}
