package org.openmrs.module.dhis2sync.tracking;

import java.util.Date;
import java.util.List;

import org.hibernate.SessionFactory;

/** Reads and writes {@link OrgUnitMapping}s in the caller's transaction. */
public class OrgUnitMappingDao extends HibernateDao {

    static final String TABLE = "dhis2sync_org_unit_mapping";

    public OrgUnitMappingDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /** Every location's org unit, by location uuid. */
    public List<OrgUnitMapping> findAll() {
        return session()
                .createQuery("from OrgUnitMapping m order by m.locationUuid", OrgUnitMapping.class)
                .getResultList();
    }

    /** The org unit of that location, or null. */
    public OrgUnitMapping findByLocationUuid(String locationUuid) {
        List<OrgUnitMapping> found = session()
                .createQuery("from OrgUnitMapping m where m.locationUuid = :location", OrgUnitMapping.class)
                .setParameter("location", ColumnCheck.required("locationUuid", locationUuid))
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Inserts or updates, stamping dateCreated (first save) or dateChanged (later saves), and flushes.
     *
     * @throws DuplicateRecordException if the location already has another row
     */
    public OrgUnitMapping save(OrgUnitMapping mapping) {
        ColumnCheck.required("orgUnitMapping", mapping);
        ColumnCheck.text("locationUuid", mapping.getLocationUuid(), 38);
        ColumnCheck.text("orgUnitUid", mapping.getOrgUnitUid(), 11);
        Date now = new Date();
        if (mapping.getDateCreated() == null) {
            mapping.setDateCreated(now);
        }
        if (mapping.getId() != null) {
            mapping.setDateChanged(now);
        }
        return saveAndFlush(mapping, TABLE, "location_uuid=" + mapping.getLocationUuid());
    }

    public void delete(OrgUnitMapping mapping) {
        session().delete(ColumnCheck.required("orgUnitMapping", mapping));
        session().flush();
    }
}
