package org.openmrs.module.dhis2sync.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.SessionFactory;

/** Reads and writes {@link EventTracker}s in the caller's transaction. */
public class EventTrackerDao extends HibernateDao {

    static final String TABLE = "dhis2sync_event_tracker";

    /** The table as a chunk of new rows is written to it. */
    static final TrackerTable<EventTracker> ROWS = new TrackerTable<>("EventTracker", TABLE,
            java.util.Arrays.asList("encounterUuid", "programStageUid"),
            t -> java.util.Arrays.<Object>asList(t.getEncounterUuid(), t.getProgramStageUid()),
            TrackerTable.text("encounter_uuid", EventTracker::getEncounterUuid),
            TrackerTable.text("program_stage_uid", EventTracker::getProgramStageUid),
            TrackerTable.text("instance_uid", EventTracker::getInstanceUid),
            TrackerTable.text("enrollment_uid", EventTracker::getEnrollmentUid),
            TrackerTable.text("event_uid", EventTracker::getEventUid),
            TrackerTable.text("program_uid", EventTracker::getProgramUid));

    public EventTrackerDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Inserts or updates, stamping dateCreated (first save) or dateChanged (later saves), and flushes.
     *
     * @throws DuplicateRecordException if another row already tracks the encounter for that program stage
     */
    public EventTracker save(EventTracker tracker) {
        return saveAndFlush(tracker, TABLE, prepare(tracker));
    }

    /**
     * Inserts or updates each as {@link #save} does, a chunk at once: the new ones with multi-row inserts, the others
     * with one flush for them all (then taken out of the session).
     *
     * @throws DuplicateRecordException if one of them clashes with another row
     */
    public void saveAll(Collection<EventTracker> trackers) {
        saveRows(trackers, ROWS, EventTrackerDao::prepare);
    }

    /** Marks rows already written (pending) confirmed now, with one statement for a chunk. */
    public void markConfirmed(Collection<EventTracker> trackers) {
        markConfirmed(trackers, ROWS);
    }

    /** Checks the columns and stamps the dates; the unique key, for an error message. */
    private static String prepare(EventTracker tracker) {
        ColumnCheck.required("eventTracker", tracker);
        ColumnCheck.text("encounterUuid", tracker.getEncounterUuid(), 38);
        ColumnCheck.text("programStageUid", tracker.getProgramStageUid(), 11);
        ColumnCheck.text("instanceUid", tracker.getInstanceUid(), 11);
        ColumnCheck.text("enrollmentUid", tracker.getEnrollmentUid(), 11);
        ColumnCheck.text("eventUid", tracker.getEventUid(), 11);
        ColumnCheck.text("programUid", tracker.getProgramUid(), 11);
        Date now = new Date();
        if (tracker.getDateCreated() == null) {
            tracker.setDateCreated(now);
        }
        if (tracker.getId() != null) {
            tracker.setDateChanged(now);
        }
        return "encounter_uuid=" + tracker.getEncounterUuid()
                + ", program_stage_uid=" + tracker.getProgramStageUid();
    }

    /** Every event tracked for those encounters (an encounter may feed several program stages). */
    public List<EventTracker> findByEncounterUuids(Collection<String> encounterUuids) {
        List<EventTracker> found = new ArrayList<>();
        for (List<String> chunk : chunks(ColumnCheck.required("encounterUuids", encounterUuids))) {
            found.addAll(session()
                    .createQuery("from EventTracker t where t.encounterUuid in (:uuids) order by t.id",
                            EventTracker.class)
                    .setParameterList("uuids", chunk)
                    .getResultList());
        }
        return found;
    }

    /** Every event tracked inside those DHIS2 enrollments. */
    public List<EventTracker> findByEnrollmentUids(Collection<String> enrollmentUids) {
        List<EventTracker> found = new ArrayList<>();
        for (List<String> chunk : chunks(ColumnCheck.required("enrollmentUids", enrollmentUids))) {
            found.addAll(session()
                    .createQuery("from EventTracker t where t.enrollmentUid in (:uids) order by t.id", EventTracker.class)
                    .setParameterList("uids", chunk)
                    .getResultList());
        }
        return found;
    }

    /** Every event tracked for that DHIS2 tracked entity. */
    public List<EventTracker> findByInstanceUid(String instanceUid) {
        return session()
                .createQuery("from EventTracker t where t.instanceUid = :uid order by t.id", EventTracker.class)
                .setParameter("uid", ColumnCheck.required("instanceUid", instanceUid))
                .getResultList();
    }

    /** Those of the event UIDs some tracker holds. */
    public Set<String> trackedEventUids(Collection<String> eventUids) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(ColumnCheck.required("eventUids", eventUids))) {
            found.addAll(session()
                    .createQuery("select t.eventUid from EventTracker t where t.eventUid in (:uids)", String.class)
                    .setParameterList("uids", chunk)
                    .getResultList());
        }
        return found;
    }

    public void delete(EventTracker tracker) {
        session().delete(ColumnCheck.required("eventTracker", tracker));
        session().flush();
    }

    /** The event tracked for that encounter and program stage, or null. */
    public EventTracker find(String encounterUuid, String programStageUid) {
        List<EventTracker> trackers = session()
                .createQuery("from EventTracker t where t.encounterUuid = :encounter and t.programStageUid = :stage",
                        EventTracker.class)
                .setParameter("encounter", ColumnCheck.required("encounterUuid", encounterUuid))
                .setParameter("stage", ColumnCheck.required("programStageUid", programStageUid))
                .getResultList();
        return trackers.isEmpty() ? null : trackers.get(0);
    }

    /** Every event tracked for those DHIS2 tracked entities, oldest first. */
    public List<EventTracker> findByInstanceUids(Collection<String> instanceUids) {
        List<EventTracker> found = new ArrayList<>();
        for (List<String> chunk : chunks(ColumnCheck.required("instanceUids", instanceUids))) {
            found.addAll(session()
                    .createQuery("from EventTracker t where t.instanceUid in (:uids) order by t.id",
                            EventTracker.class)
                    .setParameterList("uids", chunk)
                    .getResultList());
        }
        return found;
    }
}
