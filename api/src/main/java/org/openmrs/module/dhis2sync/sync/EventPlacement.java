package org.openmrs.module.dhis2sync.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;

/**
 * Where each encounter of a chunk belongs: the latest non-voided enrollment of its patient in the program whose dates
 * cover its date (none: the encounter is not part of the program), that enrollment's tracker row, and — for the
 * encounters whose location maps to no org unit — the patient's registration location. Read once per chunk.
 */
final class EventPlacement {

    private final Map<String, EnrollmentRecord> enrollmentOfEncounter;
    private final Map<String, EnrollmentTracker> enrollmentTrackers;
    private final Map<String, String> registrationLocations;
    private final Set<String> undecided;

    private EventPlacement(Map<String, EnrollmentRecord> enrollmentOfEncounter,
            Map<String, EnrollmentTracker> enrollmentTrackers, Map<String, String> registrationLocations,
            Set<String> undecided) {
        this.undecided = undecided;
        this.enrollmentOfEncounter = enrollmentOfEncounter;
        this.enrollmentTrackers = enrollmentTrackers;
        this.registrationLocations = registrationLocations;
    }

    static EventPlacement of(RunContext run, ClinicalSource source, TrackerStore store,
            List<EncounterRecord> encounters) {
        Set<String> patientUuids = new LinkedHashSet<>();
        for (EncounterRecord encounter : encounters) {
            patientUuids.add(encounter.getPatientUuid());
        }
        // the chunk's patients' enrollments in one read, not one per patient
        Map<String, List<EnrollmentRecord>> byPatient = source.enrollmentsOfPatients(patientUuids,
                run.config().getOpenmrsProgramUuid());
        Map<String, EnrollmentRecord> covering = new HashMap<>();
        Set<String> patientsWithoutOrgUnit = new LinkedHashSet<>();
        Set<String> undecided = new HashSet<>();
        for (EncounterRecord encounter : encounters) {
            List<EnrollmentRecord> enrollments = byPatient.getOrDefault(encounter.getPatientUuid(),
                    Collections.<EnrollmentRecord>emptyList());
            LocalDate date = encounter.getEncounterDatetime().toLocalDate();
            EnrollmentRecord best = null;
            for (EnrollmentRecord enrollment : enrollments) {
                if (!enrollment.isVoided() && enrollment.getDateEnrolled() != null && enrollment.covers(date)
                        && (best == null || !enrollment.getDateEnrolled().isBefore(best.getDateEnrolled()))) {
                    best = enrollment;
                }
            }
            if (best != null) {
                covering.put(encounter.getUuid(), best);
            } else if (undated(enrollments)) {
                undecided.add(encounter.getUuid());
            }
            if (run.orgUnits().mapped(encounter.getLocationUuid()) == null) {
                patientsWithoutOrgUnit.add(encounter.getPatientUuid());
            }
        }
        Set<String> enrollmentUuids = new LinkedHashSet<>();
        for (EnrollmentRecord enrollment : covering.values()) {
            enrollmentUuids.add(enrollment.getUuid());
        }
        Map<String, String> locations = new HashMap<>();
        if (!patientsWithoutOrgUnit.isEmpty()) {
            for (PatientRecord patient : source.loadPatientsByUuid(new ArrayList<>(patientsWithoutOrgUnit))) {
                locations.put(patient.getUuid(), patient.getRegistrationLocationUuid());
            }
        }
        return new EventPlacement(covering, store.enrollmentTrackers(enrollmentUuids), locations, undecided);
    }

    private static boolean undated(List<EnrollmentRecord> enrollments) {
        for (EnrollmentRecord enrollment : enrollments) {
            if (!enrollment.isVoided() && enrollment.getDateEnrolled() == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether where the encounter belongs cannot be told: no dated enrollment covers it but the patient has one
     * without an enrollment date (which fails on its own). Its event, if any, is left as it is until the date is set.
     */
    boolean isUndecided(EncounterRecord encounter) {
        return undecided.contains(encounter.getUuid());
    }

    /** The enrollment the encounter belongs to, or null when no enrollment of the program covers it. */
    EnrollmentRecord enrollmentOf(EncounterRecord encounter) {
        return enrollmentOfEncounter.get(encounter.getUuid());
    }

    /** The tracker row of that enrollment, or null when it was never sent. */
    EnrollmentTracker trackerOf(EnrollmentRecord enrollment) {
        return enrollment == null ? null : enrollmentTrackers.get(enrollment.getUuid());
    }

    /** DESIGN's rule: the encounter's location, else the patient's registration location, else the default. */
    String orgUnitOf(RunContext run, EncounterRecord encounter) {
        String orgUnit = run.orgUnits().mapped(encounter.getLocationUuid());
        if (orgUnit == null) {
            orgUnit = run.orgUnits().mapped(registrationLocations.get(encounter.getPatientUuid()));
        }
        return orgUnit == null ? run.orgUnits().defaultOrgUnit() : orgUnit;
    }
}
