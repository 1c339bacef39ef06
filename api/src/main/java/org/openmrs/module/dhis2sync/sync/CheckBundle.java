package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.ApiGeneration;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.ImportMode;
import org.openmrs.module.dhis2sync.dhis2.ImportResult;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.Page;
import org.openmrs.module.dhis2sync.dhis2.PageRequest;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.SystemInfo;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntityQuery;
import org.openmrs.module.dhis2sync.dhis2.TrackerBundle;

/**
 * The DHIS2 client of a check: every chunk the engine would import is validated instead, in one
 * {@link Dhis2Client#validate(TrackerBundle)} ({@code POST /api/tracker?importMode=VALIDATE}), together with the
 * objects it refers to that DHIS2 does not hold yet — an enrollment nested in its new tracked entity, an event in its
 * new enrollment (itself in its new tracked entity) — as DHIS2 would import them on a first sync. So an enrollment of
 * a new patient is checked against that patient, not refused as unknown. Only the chunk's own objects get their verdict
 * from it (the parents have theirs from their own chunk). Reads go to DHIS2 as they are; a check writes nothing, so
 * anything but a validation is refused.
 */
final class CheckBundle implements Dhis2Client {

    private final Dhis2Client dhis2;
    private final CheckMemory memory;

    CheckBundle(Dhis2Client dhis2, CheckMemory memory) {
        this.dhis2 = dhis2;
        this.memory = memory;
    }

