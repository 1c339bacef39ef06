package org.openmrs.module.dhis2sync.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;

import org.hibernate.SessionFactory;

/**
 * The one-run-per-mapping lock, held in {@code dhis2sync_run_lock} so it holds across manual and scheduled starts,
 * across servers sharing the database, and across restarts: a row names the server instance whose run holds it, so
 * a restarted server knows the rows its previous life left; a holder of another server that died stops its
 * heartbeat and its lock goes stale.
 * <p>
 * Each call should run in its own short transaction, committed at once, so other contenders see the outcome. The
 * insert and the take-overs run as plain JDBC on the session's connection: a refused insert is an expected outcome
 * here, and going through Hibernate would mark the whole transaction rollback-only. RunLocks are returned as
 * snapshots, not managed entities.
 */
public class RunLockDao extends HibernateDao {

    static final String TABLE = "dhis2sync_run_lock";
    private static final int MYSQL_DEADLOCK = 1213;
    private static final String COLUMNS =
            "id, mapping_uuid, run_id, owner, server_name, instance_id, started_at, heartbeat_at";

    public RunLockDao(SessionFactory sessionFactory) {
        super(sessionFactory);
    }

    /**
     * Takes the mapping's lock for the claiming run: by inserting its row when there is none; at once from a holder
     * that {@code notRunning} knows is not going (a previous life of this server); or from a holder whose heartbeat
     * is older than {@code staleBefore}. Both take-overs are guarded {@code UPDATE}s naming the holder's run (and,
     * for a stale one, its old heartbeat), so of two contenders only one can win. Asking again for the run that
     * already holds the lock succeeds.
     *
     * @param claim the run asking: mapping, run id, owner, server, instance and the time now (its start and first
     *              heartbeat)
     * @return the outcome; when refused, the holder as this attempt saw it (null when a contender's row was not
     *         visible to it yet: read it again in a new transaction)
     */
    public RunLockAcquisition tryAcquire(RunLock claim, Date staleBefore, Predicate<RunLock> notRunning) {
        ColumnCheck.required("claim", claim);
        ColumnCheck.text("mappingUuid", claim.getMappingUuid(), 38);
        ColumnCheck.text("runId", claim.getRunId(), 38);
        ColumnCheck.text("owner", claim.getOwner(), 100);
        ColumnCheck.optionalText("serverName", claim.getServerName(), 255);
        ColumnCheck.optionalText("instanceId", claim.getInstanceId(), 38);
        ColumnCheck.required("startedAt", claim.getStartedAt());
        ColumnCheck.required("staleBefore", staleBefore);
        ColumnCheck.required("notRunning", notRunning);
        return session().doReturningWork(connection -> {
            RunLock holder = select(connection, "mapping_uuid = ?", claim.getMappingUuid()).stream().findFirst()
                    .orElse(null);
            if (holder == null) {
                return insert(connection, claim) ? RunLockAcquisition.of(RunLockAcquisition.Outcome.FREE, null)
                        : RunLockAcquisition.of(RunLockAcquisition.Outcome.REFUSED, null);
            }
            if (holder.getRunId().equals(claim.getRunId())) {
                return RunLockAcquisition.of(RunLockAcquisition.Outcome.ALREADY_HELD, null);
            }
            if (notRunning.test(holder)) {
                return replace(connection, claim, holder, null)
                        ? RunLockAcquisition.of(RunLockAcquisition.Outcome.TAKEN_FROM_LEFT_RUN, holder)
                        : RunLockAcquisition.of(RunLockAcquisition.Outcome.REFUSED, holder);
            }
            if (holder.getHeartbeatAt().before(staleBefore) && replace(connection, claim, holder, staleBefore)) {
                return RunLockAcquisition.of(RunLockAcquisition.Outcome.TAKEN_FROM_STALE_RUN, holder);
            }
            return RunLockAcquisition.of(RunLockAcquisition.Outcome.REFUSED, holder);
        });
    }

