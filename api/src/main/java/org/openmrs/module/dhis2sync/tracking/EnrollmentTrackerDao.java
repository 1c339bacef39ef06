package org.openmrs.module.dhis2sync.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;

/** Reads and writes {@link EnrollmentTracker}s in the caller's transaction. */
public class EnrollmentTrackerDao extends HibernateDao {

    static final String TABLE = "dhis2sync_enrollment_tracker";

    /** The table as a chunk of new rows is written to it. */
    static final TrackerTable<EnrollmentTracker> ROWS = new TrackerTable<>("EnrollmentTracker", TABLE,
            Collections.singletonList("patientProgramUuid"),
            t -> Collections.<Object>singletonList(t.getPatientProgramUuid()),
            TrackerTable.text("patient_program_uuid", EnrollmentTracker::getPatientProgramUuid),
            TrackerTable.text("instance_uid", EnrollmentTracker::getInstanceUid),
            TrackerTable.text("enrollment_uid", EnrollmentTracker::getEnrollmentUid),
            TrackerTable.text("program_uid", EnrollmentTracker::getProgramUid),
            TrackerTable.text("status", EnrollmentTracker::getStatus),
            TrackerTable.date("enrollment_date", EnrollmentTracker::getEnrollmentDate));

    public EnrollmentTrackerDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Inserts or updates, stamping dateCreated (first save) or dateChanged (later saves), and flushes.
     *
     * @throws DuplicateRecordException if another row already tracks the patient program
     */
    public EnrollmentTracker save(EnrollmentTracker tracker) {
        return saveAndFlush(tracker, TABLE, prepare(tracker));
    }

    /**
     * Inserts or updates each as {@link #save} does, a chunk at once: the new ones with multi-row inserts, the others
     * with one flush for them all (then taken out of the session).
     *
     * @throws DuplicateRecordException if one of them clashes with another row
     */
    public void saveAll(Collection<EnrollmentTracker> trackers) {
        saveRows(trackers, ROWS, EnrollmentTrackerDao::prepare);
    }

    /** Marks rows already written (pending) confirmed now, with one statement for a chunk. */
    public void markConfirmed(Collection<EnrollmentTracker> trackers) {
        markConfirmed(trackers, ROWS);
    }

    /** Checks the columns and stamps the dates; the unique key, for an error message. */
    private static String prepare(EnrollmentTracker tracker) {
        ColumnCheck.required("enrollmentTracker", tracker);
        ColumnCheck.text("patientProgramUuid", tracker.getPatientProgramUuid(), 38);
        ColumnCheck.text("instanceUid", tracker.getInstanceUid(), 11);
        ColumnCheck.text("enrollmentUid", tracker.getEnrollmentUid(), 11);
        ColumnCheck.text("programUid", tracker.getProgramUid(), 11);
        ColumnCheck.text("status", tracker.getStatus(), 20);
        Date now = new Date();
        if (tracker.getDateCreated() == null) {
            tracker.setDateCreated(now);
        }
        if (tracker.getId() != null) {
            tracker.setDateChanged(now);
        }
        return "patient_program_uuid=" + tracker.getPatientProgramUuid();
    }

    /** The trackers of those patient programs that have one, by patient program uuid. */
    public Map<String, EnrollmentTracker> findByPatientProgramUuids(Collection<String> patientProgramUuids) {
        Map<String, EnrollmentTracker> found = new HashMap<>();
        for (List<String> chunk : chunks(ColumnCheck.required("patientProgramUuids", patientProgramUuids))) {
            List<EnrollmentTracker> trackers = session()
                    .createQuery("from EnrollmentTracker t where t.patientProgramUuid in (:uuids)",
                            EnrollmentTracker.class)
                    .setParameterList("uuids", chunk)
                    .getResultList();
            for (EnrollmentTracker tracker : trackers) {
                found.put(tracker.getPatientProgramUuid(), tracker);
            }
        }
        return found;
    }

    /** Every enrollment tracked for that DHIS2 tracked entity, oldest first. */
    public List<EnrollmentTracker> findByInstanceUid(String instanceUid) {
        return session()
                .createQuery("from EnrollmentTracker t where t.instanceUid = :uid order by t.id", EnrollmentTracker.class)
                .setParameter("uid", ColumnCheck.required("instanceUid", instanceUid))
                .getResultList();
    }

    public void delete(EnrollmentTracker tracker) {
        session().delete(ColumnCheck.required("enrollmentTracker", tracker));
        session().flush();
    }

    /** The tracker holding that DHIS2 enrollment UID, or null. */
    public EnrollmentTracker findByEnrollmentUid(String enrollmentUid) {
        List<EnrollmentTracker> trackers = session()
                .createQuery("from EnrollmentTracker t where t.enrollmentUid = :uid order by t.id",
                        EnrollmentTracker.class)
                .setParameter("uid", ColumnCheck.required("enrollmentUid", enrollmentUid))
                .setMaxResults(1)
                .getResultList();
        return trackers.isEmpty() ? null : trackers.get(0);
    }

    /** Every enrollment tracked for those DHIS2 tracked entities, oldest first. */
    public List<EnrollmentTracker> findByInstanceUids(Collection<String> instanceUids) {
        List<EnrollmentTracker> found = new ArrayList<>();
        for (List<String> chunk : chunks(ColumnCheck.required("instanceUids", instanceUids))) {
            found.addAll(session()
                    .createQuery("from EnrollmentTracker t where t.instanceUid in (:uids) order by t.id",
                            EnrollmentTracker.class)
                    .setParameterList("uids", chunk)
                    .getResultList());
        }
        return found;
    }

    /**
     * One page of the tracked entities that have an enrollment tracked in the DHIS2 program: their UIDs after
     * {@code afterInstanceUid} (null: from the first), ascending.
     */
    public List<String> instanceUidsOfProgram(String programUid, String afterInstanceUid, int limit) {
        return session()
                .createQuery("select distinct t.instanceUid from EnrollmentTracker t where t.programUid = :program"
                        + " and t.instanceUid > :after order by t.instanceUid", String.class)
                .setParameter("program", ColumnCheck.required("programUid", programUid))
                .setParameter("after", afterInstanceUid == null ? "" : afterInstanceUid)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many tracked entities have an enrollment tracked in the DHIS2 program. */
    public int countInstancesOfProgram(String programUid) {
        Long count = session()
                .createQuery("select count(distinct t.instanceUid) from EnrollmentTracker t where t.programUid = :program",
                        Long.class)
                .setParameter("program", ColumnCheck.required("programUid", programUid))
                .getSingleResult();
        return count == null ? 0 : count.intValue();
    }
}
