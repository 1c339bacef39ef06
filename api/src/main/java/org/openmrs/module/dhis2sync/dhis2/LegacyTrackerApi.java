package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openmrs.module.dhis2sync.dhis2.QueryParams.UidList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deprecated tracker API of DHIS2 2.30–2.41 ({@code /api/trackedEntityInstances}, {@code /api/enrollments},
 * {@code /api/events} with {@code strategy=CREATE_AND_UPDATE}); gone from 2.42. Its HTTP status does not tell
 * success, so each object's verdict is read from its import summary. A batch refused without summaries (a bare 409)
 * is sent again one object per request, so that each object gets its own verdict. Lists of UIDs in a parameter go
 * semicolon-separated ({@link UidList#DEPRECATED_API}).
 * <p>
 * Validation never uses this API's {@code dryRun=true}, which writes: on 2.41.9.1 a dry run of
 * {@code /api/trackedEntityInstances} created the tracked entities (dhis2-core 2.41's deprecated tracked entity and
 * enrollment importers never read the flag). It goes through the tracker API's {@code importMode=VALIDATE} when
 * this DHIS2 has it (2.41), and is refused with {@link ValidationUnavailableException} below 2.41.
 */
public final class LegacyTrackerApi extends BaseDhis2Client {

    private static final Logger log = LoggerFactory.getLogger(LegacyTrackerApi.class);
    private static final String TEI_PATH = "/api/trackedEntityInstances";
    private static final String SEARCH_PATH = "/api/trackedEntityInstances.json";
    private static final String ENROLLMENTS_PATH = "/api/enrollments";
    private static final String EVENTS_PATH = "/api/events";

    private volatile SystemInfo systemInfo;

    public LegacyTrackerApi(Dhis2Http http) {
        super(http);
    }

    /** With DHIS2's version already read (api=auto), so that a check does not ask again. */
    LegacyTrackerApi(Dhis2Http http, SystemInfo systemInfo) {
        super(http);
        this.systemInfo = systemInfo;
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
                params.add("filter", filter.toDeprecatedQueryValue());
            }
            return readAllPages(SEARCH_PATH, params, "trackedEntityInstances", part.getPageSize(),
                    node -> GenerationJson.LEGACY.readTrackedEntity(node));
        });
    }

    @Override
    public Map<String, List<Enrollment>> enrollmentsOf(Collection<String> trackedEntityUids, String programUid) {
        return enrollmentsByChunk(trackedEntityUids, programUid, chunk -> {
            QueryParams params = new QueryParams().addUids("trackedEntityInstance", chunk, UidList.DEPRECATED_API)
                    .add("program", programUid)
                    .add("ouMode", OrgUnitMode.ACCESSIBLE.name())
                    .add("fields", GenerationJson.LEGACY.enrollmentFields());
            return readAllPages(SEARCH_PATH, params, "trackedEntityInstances", UID_CHUNK,
                    node -> GenerationJson.LEGACY.readTrackedEntity(node));
        });
    }

    @Override
    public List<TrackedEntity> trackedEntitiesByUid(Collection<String> uids) {
        return byUids(uids, "trackedEntityUids", chunk -> readAllPages(SEARCH_PATH,
                new QueryParams().addUids("trackedEntityInstance", chunk, UidList.DEPRECATED_API)
                        .add("ouMode", OrgUnitMode.ACCESSIBLE.name())
                        .add("includeAllAttributes", "true")
                        .add("fields", GenerationJson.LEGACY.searchFields())
                        .add("totalPages", "false"),
                "trackedEntityInstances", UID_CHUNK, GenerationJson.LEGACY::readTrackedEntity, TrackedEntity::getUid),
                TrackedEntity::getUid);
    }

    /** One {@code GET /api/enrollments/{uid}} each: the list form {@code ?enrollment=a;b} fails on an unknown UID. */
    @Override
    public List<Enrollment> enrollmentsByUid(Collection<String> uids) {
        return byUids(uids, "enrollmentUids", chunk -> {
            List<Enrollment> found = new ArrayList<>();
            for (String uid : chunk) {
                JsonNode node = http.getIfFound(ENROLLMENTS_PATH + "/" + uid + ".json",
                        QueryParams.of("fields", GenerationJson.LEGACY.oneEnrollmentFields()));
                if (node != null) {
                    found.add(GenerationJson.LEGACY.readEnrollment(node, null));
                }
            }
            return found;
        }, Enrollment::getUid);
    }

    @Override
    public List<Enrollment> enrollmentsOfTrackedEntity(String trackedEntityUid) {
        if (!Uid.isValid(trackedEntityUid)) {
            throw new IllegalArgumentException("trackedEntityUid '" + trackedEntityUid + "' is not a valid DHIS2 UID");
        }
        return readAllPages(ENROLLMENTS_PATH + ".json", new QueryParams().add("trackedEntityInstance", trackedEntityUid)
                .add("ouMode", OrgUnitMode.ACCESSIBLE.name())
                .add("fields", GenerationJson.LEGACY.oneEnrollmentFields()),
                "enrollments", UID_CHUNK, node -> GenerationJson.LEGACY.readEnrollment(node, null), Enrollment::getUid);
    }

    @Override
    public List<Event> eventsByUid(Collection<String> uids) {
        return byUids(uids, "eventUids", chunk -> readAllPages(EVENTS_PATH + ".json",
                new QueryParams().addUids("event", chunk, UidList.DEPRECATED_API)
                        .add("ouMode", OrgUnitMode.ACCESSIBLE.name())
                        .add("fields", GenerationJson.LEGACY.oneEventFields()),
                "events", UID_CHUNK, node -> GenerationJson.LEGACY.readEvent(node, null, null), Event::getUid),
                Event::getUid);
    }

    @Override
    public ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode) {
        List<SentObject> sent = SentObject.ofTrackedEntities(entities);
        if (sent.isEmpty()) {
            return ImportResult.empty();
        }
        if (mode == ImportMode.VALIDATE) {
            return trackerValidation().importObjects(GenerationJson.TRACKER.trackedEntities(entities), sent, mode);
        }
        return importBatch(TEI_PATH, entities, sent, GenerationJson.LEGACY::trackedEntities);
    }

    @Override
    public ImportResult importEnrollments(List<Enrollment> enrollments, ImportMode mode) {
        List<SentObject> sent = SentObject.ofEnrollments(enrollments);
        if (sent.isEmpty()) {
            return ImportResult.empty();
        }
        if (mode == ImportMode.VALIDATE) {
            return trackerValidation().importObjects(GenerationJson.TRACKER.enrollments(enrollments), sent, mode);
        }
        return importBatch(ENROLLMENTS_PATH, enrollments, sent, GenerationJson.LEGACY::enrollments);
    }

    @Override
    public ImportResult importEvents(List<Event> events, ImportMode mode) {
        List<SentObject> sent = SentObject.ofEvents(events);
        if (sent.isEmpty()) {
            return ImportResult.empty();
        }
        if (mode == ImportMode.VALIDATE) {
            return trackerValidation().importObjects(GenerationJson.TRACKER.events(events), sent, mode);
        }
        return importBatch(EVENTS_PATH, events, sent, GenerationJson.LEGACY::events);
    }

    @Override
    public ImportResult validate(TrackerBundle bundle) {
        if (SentObject.ofBundle(bundle).isEmpty()) {
            return ImportResult.empty();
        }
        return trackerValidation().validate(bundle);
    }

    @Override
    public ImportResult deleteEvents(Collection<String> uids) {
        return LegacyDeletion.delete(http, EVENTS_PATH, SentObject.ofUids(ObjectType.EVENT, uids, "eventUids"));
    }

    @Override
    public ImportResult deleteEnrollments(Collection<String> uids) {
        return LegacyDeletion.delete(http, ENROLLMENTS_PATH,
                SentObject.ofUids(ObjectType.ENROLLMENT, uids, "enrollmentUids"));
    }

    @Override
    public ImportResult deleteTrackedEntities(Collection<String> uids) {
        return LegacyDeletion.delete(http, TEI_PATH,
                SentObject.ofUids(ObjectType.TRACKED_ENTITY, uids, "trackedEntityUids"));
    }

    /**
     * The tracker API's read-only validation, when this DHIS2 has it (2.41: both APIs); else the check is refused
     * before anything is sent. DHIS2's version is read once per client ({@code GET /api/system/info}).
     */
    private TrackerImports trackerValidation() {
        SystemInfo info = systemInfo;
        if (info == null) {
            info = systemInfo();
            systemInfo = info;
        }
        if (Dhis2Clients.generationFor(info) != ApiGeneration.TRACKER) {
            throw new ValidationUnavailableException(info.getVersion());
        }
        return new TrackerImports(http);
    }

    private <T> ImportResult importBatch(String path, List<T> objects, List<SentObject> sent,
            Function<List<T>, JsonNode> writer) {
        QueryParams params = new QueryParams().add("strategy", "CREATE_AND_UPDATE");
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
                        Collections.singletonList(sent.get(i)), writer));
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
