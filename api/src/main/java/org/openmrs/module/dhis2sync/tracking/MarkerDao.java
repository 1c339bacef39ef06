package org.openmrs.module.dhis2sync.tracking;

import java.util.List;

import org.hibernate.SessionFactory;

/** Reads and writes {@link Marker}s in the caller's transaction. */
public class MarkerDao extends HibernateDao {

    static final String TABLE = "dhis2sync_marker";

    public MarkerDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /** The mapping's marker for that category, or null before its first finished run. */
    public Marker find(String mappingUuid, SyncCategory category) {
        List<Marker> markers = session()
                .createQuery("from Marker m where m.mappingUuid = :mapping and m.category = :category", Marker.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .setParameter("category", ColumnCheck.required("category", category))
                .getResultList();
        return markers.isEmpty() ? null : markers.get(0);
    }

    /** All markers of the mapping, in category order. */
    public List<Marker> findByMapping(String mappingUuid) {
        return session()
                .createQuery("from Marker m where m.mappingUuid = :mapping order by m.category", Marker.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .getResultList();
    }

    /**
     * Inserts or updates and flushes.
     *
     * @throws DuplicateRecordException if the mapping already has another marker for the category
     */
    public Marker save(Marker marker) {
        ColumnCheck.required("marker", marker);
        ColumnCheck.text("mappingUuid", marker.getMappingUuid(), 38);
        ColumnCheck.required("category", marker.getCategory());
        return saveAndFlush(marker, TABLE,
                "mapping_uuid=" + marker.getMappingUuid() + ", category=" + marker.getCategory());
    }
}
