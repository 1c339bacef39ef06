package org.openmrs.module.dhis2sync.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.source.PatientRecord;

/**
 * A synthetic OpenMRS of any size that holds none of it: patient {@code n} (1, 2, …), its one enrollment (id
 * {@code n}) and its three encounters (ids {@code 3n-2 … 3n}) of 10 obs each are computed from their ids whenever
 * asked for, the same every time. Patients exist in cohorts: those registered first, then those added by
 * {@link #grow}, each cohort stamped with the moment it changed, which is what the delta queries compare with.
 */
public final class SyntheticClinicalSource implements ClinicalSource {

    public static final int ENCOUNTERS_PER_PATIENT = 3;
    public static final int OBS_PER_ENCOUNTER = 10;
    private static final LocalDate FIRST_ENROLLMENT = LocalDate.of(2024, 1, 1);
    private static final String[] GIVEN = {"Amina", "Baraka", "Chausiku", "Daudi", "Eshe", "Faraji", "Gamba", "Halima",
        "Imani", "Jabari", "Kesi", "Lulu", "Mosi", "Neema", "Omari", "Pendo", "Rehema", "Salim", "Tumaini", "Zuri"};
    private static final String[] FAMILY = {"Mwangi", "Otieno", "Kamau", "Wanjiru", "Mushi", "Njoroge", "Achieng",
        "Kimaro", "Lyimo", "Massawe", "Mollel", "Swai", "Temba", "Urio", "Chuwa", "Minja", "Shirima", "Kileo",
        "Mrema", "Ngowi"};

    /** Patients {@code from..to} changed at {@code changed}. */
    private static final class Cohort {
        final int from;
        final int to;
        final Date changed;

        Cohort(int from, int to, Date changed) {
            this.from = from;
            this.to = to;
            this.changed = changed;
        }
    }

    private final List<Cohort> cohorts = new CopyOnWriteArrayList<>();

    /** {@code patients} patients, all registered (and last changed) at {@code registered}. */
    public SyntheticClinicalSource(int patients, Date registered) {
        cohorts.add(new Cohort(1, patients, registered));
    }

    /** Registers more patients (with their enrollment and encounters) at {@code at}, up to {@code patients} in all. */
    public synchronized void grow(int patients, Date at) {
        int count = patientCount();
        if (patients <= count) {
            throw new IllegalArgumentException("patients: " + patients + " is not more than the " + count + " there are");
        }
        cohorts.add(new Cohort(count + 1, patients, at));
    }

    public int patientCount() {
        return cohorts.get(cohorts.size() - 1).to;
    }

    // ------------------------------------------------------------------ identities

    public static String patientUuid(int id) {
        return String.format("a0000001-0000-4000-8000-%012d", id);
    }

    public static String enrollmentUuid(int id) {
        return String.format("a0000002-0000-4000-8000-%012d", id);
    }

    public static String encounterUuid(int id) {
        return String.format("a0000003-0000-4000-8000-%012d", id);
    }

    public static String nationalId(int patientId) {
        return String.format("NID%08d", patientId);
    }

    public static int patientOfEncounter(int encounterId) {
        return (encounterId - 1) / ENCOUNTERS_PER_PATIENT + 1;
    }

