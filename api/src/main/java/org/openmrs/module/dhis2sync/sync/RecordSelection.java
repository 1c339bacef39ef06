package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Records picked by their OpenMRS uuid for a run of their own ({@link SyncEngine#runSelected}), whatever the markers
 * say: patients, patient programs (enrollments) and encounters (their events).
 */
public final class RecordSelection {

    private final List<String> patientUuids;
    private final List<String> enrollmentUuids;
    private final List<String> encounterUuids;

    public RecordSelection(Collection<String> patientUuids, Collection<String> enrollmentUuids,
            Collection<String> encounterUuids) {
        this.patientUuids = distinct(patientUuids);
        this.enrollmentUuids = distinct(enrollmentUuids);
        this.encounterUuids = distinct(encounterUuids);
    }

    private static List<String> distinct(Collection<String> uuids) {
        return uuids == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(uuids)));
    }

    public List<String> getPatientUuids() {
        return patientUuids;
    }

    public List<String> getEnrollmentUuids() {
        return enrollmentUuids;
    }

    public List<String> getEncounterUuids() {
        return encounterUuids;
    }

    public boolean isEmpty() {
        return patientUuids.isEmpty() && enrollmentUuids.isEmpty() && encounterUuids.isEmpty();
    }

    public int size() {
        return patientUuids.size() + enrollmentUuids.size() + encounterUuids.size();
    }
}
