package org.openmrs.module.dhis2sync.api;

import java.util.Calendar;
import java.util.Date;
import java.util.List;

import org.openmrs.module.dhis2sync.tracking.DailyCount;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecordDao;
import org.openmrs.module.dhis2sync.tracking.LogQuery;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncLogDao;

/** What the runs left: their log rows, the records sent per day, the failed records kept for the next run. */
public class RunHistory {

    private final SyncLogDao logs;
    private final FailedRecordDao failures;

    public RunHistory(SyncLogDao logs, FailedRecordDao failures) {
        this.logs = logs;
        this.failures = failures;
    }

    public List<SyncLog> logs(LogQuery query) {
        return logs.search(query);
    }

    public long countLogs(LogQuery query) {
        return logs.count(query);
    }

    /** @return the end of the mapping's last successful run, null when none succeeded */
    public Date lastSuccess(String mappingUuid) {
        SyncLog last = logs.lastSuccess(mappingUuid);
        return last == null ? null : last.getEndDate();
    }

    /** The records sent on each of the last {@code days} days, today included (from local midnight). */
    public List<DailyCount> recordsPerDay(int days) {
        if (days < 1 || days > 366) {
            throw new FieldException("days", "must be between 1 and 366");
        }
        Calendar from = Calendar.getInstance();
        from.add(Calendar.DAY_OF_MONTH, -(days - 1));
        from.set(Calendar.HOUR_OF_DAY, 0);
        from.set(Calendar.MINUTE, 0);
        from.set(Calendar.SECOND, 0);
        from.set(Calendar.MILLISECOND, 0);
        return logs.countRecordsPerDay(from.getTime());
    }

    /** @param mappingUuid null for the failures of every mapping */
    public List<FailedRecord> failures(String mappingUuid, int firstResult, int maxResults) {
        return mappingUuid == null ? failures.findAll(firstResult, maxResults)
                : failures.findByMapping(mappingUuid, firstResult, maxResults);
    }

    /** @param mappingUuid null for the failures of every mapping */
    public long countFailures(String mappingUuid) {
        return mappingUuid == null ? failures.count() : failures.countByMapping(mappingUuid);
    }
}
