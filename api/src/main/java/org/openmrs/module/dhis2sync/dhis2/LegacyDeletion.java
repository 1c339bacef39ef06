package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Deletes through the deprecated API's delete endpoints, {@code DELETE /api/<resource>/{uid}}, one object per request
 * (the endpoint takes one UID). Each answers a web message whose {@code response} is the object's import summary
 * (dhis2-core 2.41 {@code WebMessageUtils.importSummary}): 200 with {@code importCount.deleted} 1 when deleted, 200
 * with {@code ignored} 1 and "… cannot be deleted as it is not present in the system" when DHIS2 does not hold it
 * (never had it, or deleted it before), 409 with status ERROR when the user may not delete it. DHIS2's own JSON 404
 * (no such object) counts as already gone, like "not present". Deleting a tracked
 * entity deletes its enrollments and events; deleting an enrollment deletes its events.
 */
final class LegacyDeletion {

    private LegacyDeletion() {
    }

    static ImportResult delete(Dhis2Http http, String resourcePath, List<SentObject> objects) {
        List<ObjectResult> results = new ArrayList<>();
        for (SentObject object : objects) {
            String path = resourcePath + "/" + object.uid;
            Dhis2Http.JsonReply reply = http.delete(path);
            if (reply.status == 404) {
                String message = Json.text(reply.body, "message");
                results.add(new ObjectResult(object.type, object.uid, Outcome.IGNORED, null,
                        "DHIS2 does not hold it (404" + (message == null ? "" : ": " + message) + ")"));
                continue;
            }
            JsonNode summary = reply.body.has("response") ? reply.body.get("response") : reply.body;
            results.add(verdict(object, summary, Json.text(reply.body, "message")));
        }
        return new ImportResult(results);
    }

    private static ObjectResult verdict(SentObject object, JsonNode summary, String message) {
        String status = Json.text(summary, "status");
        JsonNode count = summary.path("importCount");
        String description = Json.text(summary, "description");
        if ("ERROR".equalsIgnoreCase(status)) {
            List<String> parts = new ArrayList<>();
            if (description != null) {
                parts.add(description);
            }
            for (JsonNode conflict : Json.array(summary, "conflicts")) {
                parts.add(Json.text(conflict, "object") + ": " + Json.text(conflict, "value"));
            }
            if (parts.isEmpty()) {
                parts.add(message == null ? "DHIS2 refused the delete" : message);
            }
            return new ObjectResult(object.type, object.uid, Outcome.ERROR, null, String.join("; ", parts));
        }
        if (Json.count(count, "deleted") > 0) {
            return new ObjectResult(object.type, object.uid, Outcome.DELETED, null, null);
        }
        return new ObjectResult(object.type, object.uid, Outcome.IGNORED, null,
                description == null ? "DHIS2 does not hold it (never sent, or deleted before)" : description);
    }
}
