package org.openmrs.module.dhis2sync.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;

import org.hibernate.SessionFactory;

/**
 * The one-run-per-mapping lock, held in {@code dhis2sync_run_lock} so it holds across manual and scheduled starts,
 * across servers sharing the database, and across restarts (a holder that died stops its heartbeat and its lock
 * goes stale).
 * <p>
 * Each call should run in its own short transaction, committed at once, so other contenders see the outcome. The
 * insert and the take-over run as plain JDBC on the session's connection: a refused insert is an expected outcome
 * here, and going through Hibernate would mark the whole transaction rollback-only. RunLocks are returned as
 * snapshots, not managed entities.
 */
public class RunLockDao extends HibernateDao {

    static final String TABLE = "dhis2sync_run_lock";

    public RunLockDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Takes the mapping's lock for the run: by inserting its row when there is none, or by taking over a row whose
     * heartbeat is older than {@code staleBefore}. The take-over is a guarded
     * {@code UPDATE ... WHERE heartbeat_at < staleBefore}, so of two contenders only one can win it. Asking again for
     * the run that already holds the lock answers true.
     *
     * @return whether the run now holds the lock
     */
    public boolean tryAcquire(String mappingUuid, String runId, String owner, Date now, Date staleBefore) {
        ColumnCheck.text("mappingUuid", mappingUuid, 38);
        ColumnCheck.text("runId", runId, 38);
        ColumnCheck.text("owner", owner, 100);
        ColumnCheck.required("now", now);
        ColumnCheck.required("staleBefore", staleBefore);
        return session().doReturningWork(connection -> {
            String holder = currentHolder(connection, mappingUuid);
            if (holder == null) {
                return insert(connection, mappingUuid, runId, owner, now);
            }
            if (holder.equals(runId)) {
                return true;
            }
            return takeOverStale(connection, mappingUuid, runId, owner, now, staleBefore);
        });
    }

    /**
     * Records that the run is still alive.
     *
     * @return false if the run no longer holds the lock (another run took it over as stale)
     */
    public boolean heartbeat(String mappingUuid, String runId, Date now) {
        return session()
                .createQuery("update RunLock l set l.heartbeatAt = :now where l.mappingUuid = :mapping and l.runId = :run")
                .setParameter("now", ColumnCheck.required("now", now))
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .setParameter("run", ColumnCheck.required("runId", runId))
                .executeUpdate() == 1;
    }

    /**
     * Gives the lock up, if the run still holds it.
     *
     * @return whether it held it
     */
    public boolean release(String mappingUuid, String runId) {
        return session()
                .createQuery("delete from RunLock l where l.mappingUuid = :mapping and l.runId = :run")
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .setParameter("run", ColumnCheck.required("runId", runId))
                .executeUpdate() == 1;
    }

    /** The mapping's lock as the database holds it now, or null when no run holds it. */
    public RunLock find(String mappingUuid) {
        List<Object[]> rows = session()
                .createQuery("select l.id, l.mappingUuid, l.runId, l.owner, l.startedAt, l.heartbeatAt"
                        + " from RunLock l where l.mappingUuid = :mapping", Object[].class)
                .setParameter("mapping", ColumnCheck.required("mappingUuid", mappingUuid))
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        RunLock lock = new RunLock();
        lock.setId((Long) row[0]);
        lock.setMappingUuid((String) row[1]);
        lock.setRunId((String) row[2]);
        lock.setOwner((String) row[3]);
        lock.setStartedAt((Date) row[4]);
        lock.setHeartbeatAt((Date) row[5]);
        return lock;
    }

    /** A plain read: it takes no lock, so it cannot deadlock with a contender's insert. */
    private static String currentHolder(Connection connection, String mappingUuid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select run_id from " + TABLE + " where mapping_uuid = ?")) {
            select.setString(1, mappingUuid);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** False when a contender inserted first: the unique key on mapping_uuid refuses the second row. */
    private static boolean insert(Connection connection, String mappingUuid, String runId, String owner, Date now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                + " (mapping_uuid, run_id, owner, started_at, heartbeat_at) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, mappingUuid);
            insert.setString(2, runId);
            insert.setString(3, owner);
            insert.setTimestamp(4, new Timestamp(now.getTime()));
            insert.setTimestamp(5, new Timestamp(now.getTime()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The row lock the UPDATE takes makes a second contender wait, then find the heartbeat fresh: 0 rows. */
    private static boolean takeOverStale(Connection connection, String mappingUuid, String runId, String owner,
            Date now, Date staleBefore) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + TABLE
                + " set run_id = ?, owner = ?, started_at = ?, heartbeat_at = ?"
                + " where mapping_uuid = ? and heartbeat_at < ?")) {
            update.setString(1, runId);
            update.setString(2, owner);
            update.setTimestamp(3, new Timestamp(now.getTime()));
            update.setTimestamp(4, new Timestamp(now.getTime()));
            update.setString(5, mappingUuid);
            update.setTimestamp(6, new Timestamp(staleBefore.getTime()));
            return update.executeUpdate() == 1;
        }
    }
}