    /**
     * Records that the run is still alive.
     *
     * @return false if the run no longer holds the lock (another run took it over)
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
        String mapping = ColumnCheck.required("mappingUuid", mappingUuid);
        List<RunLock> rows = session().doReturningWork(connection -> select(connection, "mapping_uuid = ?", mapping));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Every lock held by a run of that server, whatever its instance, oldest first. */
    public List<RunLock> findByServer(String serverName) {
        String server = ColumnCheck.required("serverName", serverName);
        return session().doReturningWork(connection -> select(connection, "server_name = ?", server));
    }

    /** A plain read: it takes no lock, so it cannot deadlock with a contender's insert. */
    private static List<RunLock> select(Connection connection, String condition, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from " + TABLE + " where " + condition + " order by id")) {
            select.setString(1, value);
            List<RunLock> locks = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    RunLock lock = new RunLock();
                    lock.setId(rs.getLong(1));
                    lock.setMappingUuid(rs.getString(2));
                    lock.setRunId(rs.getString(3));
                    lock.setOwner(rs.getString(4));
                    lock.setServerName(rs.getString(5));
                    lock.setInstanceId(rs.getString(6));
                    lock.setStartedAt(toDate(rs.getTimestamp(7)));
                    lock.setHeartbeatAt(toDate(rs.getTimestamp(8)));
                    locks.add(lock);
                }
            }
            return locks;
        }
    }

    private static Date toDate(Timestamp timestamp) {
        return timestamp == null ? null : new Date(timestamp.getTime());
    }

    /**
     * False when a contender inserted first: the unique key on mapping_uuid refuses the second row. InnoDB may
     * instead pick one of two inserts of a key just deleted (the previous run's release, not yet purged) as a
     * deadlock victim and roll its transaction back: that contender lost the race too.
     */
    private static boolean insert(Connection connection, RunLock claim) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
                + " (mapping_uuid, run_id, owner, server_name, instance_id, started_at, heartbeat_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, claim.getMappingUuid());
            insert.setString(2, claim.getRunId());
            insert.setString(3, claim.getOwner());
            insert.setString(4, claim.getServerName());
            insert.setString(5, claim.getInstanceId());
            insert.setTimestamp(6, new Timestamp(claim.getStartedAt().getTime()));
            insert.setTimestamp(7, new Timestamp(claim.getStartedAt().getTime()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (isDuplicateKey(e) || isDeadlockVictim(e)) {
                return false;
            }
            throw e;
        }
    }

    /** SQLSTATE 40001 (serialization failure), MySQL/MariaDB's ER_LOCK_DEADLOCK 1213. */
    private static boolean isDeadlockVictim(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && ("40001".equals(((SQLException) t).getSQLState())
                    || ((SQLException) t).getErrorCode() == MYSQL_DEADLOCK)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gives the holder's row to the claiming run, guarded by the holder's run id (and, when {@code staleBefore} is
     * given, by its heartbeat being older): the row lock the UPDATE takes makes a second contender wait, then find
     * another run id there, so it changes 0 rows.
     */
    private static boolean replace(Connection connection, RunLock claim, RunLock holder, Date staleBefore)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + TABLE
                + " set run_id = ?, owner = ?, server_name = ?, instance_id = ?, started_at = ?, heartbeat_at = ?"
                + " where mapping_uuid = ? and run_id = ?" + (staleBefore == null ? "" : " and heartbeat_at < ?"))) {
            update.setString(1, claim.getRunId());
            update.setString(2, claim.getOwner());
            update.setString(3, claim.getServerName());
            update.setString(4, claim.getInstanceId());
            update.setTimestamp(5, new Timestamp(claim.getStartedAt().getTime()));
            update.setTimestamp(6, new Timestamp(claim.getStartedAt().getTime()));
            update.setString(7, claim.getMappingUuid());
            update.setString(8, holder.getRunId());
            if (staleBefore != null) {
                update.setTimestamp(9, new Timestamp(staleBefore.getTime()));
            }
            return update.executeUpdate() == 1;
        }
    }
}
