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
 * <p>
 * Voids follow OpenMRS 2.5: a voided patient is never loaded, its encounters are voided with it
 * ({@code PatientDataVoidHandler}) and its enrollments read as voided; a voided encounter is never loaded; an unvoid
 * stamps the row changed; {@link #mergePatients} does what {@code PatientService.mergePatients} does.
 */
public final class InMemoryClinicalSource implements ClinicalSource {

    private static final class Row<R> {
        final int id;
        R record;
        Date changed;
        /** When the row (patient or encounter) was voided, or null while it is not; such a row is never loaded. */
        Date voided;
        /**
         * When the row was voided or unvoided: a patient row's {@code date_voided} / {@code date_changed} (which a
         * name or identifier edit leaves alone); an enrollment put voided keeps the moment it was first put voided.
         */
        Date statusChanged;
        /** Of an encounter: its voided obs, which OpenMRS keeps (they still tie it to a form or set in a delta). */
        List<ObsValue> voidedObs = List.of();

        Row(int id, R record, Date changed) {
            this.id = id;
            this.record = record;
            this.changed = changed;
        }
    }

    private final TreeMap<Integer, Row<PatientRecord>> patients = new TreeMap<>();
    private final TreeMap<Integer, Row<EnrollmentRecord>> enrollments = new TreeMap<>();
    private final TreeMap<Integer, Row<EncounterRecord>> encounters = new TreeMap<>();
    private int encounterIdReads;
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

    /** Puts an enrollment; putting it voided voids it (its void date is then), putting it unvoided unvoids it. */
    public synchronized void putEnrollment(EnrollmentRecord enrollment) {
        Integer id = idByUuid.get(enrollment.getUuid());
        boolean wasVoided = id != null && enrollments.get(id).record.isVoided();
        put(enrollments, enrollment.getUuid(), enrollment);
        Row<EnrollmentRecord> row = enrollments.get(idByUuid.get(enrollment.getUuid()));
        if (enrollment.isVoided() != wasVoided) {
            row.statusChanged = enrollment.isVoided() ? now : null;
        }
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
        if (voided != (row.voided != null)) {
            row.voided = voided ? now : null;
            row.statusChanged = now;
        }
    }

    /** Voids an encounter (its obs with it), as {@code EncounterService.voidEncounter}. */
    public synchronized void voidEncounter(String uuid) {
        setVoided(encounters, uuid, true);
    }

    /** Unvoids an encounter, as {@code EncounterService.unvoidEncounter} (the row is stamped changed). */
    public synchronized void unvoidEncounter(String uuid) {
        setVoided(encounters, uuid, false);
    }

    /** Voids a patient and its non-voided encounters at the same moment, as {@code PatientService.voidPatient}. */
    public synchronized void voidPatient(String uuid) {
        setVoided(patients, uuid, true);
        for (Row<EncounterRecord> row : encounters.values()) {
            if (row.voided == null && row.record.getPatientUuid().equals(uuid)) {
                row.voided = now;
                row.changed = now;
            }
        }
    }

    /** Unvoids a patient and the encounters voided with it (same moment), as {@code PatientService.unvoidPatient}. */
    public synchronized void unvoidPatient(String uuid) {
        Date voidedAt = row(patients, uuid).voided;
        setVoided(patients, uuid, false);
        for (Row<EncounterRecord> row : encounters.values()) {
            if (voidedAt != null && voidedAt.equals(row.voided) && row.record.getPatientUuid().equals(uuid)) {
                row.voided = null;
                row.changed = now;
            }
        }
    }

    /**
     * {@code PatientService.mergePatients(preferred, notPreferred)} of OpenMRS 2.5: the non-preferred patient's
     * encounters (voided ones too) move to the preferred one, each of its non-voided enrollments is copied to the
     * preferred patient under a new uuid ({@code copyUuidPrefix} + the original uuid), then the non-preferred patient
     * is voided (its original enrollments stay, unvoided, on the voided patient).
     */
    public synchronized void mergePatients(String preferredUuid, String notPreferredUuid, String copyUuidPrefix) {
        for (Row<EncounterRecord> row : encounters.values()) {
            EncounterRecord e = row.record;
            if (e.getPatientUuid().equals(notPreferredUuid)) {
                row.record = new EncounterRecord(e.getUuid(), preferredUuid, e.getEncounterTypeUuid(),
                        e.getEncounterDatetime(), e.getLocationUuid(), e.getFormName(), e.getObs());
                row.changed = now;
            }
        }
        for (Row<EnrollmentRecord> row : new ArrayList<>(enrollments.values())) {
            EnrollmentRecord e = row.record;
            if (e.getPatientUuid().equals(notPreferredUuid) && !e.isVoided()) {
                putEnrollment(new EnrollmentRecord(copyUuidPrefix + e.getUuid(), preferredUuid, e.getProgramUuid(),
                        e.getDateEnrolled(), e.getDateCompleted(), e.getLocationUuid(), false));
            }
        }
        setVoided(patients, notPreferredUuid, true);
    }

    private <R> Row<R> row(TreeMap<Integer, Row<R>> table, String uuid) {
        Integer id = idByUuid.get(uuid);
        Row<R> row = id == null ? null : table.get(id);
        if (row == null) {
            throw new IllegalArgumentException("no such record: " + uuid);
        }
        return row;
    }

    private <R> void setVoided(TreeMap<Integer, Row<R>> table, String uuid, boolean voided) {
        Row<R> row = row(table, uuid);
        row.voided = voided ? now : null;
        row.changed = now;
        row.statusChanged = now;
    }

    /** Whether the patient is voided. */
    public synchronized boolean isPatientVoided(String uuid) {
        return row(patients, uuid).voided != null;
    }

    /** The patient an encounter or enrollment (voided or not) belongs to, or null when there is none of that uuid. */
    public synchronized String patientOf(String recordUuid) {
        Integer id = idByUuid.get(recordUuid);
        if (id == null) {
            return null;
        }
        if (encounters.containsKey(id)) {
            return encounters.get(id).record.getPatientUuid();
        }
        if (enrollments.containsKey(id)) {
            return enrollments.get(id).record.getPatientUuid();
        }
        return patients.containsKey(id) ? patients.get(id).record.getUuid() : null;
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
        return ids(patients, afterId, limit, row -> row.voided == null && changedSince(row, since)
                && inProgram(row.record.getUuid(), programUuid));
    }

    @Override
    public synchronized List<PatientRecord> loadPatients(List<Integer> patientIds) {
        return load(patients, patientIds, row -> row.record);
    }

    @Override
    public synchronized List<Integer> changedEnrollmentIds(String programUuid, Date since, int afterId, int limit) {
        return ids(enrollments, afterId, limit, row -> row.record.getProgramUuid().equals(programUuid)
                && (changedSince(row, since) || statusChangedSince(patientRowOf(row.record), since)));
    }

    @Override
    public synchronized List<EnrollmentRecord> loadEnrollments(List<Integer> ids) {
        return load(enrollments, ids, this::asLoaded);
    }

    @Override
    public synchronized List<EnrollmentRecord> enrollmentsOfPatient(String patientUuid, String programUuid) {
        List<EnrollmentRecord> result = new ArrayList<>();
        for (Row<EnrollmentRecord> row : enrollments.values()) {
            if (row.record.getPatientUuid().equals(patientUuid) && row.record.getProgramUuid().equals(programUuid)) {
                result.add(asLoaded(row));
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
        return ids(encounters, afterId, limit, row -> row.voided == null && changedSince(row, since)
                && inProgram(row.record.getPatientUuid(), programUuid) && selects(feeds, row, true));
    }

    @Override
    public synchronized List<EncounterRecord> loadEncounters(List<Integer> ids) {
        return load(encounters, ids, row -> row.record);
    }

    @Override
    public synchronized List<Integer> encounterIdsOfPatient(String patientUuid, List<EncounterFeed> feeds,
            LocalDate from, LocalDate to) {
        encounterIdReads++;
        return encounterIds(patientUuid, feeds, from, to);
    }

    /** One read for the lot, as a database source answers them in one transaction. */
    @Override
    public synchronized List<List<Integer>> encounterIdsOfPatients(
            List<org.openmrs.module.dhis2sync.source.EncounterWindow> windows, List<EncounterFeed> feeds) {
        encounterIdReads++;
        List<List<Integer>> ids = new ArrayList<>();
        for (org.openmrs.module.dhis2sync.source.EncounterWindow window : windows) {
            ids.add(encounterIds(window.getPatientUuid(), feeds, window.getFrom(), window.getTo()));
        }
        return ids;
    }

    /** How many times the encounter ids of enrollments were read (one per call, whatever it asked). */
    public synchronized int encounterIdReads() {
        return encounterIdReads;
    }

    private List<Integer> encounterIds(String patientUuid, List<EncounterFeed> feeds, LocalDate from, LocalDate to) {
        List<Row<EncounterRecord>> rows = new ArrayList<>();
        for (Row<EncounterRecord> row : encounters.values()) {
            LocalDate date = row.record.getEncounterDatetime().toLocalDate();
            if (row.voided == null && row.record.getPatientUuid().equals(patientUuid) && selects(feeds, row, false)
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
        return load(patients, idsOf(uuids), row -> row.record);
    }

    @Override
    public synchronized List<EnrollmentRecord> loadEnrollmentsByUuid(List<String> uuids) {
        return load(enrollments, idsOf(uuids), this::asLoaded);
    }

    @Override
    public synchronized List<EncounterRecord> loadEncountersByUuid(List<String> uuids) {
        return load(encounters, idsOf(uuids), row -> row.record);
    }

    @Override
    public synchronized List<String> voidedEncounterUuids(String programUuid, Date since, String afterUuid,
            int limit) {
        return uuids(encounters, afterUuid, limit, row -> voidedSince(row, since)
                && inProgram(row.record.getPatientUuid(), programUuid), EncounterRecord::getUuid);
    }

    @Override
    public synchronized List<String> voidedEnrollmentUuids(String programUuid, Date since, String afterUuid,
            int limit) {
        return uuids(enrollments, afterUuid, limit, row -> row.record.getProgramUuid().equals(programUuid)
                && ((row.record.isVoided() && statusChangedSince(row, since))
                        || voidedSince(patientRowOf(row.record), since)), EnrollmentRecord::getUuid);
    }

    @Override
    public synchronized List<String> voidedPatientUuids(String programUuid, Date since, String afterUuid,
            int limit) {
        return uuids(patients, afterUuid, limit, row -> voidedSince(row, since)
                && inProgram(row.record.getUuid(), programUuid), PatientRecord::getUuid);
    }

    /**
     * An enrollment as the SQL source loads it: voided when its patient is. An enrollment put voided carries no
     * void date of its own in {@link Row#voided}: it counts as voided when it was put.
     */
    private EnrollmentRecord asLoaded(Row<EnrollmentRecord> row) {
        EnrollmentRecord e = row.record;
        Row<PatientRecord> patient = patientRowOf(e);
        if (e.isVoided() || patient == null || patient.voided == null) {
            return e;
        }
        return new EnrollmentRecord(e.getUuid(), e.getPatientUuid(), e.getProgramUuid(), e.getDateEnrolled(),
                e.getDateCompleted(), e.getLocationUuid(), true);
    }

    private Row<PatientRecord> patientRowOf(EnrollmentRecord enrollment) {
        Integer id = idByUuid.get(enrollment.getPatientUuid());
        return id == null ? null : patients.get(id);
    }

    /** As {@code date_changed > :since OR date_voided > :since} of a patient row (an enrollment's void date). */
    private <R> boolean statusChangedSince(Row<R> row, Date since) {
        return row != null && row.statusChanged != null
                && (since == null || wallClock(row.statusChanged).isAfter(wallClock(since)));
    }

    /** As {@code voided = 1 AND date_voided > :since} (any voided row when since is null). */
    private <R> boolean voidedSince(Row<R> row, Date since) {
        return row != null && row.voided != null
                && (since == null || wallClock(row.voided).isAfter(wallClock(since)));
    }

    private static <R> List<String> uuids(TreeMap<Integer, Row<R>> table, String afterUuid, int limit,
            Predicate<Row<R>> filter, java.util.function.Function<R, String> uuidOf) {
        java.util.TreeSet<String> uuids = new java.util.TreeSet<>();
        for (Row<R> row : table.values()) {
            String uuid = uuidOf.apply(row.record);
            if ((afterUuid == null || uuid.compareTo(afterUuid) > 0) && filter.test(row)) {
                uuids.add(uuid);
            }
        }
        List<String> page = new ArrayList<>();
        for (String uuid : uuids) {
            if (page.size() == limit) {
                break;
            }
            page.add(uuid);
        }
        return page;
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
        return row != null && (since == null || wallClock(row.changed).isAfter(wallClock(since)));
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

    /** The records of those ids that exist and are not voided (an enrollment is loaded voided, as the SQL source). */
    private static <R> List<R> load(TreeMap<Integer, Row<R>> table, List<Integer> ids,
            java.util.function.Function<Row<R>, R> view) {
        List<R> records = new ArrayList<>();
        for (Integer id : ids) {
            Row<R> row = table.get(id);
            if (row != null && row.voided == null) {
                records.add(view.apply(row));
            }
        }
        return records;
    }
}
