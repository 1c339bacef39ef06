package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.Test;

class FailedRecordTest {

    @Test
    void eachAttemptIsCountedAndDatedKeepingTheFirstFailureAndDhis2sLatestWord() {
        FailedRecord record = new FailedRecord("mapping-1", FailureKey.event("enc-1", "StgVisit001"));
        Date first = new Date(1_000_000L);
        Date second = new Date(2_000_000L);

        record.recordAttempt(null, "E1000", "no access", first);
        record.recordAttempt("EvOld000001", "E1001", "still no access", second);

        assertThat(record.key()).isEqualTo(FailureKey.event("enc-1", "StgVisit001"));
        assertThat(record.getMappingUuid()).isEqualTo("mapping-1");
        assertThat(record.getAttempts()).isEqualTo(2);
        assertThat(record.getFirstFailure()).isEqualTo(first);
        assertThat(record.getLastFailure()).isEqualTo(second);
        assertThat(record.getDhis2Uid()).isEqualTo("EvOld000001");
        assertThat(record.getErrorCode()).isEqualTo("E1001");
        assertThat(record.getMessage()).isEqualTo("still no access");
    }

    @Test
    void aPatientsFailureHasNoStage() {
        FailedRecord record = new FailedRecord("mapping-1", FailureKey.of(SyncCategory.INSTANCE, "p-1"));

        assertThat(record.getProgramStageUid()).isNull();
        assertThat(record.key()).isEqualTo(FailureKey.of(SyncCategory.INSTANCE, "p-1"));
    }
}
