package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one place a {@code POST /api/tracker} is built: synchronous ({@code async=false}), {@code atomicMode=OBJECT} (one
 * refused object does not stop the others) and {@code reportMode=FULL} (a report per object). Used by
 * {@link TrackerApi}, and by {@link LegacyTrackerApi} to validate on a DHIS2 2.41 that has both APIs.
 * <p>
 * {@code importMode=VALIDATE} is read-only on 2.41 and 2.42: dhis2-core's {@code DefaultTrackerBundleService.commit}
 * and {@code .delete} return an empty report without persisting anything when the bundle's mode is VALIDATE (tags
 * 2.41.9.1 and 2.42.5.2), and the recorded traffic shows it (a check of 20 new patients on 2.42.5.2, then a search
 * that finds none of them, then the sync that creates all 20).
 */
final class TrackerImports {

    static final String PATH = "/api/tracker";
    /** Objects per delete request: a delete payload is a UID per object, so this keeps each request small. */
    static final int DELETE_CHUNK = 500;

    private final Dhis2Http http;

    TrackerImports(Dhis2Http http) {
        this.http = http;
    }

    /** Creates or updates (COMMIT), or only validates (VALIDATE), the objects of {@code body}. */
    ImportResult importObjects(JsonNode body, List<SentObject> sent, ImportMode mode) {
        if (sent.isEmpty()) {
            return ImportResult.empty();
        }
        return post(body, sent, "CREATE_AND_UPDATE", mode == ImportMode.VALIDATE
                ? TrackerImportReport.Purpose.VALIDATE : TrackerImportReport.Purpose.COMMIT);
    }

    /** Validates the whole bundle in one request; nothing is written. */
    ImportResult validate(TrackerBundle bundle) {
        List<SentObject> sent = SentObject.ofBundle(bundle);
        if (sent.isEmpty()) {
            return ImportResult.empty();
        }
        return post(GenerationJson.TRACKER.bundle(bundle), sent, "CREATE_AND_UPDATE", TrackerImportReport.Purpose.VALIDATE);
    }

    /** Deletes the objects of one type by UID, {@link #DELETE_CHUNK} per request. */
    ImportResult delete(ObjectType type, Collection<String> uids, String field) {
        List<SentObject> all = SentObject.ofUids(type, uids, field);
        ImportResult result = ImportResult.empty();
        for (int from = 0; from < all.size(); from += DELETE_CHUNK) {
            List<SentObject> chunk = all.subList(from, Math.min(all.size(), from + DELETE_CHUNK));
            List<String> chunkUids = new ArrayList<>();
            for (SentObject object : chunk) {
                chunkUids.add(object.uid);
            }
            result = result.plus(post(GenerationJson.TRACKER.deletion(type, chunkUids), chunk, "DELETE",
                    TrackerImportReport.Purpose.DELETE));
        }
        return result;
    }

    private ImportResult post(JsonNode body, List<SentObject> sent, String strategy, TrackerImportReport.Purpose purpose) {
        QueryParams params = new QueryParams().add("async", "false")
                .add("importStrategy", strategy)
                .add("atomicMode", "OBJECT")
                .add("importMode", purpose == TrackerImportReport.Purpose.VALIDATE ? "VALIDATE" : "COMMIT")
                .add("reportMode", "FULL");
        Dhis2Http.JsonReply reply = http.postImport(PATH, params, body);
        return TrackerImportReport.read(reply, sent, purpose, BaseDhis2Client.where(http, "POST", PATH));
    }
}
