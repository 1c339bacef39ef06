package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTrackerDao;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.EventTrackerDao;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecordDao;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTrackerDao;
import org.openmrs.module.dhis2sync.tracking.Marker;
import org.openmrs.module.dhis2sync.tracking.MarkerDao;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMappingDao;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.TrackerRow;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's view of the module's tables. Every call is its own committed transaction: a UID assigned to a new
 * DHIS2 object must be stored before the object is sent, so that a run killed at any point and re-run updates the
 * object instead of creating a second one.
 */
public class TrackerStore {

    private final TransactionTemplate tx;
    private final InstanceTrackerDao instances;
    private final EnrollmentTrackerDao enrollments;
    private final EventTrackerDao events;
    private final MarkerDao markers;
    private final FailedRecordDao failures;
    private final OrgUnitMappingDao orgUnits;

    public TrackerStore(TransactionTemplate tx, InstanceTrackerDao instances, EnrollmentTrackerDao enrollments,
            EventTrackerDao events, MarkerDao markers, FailedRecordDao failures, OrgUnitMappingDao orgUnits) {
        this.tx = tx;
        this.instances = instances;
        this.enrollments = enrollments;
        this.events = events;
        this.markers = markers;
        this.failures = failures;
        this.orgUnits = orgUnits;
    }

    /** The same tables, for a view that changes what some calls do (e.g. {@link CheckTrackers}). */
    TrackerStore(TrackerStore tables) {
        this(tables.tx, tables.instances, tables.enrollments, tables.events, tables.markers, tables.failures,
                tables.orgUnits);
    }

    public Map<String, InstanceTracker> instanceTrackers(Collection<String> patientUuids) {
        if (patientUuids.isEmpty()) {
            return Collections.emptyMap();
        }
        return tx.execute(status -> new HashMap<>(instances.findByPatientUuids(patientUuids)));
    }

    /** Tracked entity UID → the patients tracked to it, oldest row first (normally one). */
    public Map<String, List<String>> patientsOfInstances(Collection<String> instanceUids) {
        if (instanceUids.isEmpty()) {
            return Collections.emptyMap();
        }
        return tx.execute(status -> {
            Map<String, List<String>> patients = new HashMap<>();
            for (InstanceTracker tracker : instances.findByInstanceUids(instanceUids)) {
                patients.computeIfAbsent(tracker.getInstanceUid(), uid -> new ArrayList<>()).add(tracker.getPatientUuid());
            }
            return patients;
        });
    }

    public void saveInstanceTrackers(Collection<InstanceTracker> trackers) {
        saveAll(trackers, instances::saveAll);
    }

    public Map<String, EnrollmentTracker> enrollmentTrackers(Collection<String> patientProgramUuids) {
        if (patientProgramUuids.isEmpty()) {
            return Collections.emptyMap();
        }
        return tx.execute(status -> new HashMap<>(enrollments.findByPatientProgramUuids(patientProgramUuids)));
    }

    /** The enrollments of one tracked entity this installation already tracks (so they are not re-used for others). */
    public List<EnrollmentTracker> enrollmentTrackersOfInstance(String instanceUid) {
        return tx.execute(status -> new ArrayList<>(enrollments.findByInstanceUid(instanceUid)));
    }

    /**
     * The enrollment UIDs this installation already tracks for each of those tracked entities (so they are not
     * re-used for others): every tracked entity asked for is a key, with a set that may be added to.
     */
    public Map<String, Set<String>> enrollmentUidsOfInstances(Collection<String> instanceUids) {
        Map<String, Set<String>> uids = new HashMap<>();
        for (String instanceUid : instanceUids) {
            uids.put(instanceUid, new HashSet<>());
        }
        if (uids.isEmpty()) {
            return uids;
        }
        tx.executeWithoutResult(status -> {
            for (EnrollmentTracker tracker : enrollments.findByInstanceUids(instanceUids)) {
                uids.get(tracker.getInstanceUid()).add(tracker.getEnrollmentUid());
            }
        });
        return uids;
    }

    public void saveEnrollmentTrackers(Collection<EnrollmentTracker> trackers) {
        saveAll(trackers, enrollments::saveAll);
    }

    public List<EventTracker> eventTrackers(Collection<String> encounterUuids) {
        if (encounterUuids.isEmpty()) {
            return Collections.emptyList();
        }
        return tx.execute(status -> new ArrayList<>(events.findByEncounterUuids(encounterUuids)));
    }

    public void saveEventTrackers(Collection<EventTracker> trackers) {
        saveAll(trackers, events::saveAll);
    }

    /** Saves tracker rows of one category (the pending and confirmed rows of the sending protocol). */
    void saveTrackers(SyncCategory category, Collection<? extends TrackerRow> trackers) {
        byCategory(category, trackers, this::saveInstanceTrackers, this::saveEnrollmentTrackers,
                this::saveEventTrackers);
    }

    /**
     * Marks rows of one category confirmed that were saved pending and have not changed since (a chunk in one
     * statement, rather than an update of each row).
     */
    void markConfirmed(SyncCategory category, Collection<? extends TrackerRow> trackers) {
        if (trackers.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> byCategory(category, trackers, instances::markConfirmed,
                enrollments::markConfirmed, events::markConfirmed));
    }

