package org.openmrs.module.dhis2sync.tracking;

import java.util.List;

import org.hibernate.SessionFactory;

/** Reads and writes {@link PendingDeletion}s in the caller's transaction. */
public class PendingDeletionDao extends HibernateDao {

    static final String TABLE = "dhis2sync_pending_deletion";

    public PendingDeletionDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Inserts or updates and flushes.
     *
     * @throws DuplicateRecordException if that object is already pending deletion for the mapping
     */
    public PendingDeletion save(PendingDeletion deletion) {
        ColumnCheck.required("pendingDeletion", deletion);
        ColumnCheck.text("mappingUuid", deletion.getMappingUuid(), 38);
        ColumnCheck.required("objectKind", deletion.getObjectKind());
        ColumnCheck.text("dhis2Uid", deletion.getDhis2Uid(), 11);
        ColumnCheck.required("category", deletion.getCategory());
        ColumnCheck.text("openmrsUuid", deletion.getOpenmrsUuid(), 38);
        ColumnCheck.optionalText("programStageUid", deletion.getProgramStageUid(), 11);
        ColumnCheck.required("dateCreated", deletion.getDateCreated());
        return saveAndFlush(deletion, TABLE, "mapping_uuid=" + deletion.getMappingUuid() + ", object_type="
                + deletion.getObjectKind() + ", dhis2_uid=" + deletion.getDhis2Uid());
    }

    /** The pending deletion of that object for the mapping, or null. */
    public PendingDeletion find(String mappingUuid, PendingDeletion.ObjectKind kind, String dhis2Uid) {
        List<PendingDeletion> found = session().createQuery("from PendingDeletion d where d.mappingUuid = :mapping"
                + " and d.objectKind = :kind and d.dhis2Uid = :uid", PendingDeletion.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .setParameter("kind", ColumnCheck.required("objectKind", kind))
                .setParameter("uid", ColumnCheck.required("dhis2Uid", dhis2Uid))
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every deletion still pending for the mapping, oldest first. */
    public List<PendingDeletion> findByMapping(String mappingUuid) {
        return session().createQuery("from PendingDeletion d where d.mappingUuid = :mapping order by d.id",
                PendingDeletion.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .getResultList();
    }

    public void delete(PendingDeletion deletion) {
        session().delete(ColumnCheck.required("pendingDeletion", deletion));
        session().flush();
    }
}
