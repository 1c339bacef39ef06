package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmrs.module.dhis2sync.dhis2.AttributeValue;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.sync.InstanceMatch.Outcome;

/** The seed's de-duplication rule (3.1.1), row by row. */
class InstanceMatchTest {

    private static final String NAME = "TeaFirstNm1";
    private static final String SEX = "TeaSexAttr1";

    static TrackedEntity entity(String uid, String name, String sex) {
        return new TrackedEntity(uid, "TetPerson01", "OuVerify001",
                List.of(new AttributeValue(NAME, name), new AttributeValue(SEX, sex)), Collections.emptyList());
    }

    static Stream<Arguments> rows() {
        TrackedEntity janeF = entity("TeJaneFem01", "Jane", "FEMALE");
        TrackedEntity janeM = entity("TeJaneMal01", "Jane", "MALE");
        TrackedEntity janeF2 = entity("TeJaneFem02", "jane", "FEMALE");
        Map<String, String> comparesName = Map.of(NAME, "Jane");
        Map<String, String> comparesNameAndSex = Map.of(NAME, "Jane", SEX, "FEMALE");
        Map<String, String> comparesSexNone = Map.of(SEX, "OTHER");
        return Stream.of(
                Arguments.of("no match → NEW", List.of(), comparesName, Outcome.NO_MATCH, null),
                Arguments.of("one match → UPDATE it, not compared", List.of(janeM), comparesNameAndSex,
                        Outcome.ONE_MATCH, "TeJaneMal01"),
                Arguments.of("several, nothing comparable → NEW (ambiguous)", List.of(janeF, janeM), Map.of(),
                        Outcome.AMBIGUOUS, null),
                Arguments.of("several narrowed to none → NEW", List.of(janeF, janeM), comparesSexNone,
                        Outcome.NO_MATCH, null),
                Arguments.of("several narrowed to one → UPDATE it", List.of(janeF, janeM), comparesNameAndSex,
                        Outcome.ONE_MATCH, "TeJaneFem01"),
                Arguments.of("several narrowed to several → NEW (ambiguous), case-insensitive like DHIS2",
                        List.of(janeF, janeM, janeF2), comparesNameAndSex, Outcome.AMBIGUOUS, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String row, List<TrackedEntity> found, Map<String, String> comparable, Outcome outcome,
            String updatedUid) {
        InstanceMatch match = InstanceMatch.decide(found, comparable);

        assertThat(match.getOutcome()).isEqualTo(outcome);
        assertThat(match.getMatch() == null ? null : match.getMatch().getUid()).isEqualTo(updatedUid);
        if (outcome == Outcome.AMBIGUOUS) {
            assertThat(match.getCandidateUids()).hasSizeGreaterThan(1);
        }
    }
}
