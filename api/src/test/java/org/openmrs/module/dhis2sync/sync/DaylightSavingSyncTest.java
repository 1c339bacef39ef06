package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.enrollment;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.patient;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.visit;
import static org.openmrs.module.dhis2sync.sync.SyncHarness.weight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.ApiChoice;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Issue 13, point 11: a run in the first pass of the hour a daylight-saving fall-back repeats, changes made in the
 * second pass (stamped with earlier wall-clock times than the run's markers), and the next run: every change reaches
 * DHIS2. Europe/Berlin (2025-10-26, 03:00 CEST to 02:00 CET) and America/Sao_Paulo (its last fall-back, 2019-02-17,
 * 00:00 -02 to 23:00 -03), on a controlled clock, through the real client over HTTP on both API generations.
 */
class DaylightSavingSyncTest {

    private SyncHarness harness;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Berlin, tracker API", ZoneId.of("Europe/Berlin"), "2025-10-26T02:50+02:00",
                        "2025-10-26T02:20+01:00", FakeDhis2.Version.V2_42, ApiChoice.AUTO),
                Arguments.of("Berlin, deprecated API", ZoneId.of("Europe/Berlin"), "2025-10-26T02:50+02:00",
                        "2025-10-26T02:20+01:00", FakeDhis2.Version.V2_41, ApiChoice.LEGACY),
                Arguments.of("Sao Paulo, tracker API", ZoneId.of("America/Sao_Paulo"), "2019-02-16T23:50-02:00",
                        "2019-02-16T23:20-03:00", FakeDhis2.Version.V2_42, ApiChoice.AUTO),
                Arguments.of("Sao Paulo, deprecated API", ZoneId.of("America/Sao_Paulo"), "2019-02-16T23:50-02:00",
                        "2019-02-16T23:20-03:00", FakeDhis2.Version.V2_41, ApiChoice.LEGACY));
    }

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void changesStampedInTheRepeatedHourReachDhis2(String name, ZoneId zone, String firstPass, String secondPass,
            FakeDhis2.Version version, ApiChoice api) {
        Instant firstRun = OffsetDateTime.parse(firstPass).toInstant();
        Instant changes = OffsetDateTime.parse(secondPass).toInstant();
        harness = SyncHarness.startAt(version, api, TestDatabase.Kind.H2, zone, firstRun.minus(Duration.ofDays(1)));
        harness.openmrs.putPatient(patient("p-jane", "NAT-001", "Jane", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-jane", "p-jane", "2019-01-10", null));
        harness.openmrs.putEncounter(visit("enc-jane", "p-jane", "2019-02-01", weight("60")));

        harness.setNow(firstRun);
        assertThat(run().getStatus()).isEqualTo(SyncStatus.SUCCESS);
        Date marker = harness.store.marker(harness.mappingUuid, SyncCategory.INSTANCE);

        // thirty minutes later, in the second pass: a new patient, and Jane's visit edited
        harness.setNow(changes);
        assertThat(LocalDateTime.ofInstant(changes, zone)).as("stamped before the marker in wall-clock time")
                .isBefore(LocalDateTime.ofInstant(marker.toInstant(), zone));
        harness.openmrs.putPatient(patient("p-joan", "NAT-002", "Joan", "F"));
        harness.openmrs.putEnrollment(enrollment("pp-joan", "p-joan", "2019-02-02", null));
        harness.openmrs.putEncounter(visit("enc-joan", "p-joan", "2019-02-03", weight("55")));
        harness.openmrs.putEncounter(visit("enc-jane", "p-jane", "2019-02-01", weight("61.5")));
        assertThat(harness.openmrs.changedPatientIds(SyncHarness.PROGRAM_UUID, marker, 0, 10))
                .as("the marker alone misses them").isEmpty();

        harness.setNow(changes.plus(Duration.ofMinutes(5)));
        RunState second = run();

        assertThat(second.getStatus()).isEqualTo(SyncStatus.SUCCESS);
        assertThat(harness.dhis2.trackedEntities()).extracting(te -> te.attributes().get("TeaNatIdNo1"))
                .containsExactlyInAnyOrder("NAT-001", "NAT-002");
        assertThat(harness.dhis2.enrollments()).hasSize(2);
        assertThat(eventOf("enc-joan").dataValues()).containsEntry("DeWeightKg1", "55");
        assertThat(eventOf("enc-jane").dataValues()).containsEntry("DeWeightKg1", "61.5");
    }

    private RunState run() {
        return harness.runner.runNow(harness.request(), "scheduler");
    }

    private FakeEvent eventOf(String encounterUuid) {
        List<EventTracker> trackers = harness.store.eventTrackers(List.of(encounterUuid));
        assertThat(trackers).as("event tracker of " + encounterUuid).hasSize(1);
        return harness.dhis2.event(trackers.get(0).getEventUid()).orElseThrow();
    }
}
