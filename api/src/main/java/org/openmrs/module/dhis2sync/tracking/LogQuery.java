package org.openmrs.module.dhis2sync.tracking;

import java.util.Date;

/** Which sync logs to list, and which page of them. Null filters match everything. */
public final class LogQuery {

    private final Date from;
    private final String mappingName;
    private final String syncedBy;
    private final int firstResult;
    private final int maxResults;

    /**
     * @param from runs started at or after this, or null
     * @param mappingName runs of the mapping of that name, or null
     * @param syncedBy runs started by that user, or null
     * @param firstResult rows to skip, 0 or more
     * @param maxResults rows to return at most, 1 or more
     */
    public LogQuery(Date from, String mappingName, String syncedBy, int firstResult, int maxResults) {
        HibernateDao.checkPage(firstResult, maxResults);
        this.from = from == null ? null : new Date(from.getTime());
        this.mappingName = mappingName;
        this.syncedBy = syncedBy;
        this.firstResult = firstResult;
        this.maxResults = maxResults;
    }

    public Date getFrom() {
        return from == null ? null : new Date(from.getTime());
    }

    public String getMappingName() {
        return mappingName;
    }

    public String getSyncedBy() {
        return syncedBy;
    }

    public int getFirstResult() {
        return firstResult;
    }

    public int getMaxResults() {
        return maxResults;
    }

    @Override
    public String toString() {
        return "LogQuery[from=" + from + ", mappingName=" + mappingName + ", syncedBy=" + syncedBy
                + ", firstResult=" + firstResult + ", maxResults=" + maxResults + "]";
    }
}
