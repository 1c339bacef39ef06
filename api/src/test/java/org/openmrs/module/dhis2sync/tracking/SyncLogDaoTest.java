package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;

class SyncLogDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static Date at(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }

    private static SyncLog log(String mappingUuid, String mappingName, String syncedBy, Date start, SyncStatus status) {
        SyncLog log = new SyncLog();
        log.setMappingUuid(mappingUuid);
        log.setMappingName(mappingName);
        log.setSyncedBy(syncedBy);
        log.setRunId(UUID.randomUUID().toString());
        log.setStartDate(start);
        log.setEndDate(status == SyncStatus.RUNNING ? null : new Date(start.getTime() + 60_000));
        log.setStatus(status);
        return log;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void roundTripsEveryColumnIncludingLongText(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        SyncLogDao dao = db.syncLogDao();
        SyncLog log = log(UUID.randomUUID().toString(), "HTS Service", "admin", new Date(), SyncStatus.PARTIAL);
        log.setComments("monthly catch-up");
        log.setPatientsCreated(1);
        log.setPatientsUpdated(2);
        log.setEnrollmentsCreated(3);
        log.setEnrollmentsUpdated(4);
        log.setEventsCreated(5);
        log.setEventsUpdated(6);
        log.setFailedCount(7);
        log.setAmbiguousCount(8);
        // past MySQL TEXT's 64 KiB: the column must be LONGTEXT
        String statusInfo = String.join("", Collections.nCopies(9000, "E1064 é ")) + "end";
        log.setStatusInfo(statusInfo);
        log.setDetails("[\"patient-1\",\"patient-2\"]");
        Long id = db.inTransaction(() -> dao.save(log)).getId();

        SyncLog found = db.inTransaction(() -> dao.find(id));
        assertThat(found.getRunId()).isEqualTo(log.getRunId());
        assertThat(found.getMappingName()).isEqualTo("HTS Service");
        assertThat(found.getComments()).isEqualTo("monthly catch-up");
        assertThat(found.getStatus()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(found.getRecordsSynced()).isEqualTo(21);
        assertThat(found.getFailedCount()).isEqualTo(7);
        assertThat(found.getAmbiguousCount()).isEqualTo(8);
        assertThat(found.getStatusInfo()).hasSize(statusInfo.length()).isEqualTo(statusInfo);
        assertThat(found.getDetails()).isEqualTo("[\"patient-1\",\"patient-2\"]");
        assertThat(db.inTransaction(() -> dao.findByRunId(log.getRunId())).getId()).isEqualTo(id);
        assertThat(db.inTransaction(() -> dao.findByRunId(UUID.randomUUID().toString()))).isNull();
        assertThat(db.inTransaction(() -> dao.find(-1L))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aRunHasOneLogRow(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        SyncLogDao dao = db.syncLogDao();
        SyncLog first = db.inTransaction(() -> dao.save(log("m", "HTS", "admin", new Date(), SyncStatus.RUNNING)));
        SyncLog again = log("m", "HTS", "admin", new Date(), SyncStatus.RUNNING);
        again.setRunId(first.getRunId());

        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(again)))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_log already has a row with run_id=" + first.getRunId());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void searchesNewestFirstWithFiltersAndPages(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        SyncLogDao dao = db.syncLogDao();
        String name = "Search " + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime base = LocalDateTime.of(2024, 5, 1, 9, 0);
        db.inTransaction(() -> {
            dao.save(log("m1", name, "admin", at(base), SyncStatus.SUCCESS));
            dao.save(log("m1", name, "nurse", at(base.plusDays(1)), SyncStatus.FAILED));
            dao.save(log("m1", name, "admin", at(base.plusDays(2)), SyncStatus.SUCCESS));
            dao.save(log("m1", name, "admin", at(base.plusDays(3)), SyncStatus.RUNNING));
            dao.save(log("m2", name + " other", "admin", at(base.plusDays(3)), SyncStatus.SUCCESS));
            return null;
        });

        LogQuery all = new LogQuery(null, name, null, 0, 10);
        assertThat(db.inTransaction(() -> dao.search(all)))
                .extracting(l -> l.getStartDate().getTime())
                .containsExactly(at(base.plusDays(3)).getTime(), at(base.plusDays(2)).getTime(),
                        at(base.plusDays(1)).getTime(), at(base).getTime());
        assertThat(db.inTransaction(() -> dao.count(all))).isEqualTo(4);

        LogQuery adminSinceDay2 = new LogQuery(at(base.plusDays(1)), name, "admin", 0, 10);
        assertThat(db.inTransaction(() -> dao.search(adminSinceDay2))).hasSize(2)
                .allSatisfy(l -> assertThat(l.getSyncedBy()).isEqualTo("admin"));
        assertThat(db.inTransaction(() -> dao.count(adminSinceDay2))).isEqualTo(2);

        LogQuery secondPage = new LogQuery(null, name, null, 2, 2);
        assertThat(db.inTransaction(() -> dao.search(secondPage)))
                .extracting(l -> l.getStartDate().getTime())
                .containsExactly(at(base.plusDays(1)).getTime(), at(base).getTime());
        assertThat(db.inTransaction(() -> dao.count(secondPage))).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void lastSuccessIsTheLatestFinishedRunOfTheMapping(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        SyncLogDao dao = db.syncLogDao();
        String mapping = UUID.randomUUID().toString();
        LocalDateTime base = LocalDateTime.of(2024, 6, 1, 9, 0);
        assertThat(db.inTransaction(() -> dao.lastSuccess(mapping))).isNull();

        SyncLog partial = db.inTransaction(() -> {
            dao.save(log(mapping, "HTS", "admin", at(base), SyncStatus.SUCCESS));
            SyncLog p = dao.save(log(mapping, "HTS", "admin", at(base.plusHours(1)), SyncStatus.PARTIAL));
            dao.save(log(mapping, "HTS", "admin", at(base.plusHours(2)), SyncStatus.FAILED));
            dao.save(log(mapping, "HTS", "admin", at(base.plusHours(3)), SyncStatus.RUNNING));
            dao.save(log(UUID.randomUUID().toString(), "Other", "admin", at(base.plusHours(4)), SyncStatus.SUCCESS));
            // a reconcile sends nothing, a resend of its differences only those: neither is a sync of the delta
            SyncLog reconcile = log(mapping, "HTS", "admin", at(base.plusHours(5)), SyncStatus.SUCCESS);
            reconcile.setKind("RECONCILE");
            dao.save(reconcile);
            SyncLog resend = log(mapping, "HTS", "admin", at(base.plusHours(6)), SyncStatus.SUCCESS);
            resend.setKind("RESEND");
            dao.save(resend);
            return p;
        });

        assertThat(db.inTransaction(() -> dao.lastSuccess(mapping)).getRunId()).isEqualTo(partial.getRunId());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void countsRecordsPerDayFromADate(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        SyncLogDao dao = db.syncLogDao();
        // far in the future, so other tests' rows in this database fall before "from"
        LocalDate day1 = LocalDate.of(2090, 1, 10);
        db.inTransaction(() -> {
            dao.save(counted(at(day1.minusDays(1).atTime(12, 0)), 100));
            dao.save(counted(at(day1.atStartOfDay()), 1));
            dao.save(counted(at(day1.atTime(23, 59, 59)), 2));
            dao.save(counted(at(day1.plusDays(2).atTime(8, 30)), 4));
            return null;
        });

        assertThat(db.inTransaction(() -> dao.countRecordsPerDay(at(day1.atStartOfDay()))))
                .containsExactly(new DailyCount(day1, 3 * 6), new DailyCount(day1.plusDays(2), 4 * 6));
    }

    private static SyncLog counted(Date start, int each) {
        SyncLog log = log(UUID.randomUUID().toString(), "Chart", "admin", start, SyncStatus.SUCCESS);
        log.setPatientsCreated(each);
        log.setPatientsUpdated(each);
        log.setEnrollmentsCreated(each);
        log.setEnrollmentsUpdated(each);
        log.setEventsCreated(each);
        log.setEventsUpdated(each);
        return log;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void refusesMissingOrOverlongFieldsByName(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        SyncLog noStatus = log("m", "HTS", "admin", new Date(), SyncStatus.SUCCESS);
        noStatus.setStatus(null);
        SyncLog longComment = log("m", "HTS", "admin", new Date(), SyncStatus.SUCCESS);
        longComment.setComments(String.join("", Collections.nCopies(1001, "x")));

        assertThatThrownBy(() -> db.inTransaction(() -> db.syncLogDao().save(noStatus)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("status is required");
        assertThatThrownBy(() -> db.inTransaction(() -> db.syncLogDao().save(longComment)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comments must be at most 1000 characters, was 1001");
    }

    @Test
    void aQueryRefusesABadPageByName() {
        assertThatThrownBy(() -> new LogQuery(null, null, null, -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("firstResult must be 0 or more, was -1");
        assertThatThrownBy(() -> new LogQuery(null, null, null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxResults must be 1 or more, was 0");
    }
}
