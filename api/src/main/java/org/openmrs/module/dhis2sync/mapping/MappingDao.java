package org.openmrs.module.dhis2sync.mapping;

import java.util.Date;
import java.util.List;

import org.hibernate.FlushMode;
import org.hibernate.SessionFactory;
import org.hibernate.query.Query;
import org.openmrs.module.dhis2sync.tracking.ColumnCheck;
import org.openmrs.module.dhis2sync.tracking.DuplicateRecordException;
import org.openmrs.module.dhis2sync.tracking.HibernateDao;

/** Reads and writes {@link Mapping}s in the caller's transaction. */
public class MappingDao extends HibernateDao {

    static final String TABLE = "dhis2sync_mapping";

    public MappingDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Inserts or updates, stamping dateCreated on the first save, and flushes. A name or uuid another mapping has is
     * refused before anything is written (names compared ignoring case, as MySQL's collation does).
     *
     * @throws DuplicateRecordException naming the clashing name or uuid
     */
    public Mapping save(Mapping mapping) {
        ColumnCheck.required("mapping", mapping);
        ColumnCheck.text("uuid", mapping.getUuid(), 38);
        ColumnCheck.text("name", mapping.getName(), 100);
        ColumnCheck.required("config", mapping.getConfig());
        ColumnCheck.optionalText("openmrsProgramUuid", mapping.getOpenmrsProgramUuid(), 38);
        ColumnCheck.optionalText("dhis2ProgramUid", mapping.getDhis2ProgramUid(), 11);
        ColumnCheck.optionalText("createdBy", mapping.getCreatedBy(), 50);
        ColumnCheck.optionalText("changedBy", mapping.getChangedBy(), 50);
        if (otherExists(mapping, "lower(m.name) = lower(:value)", mapping.getName())) {
            throw new DuplicateRecordException(TABLE, "name=" + mapping.getName());
        }
        if (otherExists(mapping, "m.uuid = :value", mapping.getUuid())) {
            throw new DuplicateRecordException(TABLE, "uuid=" + mapping.getUuid());
        }
        if (mapping.getDateCreated() == null) {
            mapping.setDateCreated(new Date());
        }
        return saveAndFlush(mapping, TABLE, "uuid=" + mapping.getUuid() + " or name=" + mapping.getName());
    }

    /** The mapping with that uuid, or null. */
    public Mapping findByUuid(String uuid) {
        return findOne("m.uuid = :value", ColumnCheck.required("uuid", uuid));
    }

    /** The mapping with that name, or null. */
    public Mapping findByName(String name) {
        return findOne("m.name = :value", ColumnCheck.required("name", name));
    }

    /** All mappings by name; retired ones only when asked. */
    public List<Mapping> findAll(boolean includeRetired) {
        return session()
                .createQuery("from Mapping m" + (includeRetired ? "" : " where m.retired = false") + " order by m.name",
                        Mapping.class)
                .getResultList();
    }

    private Mapping findOne(String condition, String value) {
        List<Mapping> found = session()
                .createQuery("from Mapping m where " + condition, Mapping.class)
                .setParameter("value", value)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Reads without flushing: the mapping being saved may be dirty, and must not be written before the check. */
    private boolean otherExists(Mapping mapping, String condition, String value) {
        Query<Long> query = session()
                .createQuery("select m.id from Mapping m where " + condition
                        + (mapping.getId() == null ? "" : " and m.id <> :id"), Long.class)
                .setParameter("value", value)
                .setHibernateFlushMode(FlushMode.MANUAL)
                .setMaxResults(1);
        if (mapping.getId() != null) {
            query.setParameter("id", mapping.getId());
        }
        return !query.getResultList().isEmpty();
    }
}
