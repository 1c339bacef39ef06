package org.openmrs.module.dhis2sync.dhis2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which DHIS2 versions and APIs replace an enrollment's completion date with the sync time. */
class CompletionDatesTest {

    @ParameterizedTest(name = "{0} {1}: drops completedAt {2}")
    @CsvSource({
            "2.41.9.1, TRACKER, true",
            "2.41.0, TRACKER, true",
            "2.41.9.1, LEGACY, false",
            "2.40.5, LEGACY, false",
            "2.42.0, TRACKER, false",
            "2.42.5.2, TRACKER, false",
            "2.43.1, TRACKER, false"})
    void onlyTheTrackerApiOf241DropsIt(String version, ApiGeneration generation, boolean drops) {
        SystemInfo info = SystemInfo.of(version, null);
        assertThat(CompletionDates.dropsEnrollmentCompletedAt(info, generation)).isEqualTo(drops);
        String notice = CompletionDates.notice(info, generation);
        if (drops) {
            assertThat(notice).startsWith("DHIS2 " + version + " stores the time of the sync as an enrollment's "
                    + "completion date");
        } else {
            assertThat(notice).isNull();
        }
    }
}
