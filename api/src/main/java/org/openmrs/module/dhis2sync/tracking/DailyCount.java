package org.openmrs.module.dhis2sync.tracking;

import java.time.LocalDate;
import java.util.Objects;

/** How many records (created + updated, all categories) the runs started on one day synced. */
public final class DailyCount {

    private final LocalDate day;
    private final long records;

    public DailyCount(LocalDate day, long records) {
        this.day = Objects.requireNonNull(day, "day");
        this.records = records;
    }

    public LocalDate getDay() {
        return day;
    }

    public long getRecords() {
        return records;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DailyCount)) {
            return false;
        }
        DailyCount other = (DailyCount) o;
        return day.equals(other.day) && records == other.records;
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, records);
    }

    @Override
    public String toString() {
        return day + "=" + records;
    }
}
