package org.openmrs.module.dhis2sync.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.source.PatientDirectory;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.source.PatientSummary;

/**
 * The directory over an {@link InMemoryClinicalSource}, for tests and the browser tests' server: names from the
 * records (the first identifier is the preferred one), and names of identifier types, programs and encounter types
 * from what the test puts in.
 */
public final class InMemoryPatientDirectory implements PatientDirectory {

    private final InMemoryClinicalSource source;
    private final Map<String, String> metadataNames = new HashMap<>();

    public InMemoryPatientDirectory(InMemoryClinicalSource source) {
        this.source = source;
    }

    /** The name of an identifier type, program or encounter type. */
    public synchronized InMemoryPatientDirectory name(String uuid, String name) {
        metadataNames.put(uuid, name);
        return this;
    }

    @Override
    public Map<String, PatientSummary> patients(Collection<String> patientUuids) {
        Map<String, PatientSummary> found = new LinkedHashMap<>();
        for (PatientRecord patient : source.loadPatientsByUuid(new ArrayList<>(patientUuids))) {
            found.put(patient.getUuid(), summary(patient));
        }
        return found;
    }

    @Override
    public Map<String, EnrollmentSummary> enrollments(Collection<String> patientProgramUuids) {
        Map<String, EnrollmentSummary> found = new LinkedHashMap<>();
        for (EnrollmentRecord enrollment : source.loadEnrollmentsByUuid(new ArrayList<>(patientProgramUuids))) {
            found.put(enrollment.getUuid(), summary(enrollment));
        }
        return found;
    }

    @Override
    public Map<String, EncounterSummary> encounters(Collection<String> encounterUuids) {
        Map<String, EncounterSummary> found = new LinkedHashMap<>();
        for (EncounterRecord encounter : source.loadEncountersByUuid(new ArrayList<>(encounterUuids))) {
            found.put(encounter.getUuid(), summary(encounter));
        }
        return found;
    }

    @Override
    public List<PatientSummary> search(String query, int limit) {
        String[] words = query.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<PatientSummary> found = new ArrayList<>();
        for (PatientRecord patient : source.allPatients()) {
            boolean byIdentifier = patient.getIdentifiersByTypeUuid().values().stream()
                    .anyMatch(id -> id.toLowerCase(Locale.ROOT).startsWith(query.trim().toLowerCase(Locale.ROOT)));
            boolean byName = true;
            for (String word : words) {
                byName &= startsWith(patient.getGivenName(), word) || startsWith(patient.getMiddleName(), word)
                        || startsWith(patient.getFamilyName(), word);
            }
            if ((byIdentifier || byName) && found.size() < limit) {
                found.add(summary(patient));
            }
        }
        return found;
    }

    @Override
    public List<EnrollmentSummary> enrollmentsOf(String patientUuid) {
        List<EnrollmentSummary> found = new ArrayList<>();
        for (EnrollmentRecord enrollment : source.allEnrollments()) {
            if (enrollment.getPatientUuid().equals(patientUuid)) {
                found.add(summary(enrollment));
            }
        }
        found.sort(Comparator.comparing(EnrollmentSummary::getDateEnrolled));
        return found;
    }

    @Override
    public List<EncounterSummary> encountersOf(String patientUuid) {
        List<EncounterSummary> found = new ArrayList<>();
        for (EncounterRecord encounter : source.allEncounters()) {
            if (encounter.getPatientUuid().equals(patientUuid)) {
                found.add(summary(encounter));
            }
        }
        found.sort(Comparator.comparing(EncounterSummary::getEncounterDatetime));
        return found;
    }

    @Override
    public ClinicalSource clinicalSourceOf(String patientUuid) {
        return new OnePatient(source, patientUuid);
    }

    private static boolean startsWith(String name, String word) {
        return name != null && name.toLowerCase(Locale.ROOT).startsWith(word);
    }

    private synchronized String nameOf(String uuid) {
        return metadataNames.get(uuid);
    }

    private PatientSummary summary(PatientRecord patient) {
        Map.Entry<String, String> identifier = patient.getIdentifiersByTypeUuid().entrySet().stream().findFirst()
                .orElse(null);
        return new PatientSummary(patient.getUuid(), PatientSummary.fullName(patient.getGivenName(),
                patient.getMiddleName(), patient.getFamilyName()), identifier == null ? null : identifier.getValue(),
                identifier == null ? null : nameOf(identifier.getKey()), patient.getGender(), patient.getBirthdate());
    }

    private EnrollmentSummary summary(EnrollmentRecord enrollment) {
        return new EnrollmentSummary(enrollment.getUuid(), enrollment.getPatientUuid(), enrollment.getProgramUuid(),
                nameOf(enrollment.getProgramUuid()), enrollment.getDateEnrolled(), enrollment.getDateCompleted(),
                enrollment.getLocationUuid(), enrollment.isVoided());
    }

