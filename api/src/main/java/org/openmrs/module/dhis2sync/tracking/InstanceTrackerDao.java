package org.openmrs.module.dhis2sync.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.SessionFactory;

/** Reads and writes {@link InstanceTracker}s in the caller's transaction. */
public class InstanceTrackerDao extends HibernateDao {

    static final String TABLE = "dhis2sync_instance_tracker";

    /** The table as a chunk of new rows is written to it. */
    static final TrackerTable<InstanceTracker> ROWS = new TrackerTable<>("InstanceTracker", TABLE,
            Collections.singletonList("patientUuid"), t -> Collections.<Object>singletonList(t.getPatientUuid()),
            TrackerTable.text("patient_uuid", InstanceTracker::getPatientUuid),
            TrackerTable.text("instance_uid", InstanceTracker::getInstanceUid),
            TrackerTable.flag("created_by_module", InstanceTracker::isCreatedByModule));

    public InstanceTrackerDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Inserts or updates, stamping dateCreated (first save) or dateChanged (later saves), and flushes.
     *
     * @throws DuplicateRecordException if another row already tracks the patient
     */
    public InstanceTracker save(InstanceTracker tracker) {
        return saveAndFlush(tracker, TABLE, prepare(tracker));
    }

    /**
     * Inserts or updates each as {@link #save} does, a chunk at once: the new ones with multi-row inserts, the others
     * with one flush for them all (then taken out of the session).
     *
     * @throws DuplicateRecordException if one of them clashes with another row
     */
    public void saveAll(Collection<InstanceTracker> trackers) {
        saveRows(trackers, ROWS, InstanceTrackerDao::prepare);
    }

    /** Marks rows already written (pending) confirmed now, with one statement for a chunk. */
    public void markConfirmed(Collection<InstanceTracker> trackers) {
        markConfirmed(trackers, ROWS);
    }

    /** Checks the columns and stamps the dates; the unique key, for an error message. */
    private static String prepare(InstanceTracker tracker) {
        ColumnCheck.required("instanceTracker", tracker);
        ColumnCheck.text("patientUuid", tracker.getPatientUuid(), 38);
        ColumnCheck.text("instanceUid", tracker.getInstanceUid(), 11);
        Date now = new Date();
        if (tracker.getDateCreated() == null) {
            tracker.setDateCreated(now);
        }
        if (tracker.getId() != null) {
            tracker.setDateChanged(now);
        }
        return "patient_uuid=" + tracker.getPatientUuid();
    }

    /** The trackers of those patients that have one, by patient uuid. */
    public Map<String, InstanceTracker> findByPatientUuids(Collection<String> patientUuids) {
        Map<String, InstanceTracker> found = new HashMap<>();
        for (List<String> chunk : chunks(ColumnCheck.required("patientUuids", patientUuids))) {
            List<InstanceTracker> trackers = session()
                    .createQuery("from InstanceTracker t where t.patientUuid in (:uuids)", InstanceTracker.class)
                    .setParameterList("uuids", chunk)
                    .getResultList();
            for (InstanceTracker tracker : trackers) {
                found.put(tracker.getPatientUuid(), tracker);
            }
        }
        return found;
    }

    /** Every tracker holding that DHIS2 UID (several patients may share one tracked entity), oldest first. */
    public List<InstanceTracker> findAllByInstanceUid(String instanceUid) {
        return session()
                .createQuery("from InstanceTracker t where t.instanceUid = :uid order by t.id", InstanceTracker.class)
                .setParameter("uid", ColumnCheck.required("instanceUid", instanceUid))
                .getResultList();
    }

    public void delete(InstanceTracker tracker) {
        session().delete(ColumnCheck.required("instanceTracker", tracker));
        session().flush();
    }

    /** The tracker holding that DHIS2 UID (the oldest, should several patients share it), or null. */
    public InstanceTracker findByInstanceUid(String instanceUid) {
        List<InstanceTracker> trackers = session()
                .createQuery("from InstanceTracker t where t.instanceUid = :uid order by t.id", InstanceTracker.class)
                .setParameter("uid", ColumnCheck.required("instanceUid", instanceUid))
                .setMaxResults(1)
                .getResultList();
        return trackers.isEmpty() ? null : trackers.get(0);
    }

    /** The trackers holding those DHIS2 UIDs, oldest first (several patients may share one tracked entity). */
    public List<InstanceTracker> findByInstanceUids(Collection<String> instanceUids) {
        List<InstanceTracker> found = new ArrayList<>();
        for (List<String> chunk : chunks(ColumnCheck.required("instanceUids", instanceUids))) {
            found.addAll(session()
                    .createQuery("from InstanceTracker t where t.instanceUid in (:uids) order by t.id",
                            InstanceTracker.class)
                    .setParameterList("uids", chunk)
                    .getResultList());
        }
        return found;
    }
}
