package org.openmrs.module.dhis2sync.source.openmrs;

import java.util.Collection;
import java.util.List;

import org.hibernate.CacheMode;
import org.hibernate.SessionFactory;

/**
 * Loads a chunk's OpenMRS objects into the current session with a few queries, before OpenMRS's services hand them
 * out one by one (from the session, then, without a query each): a patient with its identifiers (its names,
 * addresses and attributes follow in one query each, OpenMRS maps them eager in batches), an enrollment with its
 * patient, an encounter with its patient, its obs and their group members. Read-only, past the second-level cache.
 * The objects stay in the session until its transaction ends; the engine reads each chunk in a session of its own.
 */
final class ChunkPrefetch {

    /** Loads nothing ahead: the services load each object themselves (tables without OpenMRS's mapping). */
    static final ChunkPrefetch NONE = new ChunkPrefetch(null);

    private final SessionFactory sessionFactory;

    ChunkPrefetch(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    void patientsById(List<Integer> ids) {
        load("select p from Patient p left join fetch p.identifiers where p.id in (:keys)", ids);
    }

    void patientsByUuid(List<String> uuids) {
        load("select p from Patient p left join fetch p.identifiers where p.uuid in (:keys)", uuids);
    }

    void enrollmentsById(List<Integer> ids) {
        load("select pp from PatientProgram pp join fetch pp.patient where pp.id in (:keys)", ids);
    }

    void enrollmentsByUuid(List<String> uuids) {
        load("select pp from PatientProgram pp join fetch pp.patient where pp.uuid in (:keys)", uuids);
    }

    void encountersById(List<Integer> ids) {
        load(ENCOUNTERS + "e.id in (:keys)", ids);
    }

    void encountersByUuid(List<String> uuids) {
        load(ENCOUNTERS + "e.uuid in (:keys)", uuids);
    }

    private static final String ENCOUNTERS = "select e from Encounter e join fetch e.patient"
            + " left join fetch e.obs o left join fetch o.groupMembers where ";

    private void load(String hql, List<?> keys) {
        if (sessionFactory == null) {
            return;
        }
        for (int from = 0; from < keys.size(); from += NativeSql.CHUNK) {
            Collection<?> chunk = keys.subList(from, Math.min(keys.size(), from + NativeSql.CHUNK));
            sessionFactory.getCurrentSession().createQuery(hql)
                    .setParameterList("keys", chunk)
                    .setReadOnly(true)
                    .setCacheMode(CacheMode.IGNORE)
                    .list();
        }
    }
}