    private int idOf(String uuid, String prefix) {
        if (uuid == null || !uuid.startsWith(prefix) || uuid.length() != 36) {
            return -1;
        }
        try {
            return Integer.parseInt(uuid.substring(24));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ records

    public PatientRecord patient(int id) {
        Map<String, String> ids = Collections.singletonMap(BenchMapping.NATIONAL_ID_TYPE, nationalId(id));
        return new PatientRecord(patientUuid(id), GIVEN[id % GIVEN.length], null, FAMILY[(id / GIVEN.length) % FAMILY.length],
                id % 2 == 0 ? "F" : "M", LocalDate.of(1950, 1, 1).plusDays((id * 37L) % 20_000), false, ids,
                Collections.emptyMap(), Collections.emptyMap(), BenchMapping.CLINIC);
    }

    public EnrollmentRecord enrollment(int id) {
        LocalDate enrolled = FIRST_ENROLLMENT.plusDays(id % 365);
        // one in five has completed the programme
        LocalDate completed = id % 5 == 0 ? enrolled.plusDays(120) : null;
        return new EnrollmentRecord(enrollmentUuid(id), patientUuid(id), BenchMapping.PROGRAM_UUID, enrolled, completed,
                BenchMapping.CLINIC, false);
    }

    public EncounterRecord encounter(int id) {
        int patient = patientOfEncounter(id);
        int visit = (id - 1) % ENCOUNTERS_PER_PATIENT;
        LocalDateTime when = FIRST_ENROLLMENT.plusDays(patient % 365).plusDays(10 + 30L * visit).atTime(10, 0);
        String uuid = encounterUuid(id);
        List<ObsValue> obs = new ArrayList<>(OBS_PER_ENCOUNTER);
        obs.add(text(BenchMapping.ENCOUNTER_UUID_ELEMENT, uuid));
        int k = 0;
        for (String de : BenchMapping.NUMBER_ELEMENTS) {
            long value = (id * 31L + 7L * k++) % 1000;
            obs.add(new ObsValue(BenchMapping.conceptOf(de), de, ObsValue.Type.NUMERIC, value / 10 + "." + value % 10,
                    null, null, Collections.emptyList()));
        }
        for (String de : BenchMapping.TEXT_ELEMENTS) {
            obs.add(text(de, "visit " + (visit + 1) + " of patient " + patient + ": " + de));
        }
        boolean positive = id % 7 == 0;
        obs.add(new ObsValue(BenchMapping.conceptOf(BenchMapping.RESULT_ELEMENT), "Result", ObsValue.Type.CODED,
                positive ? "Positive" : "Negative", positive ? BenchMapping.POSITIVE : BenchMapping.NEGATIVE, null,
                Collections.emptyList()));
        return new EncounterRecord(uuid, patientUuid(patient), BenchMapping.VISIT_TYPE, when, BenchMapping.CLINIC, null,
                obs);
    }

    private static ObsValue text(String dataElement, String value) {
        return new ObsValue(BenchMapping.conceptOf(dataElement), dataElement, ObsValue.Type.TEXT, value, null, null,
                Collections.emptyList());
    }

    // ------------------------------------------------------------------ the port

    @Override
    public List<Integer> changedPatientIds(String programUuid, Date since, int afterId, int limit) {
        if (!BenchMapping.PROGRAM_UUID.equals(programUuid)) {
            return Collections.emptyList();
        }
        return changed(since, afterId, limit, 1);
    }

    /** Ids after {@code afterId} of the cohorts changed after {@code since}; {@code perPatient} ids per patient. */
    private List<Integer> changed(Date since, int afterId, int limit, int perPatient) {
        List<Integer> ids = new ArrayList<>();
        for (Cohort cohort : cohorts) {
            if (since != null && !cohort.changed.after(since)) {
                continue;
            }
            int first = Math.max(afterId + 1, (cohort.from - 1) * perPatient + 1);
            int last = cohort.to * perPatient;
            for (int id = first; id <= last && ids.size() < limit; id++) {
                ids.add(id);
            }
            if (ids.size() == limit) {
                break;
            }
        }
        return ids;
    }

    @Override
    public List<PatientRecord> loadPatients(List<Integer> patientIds) {
        int count = patientCount();
        List<PatientRecord> records = new ArrayList<>(patientIds.size());
        for (int id : patientIds) {
            if (id >= 1 && id <= count) {
                records.add(patient(id));
            }
        }
        return records;
    }

    @Override
    public List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit) {
        return changedPatientIds(programUuid, since, afterId, limit);
    }

    @Override
    public List<EnrollmentRecord> loadEnrollments(List<Integer> ids) {
        int count = patientCount();
        List<EnrollmentRecord> records = new ArrayList<>(ids.size());
        for (int id : ids) {
            if (id >= 1 && id <= count) {
                records.add(enrollment(id));
            }
        }
        return records;
    }

    @Override
    public List<EnrollmentRecord> enrollmentsOfPatient(String patientUuid, String programUuid) {
        int id = idOf(patientUuid, "a0000001");
        if (!BenchMapping.PROGRAM_UUID.equals(programUuid) || id < 1 || id > patientCount()) {
            return Collections.emptyList();
        }
        return Collections.singletonList(enrollment(id));
    }

    @Override
    public List<Integer> changedEncounterIds(String programUuid, List<EncounterFeed> feeds, Date since, int afterId,
            int limit) {
        if (!BenchMapping.PROGRAM_UUID.equals(programUuid) || !feedsVisits(feeds)) {
            return Collections.emptyList();
        }
        return changed(since, afterId, limit, ENCOUNTERS_PER_PATIENT);
    }

    private static boolean feedsVisits(List<EncounterFeed> feeds) {
        for (EncounterFeed feed : feeds) {
            if (feed.getKind() == EncounterFeed.Kind.ENCOUNTER_TYPE && BenchMapping.VISIT_TYPE.equals(feed.getReference())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<EncounterRecord> loadEncounters(List<Integer> encounterIds) {
        int last = patientCount() * ENCOUNTERS_PER_PATIENT;
        List<EncounterRecord> records = new ArrayList<>(encounterIds.size());
        for (int id : encounterIds) {
            if (id >= 1 && id <= last) {
                records.add(encounter(id));
            }
        }
        return records;
    }

    @Override
    public List<PatientRecord> loadPatientsByUuid(List<String> patientUuids) {
        List<Integer> ids = new ArrayList<>();
        patientUuids.forEach(uuid -> ids.add(idOf(uuid, "a0000001")));
        return loadPatients(ids);
    }

    @Override
    public List<EnrollmentRecord> loadEnrollmentsByUuid(List<String> patientProgramUuids) {
        List<Integer> ids = new ArrayList<>();
        patientProgramUuids.forEach(uuid -> ids.add(idOf(uuid, "a0000002")));
        return loadEnrollments(ids);
    }

    @Override
    public List<EncounterRecord> loadEncountersByUuid(List<String> encounterUuids) {
        List<Integer> ids = new ArrayList<>();
        encounterUuids.forEach(uuid -> ids.add(idOf(uuid, "a0000003")));
        return loadEncounters(ids);
    }

    @Override
    public List<Integer> encounterIdsOfPatient(String patientUuid, List<EncounterFeed> feeds, LocalDate from,
            LocalDate to) {
        int patient = idOf(patientUuid, "a0000001");
        List<Integer> ids = new ArrayList<>();
        if (patient < 1 || patient > patientCount() || !feedsVisits(feeds)) {
            return ids;
        }
        for (int k = 1; k <= ENCOUNTERS_PER_PATIENT; k++) {
            int id = (patient - 1) * ENCOUNTERS_PER_PATIENT + k;
            LocalDate date = encounter(id).getEncounterDatetime().toLocalDate();
            if (!date.isBefore(from) && (to == null || !date.isAfter(to))) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Nothing is ever voided in this OpenMRS. */
    @Override
    public List<String> voidedEncounterUuids(String programUuid, Date since, String afterUuid, int limit) {
        return new ArrayList<>();
    }

    /** Nothing is ever voided in this OpenMRS. */
    @Override
    public List<String> voidedEnrollmentUuids(String programUuid, Date since, String afterUuid, int limit) {
        return new ArrayList<>();
    }

    /** Nothing is ever voided in this OpenMRS. */
    @Override
    public List<String> voidedPatientUuids(String programUuid, Date since, String afterUuid, int limit) {
        return new ArrayList<>();
    }
}
