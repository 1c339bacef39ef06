package org.openmrs.module.dhis2sync.dhis2;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.QueryParams.UidList;

/**
 * The tracker API of DHIS2 2.41 and later: {@code POST /api/tracker} (see {@link TrackerImports}) and the
 * {@code GET /api/tracker/…} reads, with only the parameters both 2.41.9.1 and 2.42.5.2 declare in their request
 * classes ({@code TrackedEntityRequestParams}, {@code EnrollmentRequestParams}, {@code EventRequestParams}): 2.42
 * silently ignores a parameter it does not declare, and so does 2.41 for {@code trackedEntities} on enrollments. Lists
 * of UIDs go comma-separated ({@link UidList#TRACKER_API}).
 */
public final class TrackerApi extends BaseDhis2Client {

    private static final String TRACKED_ENTITIES_PATH = "/api/tracker/trackedEntities";
    private static final String ENROLLMENTS_PATH = "/api/tracker/enrollments";
    private static final String EVENTS_PATH = "/api/tracker/events";

    private final TrackerImports imports;

    public TrackerApi(Dhis2Http http) {
        super(http);
        this.imports = new TrackerImports(http);
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
                params.add("filter", filter.toTrackerQueryValue());
            }
            return readAllPages(TRACKED_ENTITIES_PATH, params, "trackedEntities", part.getPageSize(),
                    node -> GenerationJson.TRACKER.readTrackedEntity(node));
        });
    }

    @Override
    public Map<String, List<Enrollment>> enrollmentsOf(Collection<String> trackedEntityUids, String programUid) {
        return enrollmentsByChunk(trackedEntityUids, programUid, chunk -> {
            QueryParams params = new QueryParams().addUids("trackedEntities", chunk, UidList.TRACKER_API)
                    .add("program", programUid)
                    .add("orgUnitMode", OrgUnitMode.ACCESSIBLE.name())
                    .add("fields", GenerationJson.TRACKER.enrollmentFields());
            return readAllPages(TRACKED_ENTITIES_PATH, params, "trackedEntities", UID_CHUNK,
                    node -> GenerationJson.TRACKER.readTrackedEntity(node));
        });
    }

    @Override
    public List<TrackedEntity> trackedEntitiesByUid(Collection<String> uids) {
        return byUids(uids, "trackedEntityUids", chunk -> readAllPages(TRACKED_ENTITIES_PATH,
                new QueryParams().addUids("trackedEntities", chunk, UidList.TRACKER_API)
                        .add("orgUnitMode", OrgUnitMode.ACCESSIBLE.name())
                        .add("fields", GenerationJson.TRACKER.searchFields()),
                "trackedEntities", UID_CHUNK, GenerationJson.TRACKER::readTrackedEntity, TrackedEntity::getUid),
                TrackedEntity::getUid);
    }

    @Override
    public List<Enrollment> enrollmentsByUid(Collection<String> uids) {
        return byUids(uids, "enrollmentUids", chunk -> readAllPages(ENROLLMENTS_PATH,
                new QueryParams().addUids("enrollments", chunk, UidList.TRACKER_API)
                        .add("orgUnitMode", OrgUnitMode.ACCESSIBLE.name())
                        .add("fields", GenerationJson.TRACKER.oneEnrollmentFields()),
                "enrollments", UID_CHUNK, node -> GenerationJson.TRACKER.readEnrollment(node, null), Enrollment::getUid),
                Enrollment::getUid);
    }

    @Override
    public List<Enrollment> enrollmentsOfTrackedEntity(String trackedEntityUid) {
        if (!Uid.isValid(trackedEntityUid)) {
            throw new IllegalArgumentException("trackedEntityUid '" + trackedEntityUid + "' is not a valid DHIS2 UID");
        }
        return readAllPages(ENROLLMENTS_PATH, new QueryParams().add("trackedEntity", trackedEntityUid)
                .add("orgUnitMode", OrgUnitMode.ACCESSIBLE.name())
                .add("fields", GenerationJson.TRACKER.oneEnrollmentFields()),
                "enrollments", UID_CHUNK, node -> GenerationJson.TRACKER.readEnrollment(node, null), Enrollment::getUid);
    }

    @Override
    public List<Event> eventsByUid(Collection<String> uids) {
        return byUids(uids, "eventUids", chunk -> readAllPages(EVENTS_PATH,
                new QueryParams().addUids("events", chunk, UidList.TRACKER_API)
                        .add("orgUnitMode", OrgUnitMode.ACCESSIBLE.name())
                        .add("fields", GenerationJson.TRACKER.oneEventFields()),
                "events", UID_CHUNK, node -> GenerationJson.TRACKER.readEvent(node, null, null), Event::getUid),
                Event::getUid);
    }

    @Override
    public ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode) {
        List<SentObject> sent = SentObject.ofTrackedEntities(entities);
        return imports.importObjects(GenerationJson.TRACKER.trackedEntities(entities), sent, mode);
    }

    @Override
    public ImportResult importEnrollments(List<Enrollment> enrollments, ImportMode mode) {
        List<SentObject> sent = SentObject.ofEnrollments(enrollments);
        return imports.importObjects(GenerationJson.TRACKER.enrollments(enrollments), sent, mode);
    }

    @Override
    public ImportResult importEvents(List<Event> events, ImportMode mode) {
        List<SentObject> sent = SentObject.ofEvents(events);
        return imports.importObjects(GenerationJson.TRACKER.events(events), sent, mode);
    }

    @Override
    public ImportResult validate(TrackerBundle bundle) {
        return imports.validate(bundle);
    }

    @Override
    public ImportResult deleteEvents(Collection<String> uids) {
        return imports.delete(ObjectType.EVENT, uids, "eventUids");
    }

    @Override
    public ImportResult deleteEnrollments(Collection<String> uids) {
        return imports.delete(ObjectType.ENROLLMENT, uids, "enrollmentUids");
    }

    @Override
    public ImportResult deleteTrackedEntities(Collection<String> uids) {
        return imports.delete(ObjectType.TRACKED_ENTITY, uids, "trackedEntityUids");
    }
}
