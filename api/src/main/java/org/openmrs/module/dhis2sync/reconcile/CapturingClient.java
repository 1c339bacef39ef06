package org.openmrs.module.dhis2sync.reconcile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.ApiGeneration;
import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.ImportMode;
import org.openmrs.module.dhis2sync.dhis2.ImportResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectResult;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.Outcome;
import org.openmrs.module.dhis2sync.dhis2.Page;
import org.openmrs.module.dhis2sync.dhis2.PageRequest;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.SystemInfo;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntityQuery;
import org.openmrs.module.dhis2sync.dhis2.TrackerBundle;

/**
 * The engine's client while reconciling: it keeps every object the engine would send (by UID) and accepts it, and
 * talks to no DHIS2. Run through the engine in validation mode it yields exactly what a sync would send now. Searches
 * find nothing (only tracked records are reconciled: they need none); anything else is not for it.
 */
final class CapturingClient implements Dhis2Client {

    private final Map<String, TrackedEntity> trackedEntities = new LinkedHashMap<>();
    private final Map<String, Enrollment> enrollments = new LinkedHashMap<>();
    private final Map<String, Event> events = new LinkedHashMap<>();

    Map<String, TrackedEntity> trackedEntities() {
        return trackedEntities;
    }

    Map<String, Enrollment> enrollments() {
        return enrollments;
    }

    Map<String, Event> events() {
        return events;
    }

    @Override
    public ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode) {
        List<ObjectResult> results = new ArrayList<>();
        for (TrackedEntity entity : entities) {
            trackedEntities.put(entity.getUid(), entity);
            results.add(accepted(ObjectType.TRACKED_ENTITY, entity.getUid()));
        }
        return new ImportResult(results);
    }

    @Override
    public ImportResult importEnrollments(List<Enrollment> list, ImportMode mode) {
        List<ObjectResult> results = new ArrayList<>();
        for (Enrollment enrollment : list) {
            enrollments.put(enrollment.getUid(), enrollment);
            results.add(accepted(ObjectType.ENROLLMENT, enrollment.getUid()));
        }
        return new ImportResult(results);
    }

    @Override
    public ImportResult importEvents(List<Event> list, ImportMode mode) {
        List<ObjectResult> results = new ArrayList<>();
        for (Event event : list) {
            events.put(event.getUid(), event);
            results.add(accepted(ObjectType.EVENT, event.getUid()));
        }
        return new ImportResult(results);
    }

    private static ObjectResult accepted(ObjectType type, String uid) {
        return new ObjectResult(type, uid, Outcome.ACCEPTED, null, null);
    }

    @Override
    public List<TrackedEntity> findTrackedEntities(TrackedEntityQuery query) {
        return Collections.emptyList();
    }

    @Override
    public Map<String, List<Enrollment>> enrollmentsOf(Collection<String> trackedEntityUids, String programUid) {
        Map<String, List<Enrollment>> none = new LinkedHashMap<>();
        for (String uid : trackedEntityUids) {
            none.put(uid, Collections.<Enrollment>emptyList());
        }
        return none;
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static UnsupportedOperationException notHere(String what) {
        return new UnsupportedOperationException(what + " is not asked while reconciling");
    }

    @Override
    public SystemInfo systemInfo() {
        throw notHere("systemInfo");
    }

    @Override
    public ApiGeneration generation() {
        throw notHere("generation");
    }

    @Override
    public String currentUser() {
        throw notHere("currentUser");
    }

    @Override
    public ImportResult validate(TrackerBundle bundle) {
        throw notHere("validate");
    }

    @Override
    public ImportResult deleteEvents(Collection<String> uids) {
        throw notHere("deleteEvents");
    }

    @Override
    public ImportResult deleteEnrollments(Collection<String> uids) {
        throw notHere("deleteEnrollments");
    }

    @Override
    public ImportResult deleteTrackedEntities(Collection<String> uids) {
        throw notHere("deleteTrackedEntities");
    }

    @Override
    public List<TrackedEntity> trackedEntitiesByUid(Collection<String> uids) {
        // as searches: DHIS2 holds nothing here, so the engine sends the org unit OpenMRS gives
        return Collections.emptyList();
    }

    @Override
    public List<Enrollment> enrollmentsOfTrackedEntity(String trackedEntityUid) {
        throw notHere("enrollmentsOfTrackedEntity");
    }

    @Override
    public List<Enrollment> enrollmentsByUid(Collection<String> uids) {
        throw notHere("enrollmentsByUid");
    }

    @Override
    public List<Event> eventsByUid(Collection<String> uids) {
        throw notHere("eventsByUid");
    }

    @Override
    public Page<ProgramInfo> programs(PageRequest page) {
        throw notHere("programs");
    }

    @Override
    public ProgramInfo program(String uid) {
        throw notHere("program");
    }

    @Override
    public Page<AttributeInfo> trackedEntityAttributes(String nameQuery, PageRequest page) {
        throw notHere("trackedEntityAttributes");
    }

    @Override
    public Page<DataElementInfo> dataElements(String nameQuery, PageRequest page) {
        throw notHere("dataElements");
    }

    @Override
    public Page<OptionSetInfo> optionSets(String nameQuery, PageRequest page) {
        throw notHere("optionSets");
    }

    @Override
    public Page<OrgUnitInfo> orgUnits(String nameQuery, PageRequest page) {
        throw notHere("orgUnits");
    }

    @Override
    public List<OptionSetInfo> optionSetsByUid(Collection<String> uids) {
        throw notHere("optionSetsByUid");
    }

    @Override
    public List<OrgUnitInfo> orgUnitsByUid(Collection<String> uids) {
        throw notHere("orgUnitsByUid");
    }

    @Override
    public List<OrgUnitInfo> captureOrgUnits() {
        throw notHere("captureOrgUnits");
    }
}
