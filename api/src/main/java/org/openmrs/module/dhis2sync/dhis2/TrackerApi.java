package org.openmrs.module.dhis2sync.dhis2;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The tracker API of DHIS2 2.41 and later: {@code POST /api/tracker} (synchronous, CREATE_AND_UPDATE, atomicMode
 * OBJECT so that one refused object does not stop the others) and {@code GET /api/tracker/trackedEntities} with the
 * 2.41+ parameter names ({@code orgUnits}, {@code orgUnitMode}, {@code trackedEntities}) — 2.42 silently ignores the
 * old ones.
 */
public final class TrackerApi extends BaseDhis2Client {

    private static final String IMPORT_PATH = "/api/tracker";
    private static final String SEARCH_PATH = "/api/tracker/trackedEntities";

    public TrackerApi(Dhis2Http http) {
        super(http);
    }

    @Override
    public ApiGeneration generation() {
        return ApiGeneration.TRACKER;
    }

    @Override
    public List<TrackedEntity> findTrackedEntities(TrackedEntityQuery query) {
        return search(query, part -> {
            QueryParams params = new QueryParams().add("program", part.getProgramUid())
                    .add("trackedEntityType", part.getTrackedEntityTypeUid())
                    .add("orgUnits", part.getOrgUnit())
                    .add("orgUnitMode", part.getOrgUnitMode().name())
                    .add("fields", GenerationJson.TRACKER.searchFields());
            for (AttributeFilter filter : part.getFilters()) {
                params.add("filter", filter.toQueryValue(true));
            }
            return readAllPages(SEARCH_PATH, params, "trackedEntities", part.getPageSize(),
                    node -> GenerationJson.TRACKER.readTrackedEntity(node));
        });
    }

    @Override
    public Map<String, List<Enrollment>> enrollmentsOf(Collection<String> trackedEntityUids, String programUid) {
        return enrollmentsByChunk(trackedEntityUids, programUid, chunk -> {
            QueryParams params = new QueryParams().add("trackedEntities", String.join(";", chunk))
                    .add("program", programUid)
                    .add("orgUnitMode", OrgUnitMode.ACCESSIBLE.name())
                    .add("fields", GenerationJson.TRACKER.enrollmentFields());
            return readAllPages(SEARCH_PATH, params, "trackedEntities", UID_CHUNK, node -> GenerationJson.TRACKER.readTrackedEntity(node));
        });
    }

    @Override
    public ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode) {
        List<SentObject> sent = SentObject.ofTrackedEntities(entities);
        return entities.isEmpty() ? ImportResult.empty() : post(GenerationJson.TRACKER.trackedEntities(entities), sent, mode);
    }

    @Override
    public ImportResult importEnrollments(List<Enrollment> enrollments, ImportMode mode) {
        List<SentObject> sent = SentObject.ofEnrollments(enrollments);
        return enrollments.isEmpty() ? ImportResult.empty() : post(GenerationJson.TRACKER.enrollments(enrollments), sent, mode);
    }

    @Override
    public ImportResult importEvents(List<Event> events, ImportMode mode) {
        List<SentObject> sent = SentObject.ofEvents(events);
        return events.isEmpty() ? ImportResult.empty() : post(GenerationJson.TRACKER.events(events), sent, mode);
    }

    private ImportResult post(com.fasterxml.jackson.databind.JsonNode body, List<SentObject> sent, ImportMode mode) {
        QueryParams params = new QueryParams().add("async", "false")
                .add("importStrategy", "CREATE_AND_UPDATE")
                .add("atomicMode", "OBJECT")
                .add("importMode", mode == ImportMode.VALIDATE ? "VALIDATE" : "COMMIT")
                .add("reportMode", "FULL");
        Dhis2Http.JsonReply reply = http.postImport(IMPORT_PATH, params, body);
        return TrackerImportReport.read(reply, sent, mode, where(http, "POST", IMPORT_PATH));
    }
}
