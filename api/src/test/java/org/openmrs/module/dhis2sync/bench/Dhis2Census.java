package org.openmrs.module.dhis2sync.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;

/**
 * What the fake DHIS2 holds, counted so that a duplicate shows: tracked entities against distinct national ids,
 * enrollments against tracked entities, events against distinct encounter uuids (the benchmark stage's text data
 * element).
 */
public record Dhis2Census(int trackedEntities, int distinctNationalIds, int enrollments,
        int trackedEntitiesWithOneEnrollment, int events, int distinctEncounterUuids) {

    public static Dhis2Census of(FakeDhis2 dhis2) {
        List<FakeTrackedEntity> entities = dhis2.trackedEntities();
        Set<String> nationalIds = new HashSet<>();
        for (FakeTrackedEntity te : entities) {
            String id = te.attributes().get(BenchMapping.NATIONAL_ID_ATTRIBUTE);
            if (id != null) {
                nationalIds.add(id);
            }
        }
        List<FakeEnrollment> enrollments = dhis2.enrollments();
        Map<String, Integer> perEntity = new HashMap<>();
        for (FakeEnrollment en : enrollments) {
            if (en.program().equals(BenchMapping.PROGRAM)) {
                perEntity.merge(en.trackedEntity(), 1, Integer::sum);
            }
        }
        int withOne = (int) perEntity.values().stream().filter(n -> n == 1).count();
        List<FakeEvent> events = dhis2.events();
        Set<String> encounters = new HashSet<>();
        for (FakeEvent ev : events) {
            String uuid = ev.dataValues().get(BenchMapping.ENCOUNTER_UUID_ELEMENT);
            if (uuid != null) {
                encounters.add(uuid);
            }
        }
        return new Dhis2Census(entities.size(), nationalIds.size(), enrollments.size(), withOne, events.size(),
                encounters.size());
    }

    /** Whether DHIS2 holds exactly {@code patients} patients with one enrollment and 3 events each, no duplicate. */
    public boolean exactlyOnce(int patients) {
        return exactlyOnce(patients, SyntheticClinicalSource.ENCOUNTERS_PER_PATIENT);
    }

    /** Whether DHIS2 holds exactly {@code patients} patients with one enrollment and that many events each. */
    public boolean exactlyOnce(int patients, int encountersPerPatient) {
        int encountersExpected = patients * encountersPerPatient;
        return trackedEntities == patients && distinctNationalIds == patients && enrollments == patients
                && trackedEntitiesWithOneEnrollment == patients && events == encountersExpected
                && distinctEncounterUuids == encountersExpected;
    }
}
