package org.openmrs.module.dhis2sync.web.dto;

import org.openmrs.module.dhis2sync.tracking.DailyCount;

/** Records synced on one day. */
public final class DailyBody {

    private final String day;
    private final long records;

    private DailyBody(DailyCount count) {
        this.day = count.getDay().toString();
        this.records = count.getRecords();
    }

    public static DailyBody of(DailyCount count) {
        return new DailyBody(count);
    }

    public String getDay() {
        return day;
    }

    public long getRecords() {
        return records;
    }
}
