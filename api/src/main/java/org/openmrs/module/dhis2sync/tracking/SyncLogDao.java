package org.openmrs.module.dhis2sync.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import javax.persistence.TypedQuery;

import org.hibernate.SessionFactory;

/** Reads and writes {@link SyncLog}s in the caller's transaction. */
public class SyncLogDao extends HibernateDao {

    static final String TABLE = "dhis2sync_log";

    private static final String RECORDS_SYNCED = "l.patientsCreated + l.patientsUpdated + l.enrollmentsCreated"
            + " + l.enrollmentsUpdated + l.eventsCreated + l.eventsUpdated";

    public SyncLogDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Inserts or updates and flushes.
     *
     * @throws DuplicateRecordException if another log row has the same run id
     */
    public SyncLog save(SyncLog log) {
        ColumnCheck.required("syncLog", log);
        ColumnCheck.text("mappingUuid", log.getMappingUuid(), 38);
        ColumnCheck.text("mappingName", log.getMappingName(), 100);
        ColumnCheck.optionalText("syncedBy", log.getSyncedBy(), 50);
        ColumnCheck.optionalText("comments", log.getComments(), 1000);
        ColumnCheck.text("runId", log.getRunId(), 38);
        ColumnCheck.required("startDate", log.getStartDate());
        ColumnCheck.required("status", log.getStatus());
        return saveAndFlush(log, TABLE, "run_id=" + log.getRunId());
    }

    public SyncLog find(Long id) {
        return session().get(SyncLog.class, ColumnCheck.required("id", id));
    }

    /** The log of that run, or null. */
    public SyncLog findByRunId(String runId) {
        List<SyncLog> found = session()
                .createQuery("from SyncLog l where l.runId = :run", SyncLog.class)
                .setParameter("run", ColumnCheck.required("runId", runId))
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** One page of the logs matching the query, newest first. */
    public List<SyncLog> search(LogQuery query) {
        ColumnCheck.required("query", query);
        TypedQuery<SyncLog> hql = session().createQuery(
                "from SyncLog l" + where(query) + " order by l.startDate desc, l.id desc", SyncLog.class);
        bind(hql, query);
        return hql.setFirstResult(query.getFirstResult()).setMaxResults(query.getMaxResults()).getResultList();
    }

    /** How many logs match the query, all pages together. */
    public long count(LogQuery query) {
        ColumnCheck.required("query", query);
        TypedQuery<Long> hql = session().createQuery("select count(l) from SyncLog l" + where(query), Long.class);
        bind(hql, query);
        return hql.getSingleResult();
    }

    /**
     * The mapping's latest sync of its delta that finished (SUCCESS or PARTIAL), by end date; null if none has. A
     * reconcile (it sends nothing) and a resend of a reconcile's differences (it sends only those) are no such sync.
     */
    public SyncLog lastSuccess(String mappingUuid) {
        List<SyncLog> found = session()
                .createQuery("from SyncLog l where l.mappingUuid = :mapping and l.status in (:statuses)"
                        + " and (l.kind is null or l.kind in ('SYNC', 'RESEND_FROM_DATE'))"
                        + " and l.endDate is not null order by l.endDate desc, l.id desc", SyncLog.class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .setParameterList("statuses", Arrays.asList(SyncStatus.SUCCESS, SyncStatus.PARTIAL))
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Records synced per day (by the day each run started, in the server's time zone) since {@code from}, oldest
     * day first; days without runs are absent.
     */
    public List<DailyCount> countRecordsPerDay(Date from) {
        List<Object[]> rows = session()
                .createQuery("select cast(l.startDate as date), sum(" + RECORDS_SYNCED + ") from SyncLog l"
                        + " where l.startDate >= :from group by cast(l.startDate as date)"
                        + " order by cast(l.startDate as date)", Object[].class)
                .setParameter("from", ColumnCheck.required("from", from))
                .getResultList();
        List<DailyCount> counts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Date day = (Date) row[0];
            long records = row[1] == null ? 0 : ((Number) row[1]).longValue();
            counts.add(new DailyCount(new java.sql.Date(day.getTime()).toLocalDate(), records));
        }
        return counts;
    }

    private static String where(LogQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (query.getFrom() != null) {
            where.append(" and l.startDate >= :from");
        }
        if (query.getMappingName() != null) {
            where.append(" and l.mappingName = :mappingName");
        }
        if (query.getSyncedBy() != null) {
            where.append(" and l.syncedBy = :syncedBy");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> hql, LogQuery query) {
        if (query.getFrom() != null) {
            hql.setParameter("from", query.getFrom());
        }
        if (query.getMappingName() != null) {
            hql.setParameter("mappingName", query.getMappingName());
        }
        if (query.getSyncedBy() != null) {
            hql.setParameter("syncedBy", query.getSyncedBy());
        }
    }
}
