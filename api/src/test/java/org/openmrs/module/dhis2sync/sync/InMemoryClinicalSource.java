package org.openmrs.module.dhis2sync.sync;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.source.PatientRecord;

/**
 * OpenMRS as the engine sees it, in memory, for the engine's tests: records with the moment they last changed,
 * answering the port's delta queries the way the SQL of the OpenMRS adapter does — comparing wall-clock times of a
 * zone (the JVM's unless set), as OpenMRS's zone-less DATETIME columns do, so a change stamped in the hour a
 * daylight-saving fall-back repeats looks older than it is.
 */
public final class InMemoryClinicalSource implements ClinicalSource {

    private static final class Row<R> {
        final int id;
        R record;
        Date changed;
        /** Of an encounter: its voided obs, which OpenMRS keeps (they still tie it to a form or set in a delta). */
        List<ObsValue> voidedObs = List.of();
        /** Of an encounter: whether it is voided. */
        boolean voided;

        Row(int id, R record, Date changed) {
            this.id = id;
            this.record = record;
            this.changed = changed;
        }
    }

    private final TreeMap<Integer, Row<PatientRecord>> patients = new TreeMap<>();
    private final TreeMap<Integer, Row<EnrollmentRecord>> enrollments = new TreeMap<>();
    private final TreeMap<Integer, Row<EncounterRecord>> encounters = new TreeMap<>();
    private final Map<String, Integer> idByUuid = new HashMap<>();
    private int nextId = 1;
    private Date now = new Date(0);
    private ZoneId zone = ZoneId.systemDefault();

    /** The clock the source stamps changes with (tests move it forward between runs). */
    public synchronized void setNow(Date now) {
        this.now = now;
    }

    /** The zone whose wall-clock times OpenMRS stamps changes with. */
    public synchronized void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public synchronized void putPatient(PatientRecord patient) {
        put(patients, patient.getUuid(), patient);
    }

    public synchronized void putEnrollment(EnrollmentRecord enrollment) {
        put(enrollments, enrollment.getUuid(), enrollment);
    }

    public synchronized void putEncounter(EncounterRecord encounter) {
        putEncounter(encounter, List.of(), false);
    }

    /**
     * An encounter as OpenMRS keeps it: the record holds its non-voided obs; {@code voidedObs} are the obs voided
     * since, which OpenMRS keeps and the SQL of the OpenMRS adapter still counts when it asks which encounters of a
     * form or concept set changed (so that clearing a form is seen); a voided encounter is neither in a delta nor
     * loaded, as there.
     */
    public synchronized void putEncounter(EncounterRecord encounter, List<ObsValue> voidedObs, boolean voided) {
        put(encounters, encounter.getUuid(), encounter);
        Row<EncounterRecord> row = encounters.get(idByUuid.get(encounter.getUuid()));
        row.voidedObs = List.copyOf(voidedObs);
        row.voided = voided;
    }

    private <R> void put(TreeMap<Integer, Row<R>> table, String uuid, R record) {
        Integer id = idByUuid.get(uuid);
        if (id == null) {
            id = nextId++;
            idByUuid.put(uuid, id);
            table.put(id, new Row<>(id, record, now));
        } else {
            Row<R> row = table.get(id);
            row.record = record;
            row.changed = now;
        }
    }

    /** Every patient, enrollment or encounter put in, in the order they were first put (for look-ups by tests). */
    public synchronized List<PatientRecord> allPatients() {
        return records(patients);
    }

    public synchronized List<EnrollmentRecord> allEnrollments() {
        return records(enrollments);
    }

    public synchronized List<EncounterRecord> allEncounters() {
        return records(encounters);
    }

    private static <R> List<R> records(TreeMap<Integer, Row<R>> table) {
        List<R> records = new ArrayList<>();
        table.values().forEach(row -> records.add(row.record));
        return records;
    }

    @Override
    public synchronized List<Integer> changedPatientIds(String programUuid, Date since, int afterId, int limit) {
        return ids(patients, afterId, limit, row -> changedSince(row, since) && inProgram(row.record.getUuid(), programUuid));
    }

    @Override
    public synchronized List<PatientRecord> loadPatients(List<Integer> patientIds) {
        return load(patients, patientIds);
    }