    @Override
    public ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode) {
        requireValidation(mode);
        return dhis2.validate(new TrackerBundle(entities, null, null));
    }

    @Override
    public ImportResult importEnrollments(List<Enrollment> enrollments, ImportMode mode) {
        requireValidation(mode);
        Parents parents = new Parents();
        List<Enrollment> topLevel = new ArrayList<>();
        for (Enrollment enrollment : enrollments) {
            if (!parents.nest(enrollment)) {
                topLevel.add(enrollment);
            }
        }
        return dhis2.validate(new TrackerBundle(parents.entities(), topLevel, null));
    }

    @Override
    public ImportResult importEvents(List<Event> events, ImportMode mode) {
        requireValidation(mode);
        Map<String, List<Event>> byNewEnrollment = new LinkedHashMap<>();
        List<Event> topLevel = new ArrayList<>();
        for (Event event : events) {
            if (memory.newEnrollment(event.getEnrollmentUid()) != null) {
                byNewEnrollment.computeIfAbsent(event.getEnrollmentUid(), uid -> new ArrayList<>()).add(event);
            } else {
                topLevel.add(event);
            }
        }
        Parents parents = new Parents();
        List<Enrollment> enrollments = new ArrayList<>();
        for (Map.Entry<String, List<Event>> group : byNewEnrollment.entrySet()) {
            Enrollment e = memory.newEnrollment(group.getKey());
            Enrollment withEvents = new Enrollment(e.getUid(), e.getTrackedEntityUid(), e.getProgramUid(),
                    e.getOrgUnit(), e.getStatus(), e.getEnrolledAt(), e.getOccurredAt(), e.getCompletedAt(),
                    group.getValue());
            if (!parents.nest(withEvents)) {
                enrollments.add(withEvents);
            }
        }
        return dhis2.validate(new TrackerBundle(parents.entities(), enrollments, topLevel));
    }

    @Override
    public ImportResult validate(TrackerBundle bundle) {
        return dhis2.validate(bundle);
    }

    /** The new tracked entities of a bundle, each with its enrollments nested. */
    private final class Parents {
        private final Map<String, List<Enrollment>> enrollmentsByEntity = new LinkedHashMap<>();

        /** @return whether the enrollment went into its new tracked entity (else it goes at the top) */
        boolean nest(Enrollment enrollment) {
            if (memory.newEntity(enrollment.getTrackedEntityUid()) == null) {
                return false;
            }
            enrollmentsByEntity.computeIfAbsent(enrollment.getTrackedEntityUid(), uid -> new ArrayList<>())
                    .add(enrollment);
            return true;
        }

        List<TrackedEntity> entities() {
            List<TrackedEntity> entities = new ArrayList<>();
            for (Map.Entry<String, List<Enrollment>> entry : enrollmentsByEntity.entrySet()) {
                TrackedEntity e = memory.newEntity(entry.getKey());
                entities.add(new TrackedEntity(e.getUid(), e.getTrackedEntityType(), e.getOrgUnit(), e.getAttributes(),
                        entry.getValue()));
            }
            return entities;
        }
    }

    private static void requireValidation(ImportMode mode) {
        if (mode != ImportMode.VALIDATE) {
            throw new IllegalStateException("a check only validates: it never imports");
        }
    }

    /** DHIS2 holds no enrollment of a tracked entity it does not hold yet: those are not asked for. */
    @Override
    public Map<String, List<Enrollment>> enrollmentsOf(Collection<String> trackedEntityUids, String programUid) {
        List<String> known = new ArrayList<>();
        Map<String, List<Enrollment>> result = new LinkedHashMap<>();
        for (String uid : trackedEntityUids) {
            if (memory.newEntity(uid) == null) {
                known.add(uid);
            } else {
                result.put(uid, Collections.<Enrollment>emptyList());
            }
        }
        if (!known.isEmpty()) {
            result.putAll(dhis2.enrollmentsOf(known, programUid));
        }
        return result;
    }

    @Override
    public List<Enrollment> enrollmentsOfTrackedEntity(String trackedEntityUid) {
        return memory.newEntity(trackedEntityUid) != null ? Collections.<Enrollment>emptyList()
                : dhis2.enrollmentsOfTrackedEntity(trackedEntityUid);
    }

    @Override
    public ImportResult deleteEvents(Collection<String> uids) {
        throw new IllegalStateException("a check never deletes");
    }

    @Override
    public ImportResult deleteEnrollments(Collection<String> uids) {
        throw new IllegalStateException("a check never deletes");
    }

    @Override
    public ImportResult deleteTrackedEntities(Collection<String> uids) {
        throw new IllegalStateException("a check never deletes");
    }

    @Override
    public SystemInfo systemInfo() {
        return dhis2.systemInfo();
    }

    @Override
    public ApiGeneration generation() {
        return dhis2.generation();
    }

    @Override
    public String currentUser() {
        return dhis2.currentUser();
    }

    @Override
    public List<TrackedEntity> findTrackedEntities(TrackedEntityQuery query) {
        return dhis2.findTrackedEntities(query);
    }

    @Override
    public List<TrackedEntity> trackedEntitiesByUid(Collection<String> uids) {
        return dhis2.trackedEntitiesByUid(uids);
    }

    @Override
    public List<Enrollment> enrollmentsByUid(Collection<String> uids) {
        return dhis2.enrollmentsByUid(uids);
    }

    @Override
    public List<Event> eventsByUid(Collection<String> uids) {
        return dhis2.eventsByUid(uids);
    }

    @Override
    public Page<ProgramInfo> programs(PageRequest page) {
        return dhis2.programs(page);
    }

    @Override
    public ProgramInfo program(String uid) {
        return dhis2.program(uid);
    }

    @Override
    public Page<AttributeInfo> trackedEntityAttributes(String nameQuery, PageRequest page) {
        return dhis2.trackedEntityAttributes(nameQuery, page);
    }

    @Override
    public Page<DataElementInfo> dataElements(String nameQuery, PageRequest page) {
        return dhis2.dataElements(nameQuery, page);
    }

    @Override
    public Page<OptionSetInfo> optionSets(String nameQuery, PageRequest page) {
        return dhis2.optionSets(nameQuery, page);
    }

    @Override
    public Page<OrgUnitInfo> orgUnits(String nameQuery, PageRequest page) {
        return dhis2.orgUnits(nameQuery, page);
    }

    @Override
    public List<OptionSetInfo> optionSetsByUid(Collection<String> uids) {
        return dhis2.optionSetsByUid(uids);
    }

    @Override
    public List<OrgUnitInfo> orgUnitsByUid(Collection<String> uids) {
        return dhis2.orgUnitsByUid(uids);
    }

    @Override
    public List<OrgUnitInfo> captureOrgUnits() {
        return dhis2.captureOrgUnits();
    }

    /** The run's owner closes the client it was given. */
    @Override
    public void close() {
        // not this view's to close
    }
}