    private EncounterSummary summary(EncounterRecord encounter) {
        return new EncounterSummary(encounter.getUuid(), encounter.getPatientUuid(), encounter.getEncounterTypeUuid(),
                nameOf(encounter.getEncounterTypeUuid()), encounter.getEncounterDatetime(), false);
    }

    /** The source's deltas and loads, keeping one patient's records only (in memory, filtering is cheap). */
    private static final class OnePatient implements ClinicalSource {
        private final InMemoryClinicalSource source;
        private final String patientUuid;

        OnePatient(InMemoryClinicalSource source, String patientUuid) {
            this.source = source;
            this.patientUuid = patientUuid;
        }

        private <R> List<Integer> keep(List<Integer> ids, Function<List<Integer>, List<R>> load,
                Function<R, String> patientOf, int limit) {
            List<Integer> kept = new ArrayList<>();
            for (Integer id : ids) {
                List<R> records = load.apply(List.of(id));
                if (!records.isEmpty() && patientUuid.equals(patientOf.apply(records.get(0))) && kept.size() < limit) {
                    kept.add(id);
                }
            }
            return kept;
        }

        @Override
        public List<Integer> changedPatientIds(String programUuid, Date since, int afterId, int limit) {
            return keep(source.changedPatientIds(programUuid, since, afterId, Integer.MAX_VALUE), source::loadPatients,
                    PatientRecord::getUuid, limit);
        }

        @Override
        public List<PatientRecord> loadPatients(List<Integer> patientIds) {
            return source.loadPatients(patientIds);
        }

        @Override
        public List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit) {
            return keep(source.changedEnrollmentIds(programUuid, since, afterId, Integer.MAX_VALUE),
                    source::loadEnrollments, EnrollmentRecord::getPatientUuid, limit);
        }

        @Override
        public List<EnrollmentRecord> loadEnrollments(List<Integer> ids) {
            return source.loadEnrollments(ids);
        }

        @Override
        public List<EnrollmentRecord> enrollmentsOfPatient(String patient, String programUuid) {
            return source.enrollmentsOfPatient(patient, programUuid);
        }

        @Override
        public List<Integer> changedEncounterIds(String programUuid, List<EncounterFeed> feeds, Date since,
                int afterId, int limit) {
            return keep(source.changedEncounterIds(programUuid, feeds, since, afterId, Integer.MAX_VALUE),
                    source::loadEncounters, EncounterRecord::getPatientUuid, limit);
        }

        @Override
        public List<EncounterRecord> loadEncounters(List<Integer> ids) {
            return source.loadEncounters(ids);
        }

        @Override
        public List<PatientRecord> loadPatientsByUuid(List<String> uuids) {
            return uuids.contains(patientUuid) ? source.loadPatientsByUuid(List.of(patientUuid)) : List.of();
        }

        @Override
        public List<EnrollmentRecord> loadEnrollmentsByUuid(List<String> uuids) {
            List<EnrollmentRecord> kept = new ArrayList<>();
            source.loadEnrollmentsByUuid(uuids).stream().filter(e -> patientUuid.equals(e.getPatientUuid()))
                    .forEach(kept::add);
            return kept;
        }

        @Override
        public List<EncounterRecord> loadEncountersByUuid(List<String> uuids) {
            List<EncounterRecord> kept = new ArrayList<>();
            source.loadEncountersByUuid(uuids).stream().filter(e -> patientUuid.equals(e.getPatientUuid()))
                    .forEach(kept::add);
            return kept;
        }

        @Override
        public List<Integer> encounterIdsOfPatient(String patient, List<EncounterFeed> feeds, LocalDate from,
                LocalDate to) {
            return patientUuid.equals(patient) ? source.encounterIdsOfPatient(patient, feeds, from, to) : List.of();
        }

        @Override
        public List<String> voidedEncounterUuids(String programUuid, Date since, String afterUuid, int limit) {
            return theirs(source.voidedEncounterUuids(programUuid, since, afterUuid, Integer.MAX_VALUE), limit);
        }

        @Override
        public List<String> voidedEnrollmentUuids(String programUuid, Date since, String afterUuid, int limit) {
            return theirs(source.voidedEnrollmentUuids(programUuid, since, afterUuid, Integer.MAX_VALUE), limit);
        }

        @Override
        public List<String> voidedPatientUuids(String programUuid, Date since, String afterUuid, int limit) {
            return theirs(source.voidedPatientUuids(programUuid, since, afterUuid, Integer.MAX_VALUE), limit);
        }

        private List<String> theirs(List<String> uuids, int limit) {
            List<String> kept = new ArrayList<>();
            for (String uuid : uuids) {
                if (patientUuid.equals(source.patientOf(uuid)) && kept.size() < limit) {
                    kept.add(uuid);
                }
            }
            return kept;
        }
    }
}