    @Override
    public synchronized List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit) {
        return ids(enrollments, afterId, limit,
                row -> changedSince(row, since) && row.record.getProgramUuid().equals(programUuid));
    }

    @Override
    public synchronized List<EnrollmentRecord> loadEnrollments(List<Integer> ids) {
        return load(enrollments, ids);
    }

    @Override
    public synchronized List<EnrollmentRecord> enrollmentsOfPatient(String patientUuid, String programUuid) {
        List<EnrollmentRecord> result = new ArrayList<>();
        for (Row<EnrollmentRecord> row : enrollments.values()) {
            if (row.record.getPatientUuid().equals(patientUuid) && row.record.getProgramUuid().equals(programUuid)) {
                result.add(row.record);
            }
        }
        // as ORDER BY date_enrolled, patient_program_id: a null date first, as MySQL and H2 sort it
        result.sort(Comparator.comparing(EnrollmentRecord::getDateEnrolled,
                Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())));
        return result;
    }

    @Override
    public synchronized List<Integer> changedEncounterIds(String programUuid, List<EncounterFeed> feeds, Date since,
            int afterId, int limit) {
        return ids(encounters, afterId, limit, row -> !row.voided && changedSince(row, since)
                && inProgram(row.record.getPatientUuid(), programUuid) && selects(feeds, row, true));
    }

    @Override
    public synchronized List<EncounterRecord> loadEncounters(List<Integer> ids) {
        return liveEncounters(load(encounters, ids));
    }

    @Override
    public synchronized List<Integer> encounterIdsOfPatient(String patientUuid, List<EncounterFeed> feeds,
            LocalDate from, LocalDate to) {
        List<Row<EncounterRecord>> rows = new ArrayList<>();
        for (Row<EncounterRecord> row : encounters.values()) {
            LocalDate date = row.record.getEncounterDatetime().toLocalDate();
            if (!row.voided && row.record.getPatientUuid().equals(patientUuid) && selects(feeds, row, false)
                    && !date.isBefore(from) && (to == null || !date.isAfter(to))) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(row -> row.record.getEncounterDatetime()));
        List<Integer> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.id));
        return ids;
    }

    @Override
    public synchronized List<PatientRecord> loadPatientsByUuid(List<String> uuids) {
        return load(patients, idsOf(uuids));
    }

    @Override
    public synchronized List<EnrollmentRecord> loadEnrollmentsByUuid(List<String> uuids) {
        return load(enrollments, idsOf(uuids));
    }

    @Override
    public synchronized List<EncounterRecord> loadEncountersByUuid(List<String> uuids) {
        return liveEncounters(load(encounters, idsOf(uuids)));
    }

    /** As the adapter: a voided encounter is left out like a deleted one. */
    private List<EncounterRecord> liveEncounters(List<EncounterRecord> records) {
        List<EncounterRecord> live = new ArrayList<>();
        for (EncounterRecord record : records) {
            if (!encounters.get(idByUuid.get(record.getUuid())).voided) {
                live.add(record);
            }
        }
        return live;
    }

    private List<Integer> idsOf(List<String> uuids) {
        List<Integer> ids = new ArrayList<>();
        for (String uuid : uuids) {
            Integer id = idByUuid.get(uuid);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private boolean inProgram(String patientUuid, String programUuid) {
        for (Row<EnrollmentRecord> row : enrollments.values()) {
            if (row.record.getPatientUuid().equals(patientUuid) && row.record.getProgramUuid().equals(programUuid)) {
                return true;
            }
        }
        return false;
    }

    /**
     * As the adapter's SQL: by encounter type, form (the encounter's, or an obs's) or concept set (an obs's group);
     * with {@code countVoidedObs} (deltas) the voided obs count too, as they do there.
     */
    private static boolean selects(List<EncounterFeed> feeds, Row<EncounterRecord> row, boolean countVoidedObs) {
        EncounterRecord encounter = row.record;
        List<ObsValue> obsList = new ArrayList<>(encounter.getObs());
        if (countVoidedObs) {
            obsList.addAll(row.voidedObs);
        }
        for (EncounterFeed feed : feeds) {
            switch (feed.getKind()) {
                case ENCOUNTER_TYPE:
                    if (feed.getReference().equals(encounter.getEncounterTypeUuid())) {
                        return true;
                    }
                    break;
                case FORM:
                    if (feed.getReference().equals(encounter.getFormName())) {
                        return true;
                    }
                    for (ObsValue obs : obsList) {
                        if (feed.getReference().equals(obs.getFormName())) {
                            return true;
                        }
                    }
                    break;
                default:
                    for (ObsValue obs : obsList) {
                        if (obs.getGroupConceptUuids().contains(feed.getReference())) {
                            return true;
                        }
                    }
            }
        }
        return false;
    }

    /** As {@code date_changed > :since} on DATETIME columns: wall-clock time against wall-clock time. */
    private <R> boolean changedSince(Row<R> row, Date since) {
        return since == null || wallClock(row.changed).isAfter(wallClock(since));
    }

    private LocalDateTime wallClock(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), zone);
    }

    private static <R> List<Integer> ids(TreeMap<Integer, Row<R>> table, int afterId, int limit,
            Predicate<Row<R>> filter) {
        List<Integer> ids = new ArrayList<>();
        for (Row<R> row : table.tailMap(afterId, false).values()) {
            if (filter.test(row)) {
                ids.add(row.id);
                if (ids.size() == limit) {
                    break;
                }
            }
        }
        return ids;
    }

    private static <R> List<R> load(TreeMap<Integer, Row<R>> table, List<Integer> ids) {
        List<R> records = new ArrayList<>();
        for (Integer id : ids) {
            Row<R> row = table.get(id);
            if (row != null) {
                records.add(row.record);
            }
        }
        return records;
    }
}
