package org.openmrs.module.dhis2sync.tracking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hibernate.SessionFactory;

/** Reads and writes {@link FailedRecord}s in the caller's transaction. */
public class FailedRecordDao extends HibernateDao {

    static final String TABLE = "dhis2sync_failed_record";

    public FailedRecordDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Inserts or updates and flushes.
     *
     * @throws DuplicateRecordException if the record already failed for that mapping and category in another row
     */
    public FailedRecord save(FailedRecord record) {
        ColumnCheck.required("failedRecord", record);
        ColumnCheck.text("mappingUuid", record.getMappingUuid(), 38);
        ColumnCheck.required("category", record.getCategory());
        ColumnCheck.text("openmrsUuid", record.getOpenmrsUuid(), 38);
        ColumnCheck.optionalText("programStageUid", record.getProgramStageUid(), 11);
        ColumnCheck.optionalText("dhis2Uid", record.getDhis2Uid(), 11);
        ColumnCheck.optionalText("errorCode", record.getErrorCode(), 20);
        ColumnCheck.required("firstFailure", record.getFirstFailure());
        ColumnCheck.required("lastFailure", record.getLastFailure());
        return saveAndFlush(record, TABLE, "mapping_uuid=" + record.getMappingUuid() + ", category="
                + record.getCategory() + ", openmrs_uuid=" + record.getOpenmrsUuid()
                + (record.getProgramStageUid() == null ? "" : ", program_stage_uid=" + record.getProgramStageUid()));
    }

    public FailedRecord find(Long id) {
        return session().get(FailedRecord.class, ColumnCheck.required("id", id));
    }

    /** The failure of that tracked entity or enrollment in that mapping, or null. */
    public FailedRecord find(String mappingUuid, SyncCategory category, String openmrsUuid) {
        return find(mappingUuid, FailureKey.of(category, openmrsUuid));
    }

    /** The failure of that DHIS2 object (for an event: that encounter's event in that stage) in that mapping, or null. */
    public FailedRecord find(String mappingUuid, FailureKey key) {
        ColumnCheck.required("key", key);
        String stage = key.getProgramStageUid();
        List<FailedRecord> found = session()
                .createQuery("from FailedRecord f where f.mappingUuid = :mapping and f.category = :category"
                        + " and f.openmrsUuid = :uuid and f.programStageUid = :stage", FailedRecord.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .setParameter("category", key.getCategory())
                .setParameter("uuid", key.getOpenmrsUuid())
                .setParameter("stage", stage == null ? "" : stage)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The failures among those records of one category in that mapping, every stage of an event (most have none). */
    public List<FailedRecord> findByOpenmrsUuids(String mappingUuid, SyncCategory category,
            Collection<String> openmrsUuids) {
        List<FailedRecord> found = new ArrayList<>();
        for (List<String> chunk : chunks(ColumnCheck.required("openmrsUuids", openmrsUuids))) {
            found.addAll(session()
                    .createQuery("from FailedRecord f where f.mappingUuid = :mapping and f.category = :category"
                            + " and f.openmrsUuid in (:uuids)", FailedRecord.class)
                    .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                    .setParameter("category", ColumnCheck.required("category", category))
                    .setParameterList("uuids", chunk)
                    .getResultList());
        }
        return found;
    }

    /** The failures of those records in any mapping and category, most recent first. */
    public List<FailedRecord> findByOpenmrsUuids(Collection<String> openmrsUuids) {
        List<FailedRecord> found = new ArrayList<>();
        for (List<String> chunk : chunks(ColumnCheck.required("openmrsUuids", openmrsUuids))) {
            found.addAll(session()
                    .createQuery("from FailedRecord f where f.openmrsUuid in (:uuids)", FailedRecord.class)
                    .setParameterList("uuids", chunk)
                    .getResultList());
        }
        found.sort((a, b) -> b.getLastFailure().compareTo(a.getLastFailure()));
        return found;
    }

    /** The mapping's failures, oldest first (the order they are retried in). */
    public List<FailedRecord> findByMapping(String mappingUuid) {
        return session()
                .createQuery("from FailedRecord f where f.mappingUuid = :mapping order by f.firstFailure, f.id",
                        FailedRecord.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .getResultList();
    }

    /** The mapping's failures of one category, oldest first. */
    public List<FailedRecord> findByMappingAndCategory(String mappingUuid, SyncCategory category) {
        return session()
                .createQuery("from FailedRecord f where f.mappingUuid = :mapping and f.category = :category"
                        + " order by f.firstFailure, f.id", FailedRecord.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .setParameter("category", ColumnCheck.required("category", category))
                .getResultList();
    }

    /** One page of all failures, most recently failed first. */
    public List<FailedRecord> findAll(int firstResult, int maxResults) {
        checkPage(firstResult, maxResults);
        return session()
                .createQuery("from FailedRecord f order by f.lastFailure desc, f.id desc", FailedRecord.class)
                .setFirstResult(firstResult)
                .setMaxResults(maxResults)
                .getResultList();
    }

    public long count() {
        return session().createQuery("select count(f) from FailedRecord f", Long.class).getSingleResult();
    }

    /** One page of one mapping's failures, most recently failed first. */
    public List<FailedRecord> findByMapping(String mappingUuid, int firstResult, int maxResults) {
        checkPage(firstResult, maxResults);
        return session()
                .createQuery("from FailedRecord f where f.mappingUuid = :mapping order by f.lastFailure desc, f.id desc",
                        FailedRecord.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .setFirstResult(firstResult)
                .setMaxResults(maxResults)
                .getResultList();
    }

    public long countByMapping(String mappingUuid) {
        return session().createQuery("select count(f) from FailedRecord f where f.mappingUuid = :mapping", Long.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid)).getSingleResult();
    }

    public void delete(FailedRecord record) {
        session().delete(ColumnCheck.required("failedRecord", record));
        session().flush();
    }
}