    /** Hands rows of one category to what takes rows of that table. */
    @SuppressWarnings("unchecked")
    private static void byCategory(SyncCategory category, Collection<? extends TrackerRow> rows,
            Consumer<Collection<InstanceTracker>> instanceRows, Consumer<Collection<EnrollmentTracker>> enrollmentRows,
            Consumer<Collection<EventTracker>> eventRows) {
        switch (category) {
            case INSTANCE:
                instanceRows.accept((Collection<InstanceTracker>) rows);
                break;
            case ENROLLMENT:
                enrollmentRows.accept((Collection<EnrollmentTracker>) rows);
                break;
            default:
                eventRows.accept((Collection<EventTracker>) rows);
        }
    }

    /** Saves a chunk's trackers in one transaction: the new ones inserted a chunk at once, one flush for the others. */
    private <T> void saveAll(Collection<T> trackers, Consumer<Collection<T>> saveAll) {
        if (trackers.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> saveAll.accept(trackers));
    }

    /** Keeps a DHIS2 object DHIS2 refused (or that could not be sent) for the next run, counting the attempts. */
    public void recordFailure(String mappingUuid, FailureKey key, String dhis2Uid, String errorCode, String message,
            Date now) {
        tx.executeWithoutResult(status -> {
            FailedRecord failure = failures.find(mappingUuid, key);
            if (failure == null) {
                failure = new FailedRecord(mappingUuid, key);
            }
            failure.recordAttempt(dhis2Uid, errorCode, message, now);
            failures.save(failure);
        });
    }

    /** Forgets earlier failures of DHIS2 objects that have now gone through (an event's other stages keep theirs). */
    public void clearFailures(String mappingUuid, Collection<FailureKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Map<SyncCategory, Set<String>> uuids = new EnumMap<>(SyncCategory.class);
        for (FailureKey key : keys) {
            uuids.computeIfAbsent(key.getCategory(), c -> new HashSet<>()).add(key.getOpenmrsUuid());
        }
        Set<FailureKey> wanted = new HashSet<>(keys);
        // one query per category for the lot: this runs for every batch DHIS2 accepted, and most records never failed
        tx.executeWithoutResult(status -> {
            for (Map.Entry<SyncCategory, Set<String>> category : uuids.entrySet()) {
                for (FailedRecord failure : failures.findByOpenmrsUuids(mappingUuid, category.getKey(),
                        category.getValue())) {
                    if (wanted.contains(failure.key())) {
                        failures.delete(failure);
                    }
                }
            }
        });
    }

    /** Forgets every failure of those records (all stages of an encounter): they are gone from OpenMRS. */
    public void clearFailures(String mappingUuid, SyncCategory category, Collection<String> openmrsUuids) {
        if (openmrsUuids.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            for (FailedRecord failure : failures.findByOpenmrsUuids(mappingUuid, category, openmrsUuids)) {
                failures.delete(failure);
            }
        });
    }

    /** Those of the records that have a failure kept (in any stage, for events). */
    public Set<String> failing(String mappingUuid, SyncCategory category, Collection<String> openmrsUuids) {
        if (openmrsUuids.isEmpty()) {
            return Collections.emptySet();
        }
        return tx.execute(status -> {
            Set<String> uuids = new HashSet<>();
            for (FailedRecord failure : failures.findByOpenmrsUuids(mappingUuid, category, openmrsUuids)) {
                uuids.add(failure.getOpenmrsUuid());
            }
            return uuids;
        });
    }

    /** The OpenMRS uuids of the records of one category that failed in an earlier run, each once, oldest first. */
    public List<String> failedUuids(String mappingUuid, SyncCategory category) {
        return tx.execute(status -> {
            Set<String> uuids = new LinkedHashSet<>();
            for (FailedRecord failure : failures.findByMappingAndCategory(mappingUuid, category)) {
                uuids.add(failure.getOpenmrsUuid());
            }
            return new ArrayList<>(uuids);
        });
    }

    public Date marker(String mappingUuid, SyncCategory category) {
        return tx.execute(status -> {
            Marker marker = markers.find(mappingUuid, category);
            return marker == null ? null : marker.getLastSyncedDate();
        });
    }

    /** Moves the markers of all three categories at once, when a run has finished. */
    public void advanceMarkers(String mappingUuid, Date syncedUpTo) {
        tx.executeWithoutResult(status -> {
            for (SyncCategory category : SyncCategory.values()) {
                Marker marker = markers.find(mappingUuid, category);
                if (marker == null) {
                    marker = new Marker();
                    marker.setMappingUuid(mappingUuid);
                    marker.setCategory(category);
                }
                marker.setLastSyncedDate(syncedUpTo);
                markers.save(marker);
            }
        });
    }

    /**
     * Moves the mapping's markers back to {@code to} (never forward): the next run reads again everything changed
     * since then. A category that never ran has no marker and reads everything anyway.
     *
     * @return how many markers moved
     */
    public int moveMarkersBack(String mappingUuid, Date to) {
        return tx.execute(status -> {
            int moved = 0;
            for (Marker marker : markers.findByMapping(mappingUuid)) {
                if (marker.getLastSyncedDate() != null && marker.getLastSyncedDate().after(to)) {
                    marker.setLastSyncedDate(to);
                    markers.save(marker);
                    moved++;
                }
            }
            return moved;
        });
    }

    public Map<String, String> orgUnitByLocation() {
        return tx.execute(status -> {
            Map<String, String> map = new HashMap<>();
            for (OrgUnitMapping mapping : orgUnits.findAll()) {
                map.put(mapping.getLocationUuid(), mapping.getOrgUnitUid());
            }
            return map;
        });
    }
}
