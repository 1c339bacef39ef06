package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.EnrollmentStatus;

/**
 * Which DHIS2 enrollment a new OpenMRS enrollment lands in, for the "New" rows of both Appendix tables. (The
 * "Update" rows keep the tracked UID; their outcome against DHIS2 is asserted end to end in AppendixSyncTest.)
 */
class EnrollmentDecisionTest {

    static Enrollment dhis2(String uid, EnrollmentStatus status, String date) {
        return new Enrollment(uid, "TeVerify001", "PrgVerify01", "OuVerify001", status, LocalDate.parse(date),
                LocalDate.parse(date), status == EnrollmentStatus.COMPLETED ? LocalDate.parse(date).plusDays(30) : null,
                Collections.emptyList());
    }

    static Stream<Arguments> rows() {
        Enrollment active1 = dhis2("EnActive001", EnrollmentStatus.ACTIVE, "2018-12-23");
        Enrollment activeLate = dhis2("EnActive001", EnrollmentStatus.ACTIVE, "2018-12-25");
        Enrollment completed1 = dhis2("EnComplet01", EnrollmentStatus.COMPLETED, "2018-01-01");
        Enrollment completed2 = dhis2("EnComplet02", EnrollmentStatus.COMPLETED, "2018-06-01");
        return Stream.of(
                // open latest completed enrollment = YES
                Arguments.of("YES new completed, DHIS2 active UID1 → UID1", true, List.of(active1), "EnActive001"),
                Arguments.of("YES new completed, DHIS2 completed UID1 → UID1", true, List.of(completed1), "EnComplet01"),
                Arguments.of("YES new completed, DHIS2 completed UID1, UID2 → UID2 (latest)", true,
                        List.of(completed1, completed2), "EnComplet02"),
                Arguments.of("YES new active, DHIS2 none → new", true, List.of(), null),
                Arguments.of("YES new active, DHIS2 completed UID1 → re-open UID1", true, List.of(completed1),
                        "EnComplet01"),
                Arguments.of("YES new active, DHIS2 active UID1 → UID1", true, List.of(active1), "EnActive001"),
                // open latest completed enrollment = NO
                Arguments.of("NO new completed, DHIS2 active UID1 → UID1", false, List.of(active1), "EnActive001"),
                Arguments.of("NO new completed, DHIS2 completed UID1 → new UID2", false, List.of(completed1), null),
                Arguments.of("NO new completed, DHIS2 completed UID1, UID2 → new UID3", false,
                        List.of(completed1, completed2), null),
                Arguments.of("NO new active, DHIS2 none → new", false, List.of(), null),
                Arguments.of("NO new active, DHIS2 completed UID1 → new UID2", false, List.of(completed1), null),
                Arguments.of("NO new active 25 Dec, DHIS2 active UID1 23 Dec → UID1", false, List.of(active1),
                        "EnActive001"),
                Arguments.of("NO new active 23 Dec, DHIS2 active UID1 25 Dec → UID1", false, List.of(activeLate),
                        "EnActive001"),
                Arguments.of("an active one beats a completed one", true, List.of(completed2, active1), "EnActive001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reuses(String row, boolean openLatestCompleted, List<Enrollment> inDhis2, String expectedUid) {
        assertThat(EnrollmentDecision.reuse(inDhis2, openLatestCompleted)).isEqualTo(expectedUid);
    }
}
