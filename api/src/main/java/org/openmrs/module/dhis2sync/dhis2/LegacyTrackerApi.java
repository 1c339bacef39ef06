package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deprecated tracker API of DHIS2 2.30–2.41 ({@code /api/trackedEntityInstances}, {@code /api/enrollments},
 * {@code /api/events} with {@code strategy=CREATE_AND_UPDATE}); gone from 2.42. Its HTTP status does not tell
 * success, so each object's verdict is read from its import summary. A batch refused without summaries (a bare 409)
 * is sent again one object per request, so that each object gets its own verdict.
 */
public final class LegacyTrackerApi extends BaseDhis2Client {

    private static final Logger log = LoggerFactory.getLogger(LegacyTrackerApi.class);
    private static final String TEI_PATH = "/api/trackedEntityInstances";
    private static final String SEARCH_PATH = "/api/trackedEntityInstances.json";

    public LegacyTrackerApi(Dhis2Http http) {
        super(http);
    }

    @Override
    public ApiGeneration generation() {
        return ApiGeneration.LEGACY;
    }

    @Override
    public List<TrackedEntity> findTrackedEntities(TrackedEntityQuery query) {
        return search(query, part -> {
            QueryParams params = new QueryParams().add("program", part.getProgramUid())
                    .add("trackedEntityType", part.getTrackedEntityTypeUid())
                    .add("ou", part.getOrgUnit())
                    .add("ouMode", part.getOrgUnitMode().name())
                    .add("fields", GenerationJson.LEGACY.searchFields())
                    .add("totalPages", "false");
            for (AttributeFilter filter : part.getFilters()) {
                params.add("filter", filter.toQueryValue(false));
            }
            return readAllPages(SEARCH_PATH, params, "trackedEntityInstances", part.getPageSize(),
                    node -> GenerationJson.LEGACY.readTrackedEntity(node));
        });
    }

    @Override
    public Map<String, List<Enrollment>> enrollmentsOf(Collection<String> trackedEntityUids, String programUid) {
        return enrollmentsByChunk(trackedEntityUids, programUid, chunk -> {
            QueryParams params = new QueryParams().add("trackedEntityInstance", String.join(";", chunk))
                    .add("program", programUid)
                    .add("ouMode", OrgUnitMode.ACCESSIBLE.name())
                    .add("fields", GenerationJson.LEGACY.enrollmentFields());
            return readAllPages(SEARCH_PATH, params, "trackedEntityInstances", UID_CHUNK,
                    node -> GenerationJson.LEGACY.readTrackedEntity(node));
        });
    }

    @Override
    public ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode) {
        return importBatch(TEI_PATH, entities, SentObject.ofTrackedEntities(entities), GenerationJson.LEGACY::trackedEntities, mode);
    }

    @Override
    public ImportResult importEnrollments(List<Enrollment> enrollments, ImportMode mode) {
        return importBatch("/api/enrollments", enrollments, SentObject.ofEnrollments(enrollments), GenerationJson.LEGACY::enrollments,
                mode);
    }

    @Override
    public ImportResult importEvents(List<Event> events, ImportMode mode) {
        return importBatch("/api/events", events, SentObject.ofEvents(events), GenerationJson.LEGACY::events, mode);
    }

    private <T> ImportResult importBatch(String path, List<T> objects, List<SentObject> sent,
            Function<List<T>, JsonNode> writer, ImportMode mode) {
        if (objects.isEmpty()) {
            return ImportResult.empty();
        }
        QueryParams params = new QueryParams().add("strategy", "CREATE_AND_UPDATE");
        if (mode == ImportMode.VALIDATE) {
            params.add("dryRun", "true");
        }
        Dhis2Http.JsonReply reply = http.postImport(path, params, writer.apply(objects));
        LegacyImportReport.Reading reading = LegacyImportReport.read(reply.body, sent);
        if (reading.attributable()) {
            return reading.result;
        }
        if (objects.size() > 1) {
            // DHIS2 refused the batch without saying which object: ask again about each one on its own
            log.info("DHIS2 refused a batch of {} without import summaries ({}); sending them one by one",
                    objects.size(), reading.unattributableMessage);
            ImportResult result = ImportResult.empty();
            for (int i = 0; i < objects.size(); i++) {
                result = result.plus(importBatch(path, Collections.singletonList(objects.get(i)),
                        Collections.singletonList(sent.get(i)), writer, mode));
            }
            return result;
        }
        return refusedAlone(sent.get(0), reading.unattributableMessage);
    }

    /** One object refused on its own without a summary: the refusal is its own; what it carries was not imported. */
    private static ImportResult refusedAlone(SentObject root, String message) {
        List<ObjectResult> results = new ArrayList<>();
        results.add(new ObjectResult(root.type, root.uid, Outcome.ERROR, null, message));
        for (SentObject nested : root.flatten().subList(1, root.flatten().size())) {
            results.add(new ObjectResult(nested.type, nested.uid, Outcome.ERROR, null, "not imported: DHIS2 refused "
                    + LegacyImportReport.describe(results.get(0)) + " with it: " + message));
        }
        return new ImportResult(results);
    }
}
