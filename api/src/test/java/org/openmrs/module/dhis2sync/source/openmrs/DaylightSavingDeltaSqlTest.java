package org.openmrs.module.dhis2sync.source.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.openmrs.module.dhis2sync.source.openmrs.OpenmrsTablesFixture.at;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.api.ConceptService;
import org.openmrs.api.EncounterService;
import org.openmrs.api.PatientService;
import org.openmrs.api.ProgramWorkflowService;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.sync.InMemoryClinicalSource;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.sync.SyncHarness;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 13, point 11, on the real storage: the JVM runs in a zone with daylight saving, so OpenMRS's DATETIME columns
 * and the module's marker column hold wall-clock times, written and read by the JDBC driver in that zone. A run in
 * the first pass of the repeated hour; then a patient registered, enrolled and seen, and a new obs on an earlier
 * encounter, all stamped in the second pass; the next run must find them with the real delta SQL and send them to
 * DHIS2. On H2 and MariaDB, Europe/Berlin and America/Sao_Paulo, each on one API generation.
 */
class DaylightSavingDeltaSqlTest {

    private TimeZone jvmZone;
    private OpenmrsTablesFixture openmrsTables;
    private SyncHarness harness;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
            cases.add(Arguments.of(kind + ", Berlin, tracker API", kind, ZoneId.of("Europe/Berlin"),
                    "2025-10-26T02:50+02:00", "2025-10-26T02:20+01:00", FakeDhis2.Version.V2_42, ApiChoice.AUTO));
            cases.add(Arguments.of(kind + ", Sao Paulo, deprecated API", kind, ZoneId.of("America/Sao_Paulo"),
                    "2019-02-16T23:50-02:00", "2019-02-16T23:20-03:00", FakeDhis2.Version.V2_41, ApiChoice.LEGACY));
        }
        return cases.stream();
    }

    @AfterEach
    void restore() {
        try {
            if (harness != null) {
                harness.close();
            }
            if (openmrsTables != null) {
                openmrsTables.close();
            }
        } finally {
            if (jvmZone != null) {
                useZone(jvmZone);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void changesStampedInTheRepeatedHourAreInTheNextDelta(String name, TestDatabase.Kind kind, ZoneId zone,
            String firstPass, String secondPass, FakeDhis2.Version version, ApiChoice api) {
        jvmZone = TimeZone.getDefault();
        useZone(TimeZone.getTimeZone(zone));
        Instant firstRun = OffsetDateTime.parse(firstPass).toInstant();
        Instant changes = OffsetDateTime.parse(secondPass).toInstant();
        LocalDateTime stamped = LocalDateTime.ofInstant(changes, zone);
        harness = SyncHarness.startAt(version, api, kind, zone, firstRun);
        openmrsTables = OpenmrsTablesFixture.create(kind);
        openmrsTables.program(1, SyncHarness.PROGRAM_UUID);
        openmrsTables.encounterType(1, SyncHarness.VISIT_TYPE);
        openmrsTables.concept(1, SyncHarness.WEIGHT, false);
        registerSeenPatient(1, "NAT-001", "60", LocalDateTime.ofInstant(firstRun.minus(Duration.ofDays(1)), zone));
        SyncRunner runner = new SyncRunner(new SyncEngine(source(), harness.store, harness.withdrawals, harness::now, () -> zone),
                harness.db.getTransactions(), harness.db.syncLogDao(), harness.db.runLockDao(), harness.clients,
                harness::settings, Runnable::run, harness::now);

        assertThat(runner.runNow(harness.request(), "scheduler").getStatus()).isEqualTo(SyncStatus.SUCCESS);
        // the marker as the run wrote it and the next reads it: a wall-clock time the JDBC driver turned into a moment
        Date marker = harness.store.marker(harness.mappingUuid, SyncCategory.INSTANCE);
        assertThat(stamped).as("the second pass is stamped before the marker").isBefore(
                LocalDateTime.ofInstant(marker.toInstant(), zone));

        // thirty minutes later, in the second pass of the hour: a new patient, and a new obs on patient 1's visit
        harness.setNow(changes);
        registerSeenPatient(2, "NAT-002", "55", stamped);
        openmrsTables.obs(11, 1, 1, 1, null, null, stamped);
        harness.openmrs.putEncounter(visit(encounterUuid(1), OpenmrsTablesFixture.patientUuid(1), "2019-02-01",
                weight("61.5")));
        OpenmrsClinicalSource sql = sqlSource();
        assertThat(openmrsTables.inTransaction(() -> sql.changedPatientIds(SyncHarness.PROGRAM_UUID, marker, 0, 10)))
                .as("the marker alone misses them").isEmpty();

        harness.setNow(changes.plus(Duration.ofMinutes(5)));
        RunState second = runner.runNow(harness.request(), "scheduler");

        assertThat(second.getStatus()).as(String.valueOf(second.getStatusInfo())).isEqualTo(SyncStatus.SUCCESS);
        assertThat(second.getProgress().get(SyncCategory.INSTANCE).getCreated()).isEqualTo(1);
        assertThat(harness.dhis2.trackedEntities()).extracting(te -> te.attributes().get("TeaNatIdNo1"))
                .containsExactlyInAnyOrder("NAT-001", "NAT-002");
        assertThat(harness.dhis2.enrollments()).hasSize(2);
        assertThat(harness.dhis2.events()).extracting(event -> event.dataValues().get("DeWeightKg1"))
                .containsExactlyInAnyOrder("61.5", "55");
    }

    /** The patient, an enrollment and a visit with a weight, in OpenMRS's tables (stamped) and as records. */
    private void registerSeenPatient(int id, String nationalId, String kg, LocalDateTime stamped) {
        openmrsTables.patient(id);
        openmrsTables.enrollment(id, id, 1, LocalDateTime.of(2019, 1, 10, 0, 0), false);
        openmrsTables.encounter(id, id, 1, null, LocalDateTime.of(2019, 2, 1, 10, 0), false);
        openmrsTables.obs(id, id, id, 1, null, null, stamped);
        for (String table : List.of("person", "patient", "person_name", "patient_identifier", "person_attribute",
                "person_address", "patient_program", "encounter")) {
            String key = table.equals("patient_program") ? "patient_program_id" : table.equals("person")
                    ? "person_id" : table + "_id";
            openmrsTables.update("UPDATE " + table + " SET date_created = ? WHERE " + key + " = ?", at(stamped), id);
        }
        String patientUuid = OpenmrsTablesFixture.patientUuid(id);
        InMemoryClinicalSource records = harness.openmrs;
        records.putPatient(patient(patientUuid, nationalId, "Patient " + id, "F"));
        records.putEnrollment(enrollment("enrollment-" + id, patientUuid, "2019-01-10", null));
        records.putEncounter(visit(encounterUuid(id), patientUuid, "2019-02-01", weight(kg)));
    }

    private static String encounterUuid(int id) {
        return "encounter-" + id;
    }

    private OpenmrsClinicalSource sqlSource() {
        return new OpenmrsClinicalSource(openmrsTables.sessionFactory(), mock(PatientService.class),
                mock(ProgramWorkflowService.class), mock(EncounterService.class), mock(ConceptService.class));
    }

    /**
     * OpenMRS as the engine reads it: which ids changed, from the real SQL on the tables (in a transaction, as the
     * module's reads are); the records of those ids, from memory (their uuids are the tables' "patient-1" …).
     */
    private ClinicalSource source() {
        OpenmrsClinicalSource sql = sqlSource();
        InMemoryClinicalSource records = harness.openmrs;
        return (ClinicalSource) Proxy.newProxyInstance(ClinicalSource.class.getClassLoader(),
                new Class<?>[] {ClinicalSource.class}, (proxy, method, args) -> {
                    try {
                        String called = method.getName();
                        if (called.startsWith("changed") || called.equals("encounterIdsOfPatient")) {
                            return openmrsTables.inTransaction(() -> invoke(method, sql, args));
                        }
                        if (called.equals("loadPatients")) {
                            return records.loadPatientsByUuid(uuids(args[0], OpenmrsTablesFixture::patientUuid));
                        }
                        if (called.equals("loadEnrollments")) {
                            return records.loadEnrollmentsByUuid(uuids(args[0], id -> "enrollment-" + id));
                        }
                        if (called.equals("loadEncounters")) {
                            return records.loadEncountersByUuid(uuids(args[0], DaylightSavingDeltaSqlTest::encounterUuid));
                        }
                        return method.invoke(records, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> uuids(Object ids, java.util.function.IntFunction<String> uuid) {
        List<String> uuids = new ArrayList<>();
        for (Integer id : (List<Integer>) ids) {
            uuids.add(uuid.apply(id));
        }
        return uuids;
    }

    /** The JVM's zone, which the JDBC drivers write and read DATETIME in (H2 caches it). */
    private static void useZone(TimeZone zone) {
        TimeZone.setDefault(zone);
        org.h2.util.DateTimeUtils.resetCalendar();
    }
}
