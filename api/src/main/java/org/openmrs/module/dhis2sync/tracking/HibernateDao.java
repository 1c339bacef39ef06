package org.openmrs.module.dhis2sync.tracking;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * What every DAO of the module shares: the current session of the caller's transaction (DAOs never open one), and a
 * save that flushes at once so that a unique-key clash surfaces here, as a {@link DuplicateRecordException}, rather
 * than at some later commit.
 */
public abstract class HibernateDao {

    /** Keeps IN lists a size every database plans well. */
    protected static final int IN_LIST_CHUNK = 500;

    /** SQLSTATE of a unique violation (standard; H2). */
    private static final String UNIQUE_VIOLATION_STATE = "23505";
    /** MySQL/MariaDB error codes ER_DUP_ENTRY and ER_DUP_ENTRY_WITH_KEY_NAME. */
    private static final int MYSQL_DUP_ENTRY = 1062;
    private static final int MYSQL_DUP_ENTRY_WITH_KEY_NAME = 1586;

    private final SessionFactory sessionFactory;

    protected HibernateDao(SessionFactory sessionFactory) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
    }

    protected Session session() {
        return sessionFactory.getCurrentSession();
    }

    /**
     * Inserts or updates the entity and flushes.
     *
     * @param table the table, for the error message
     * @param key the entity's unique key as {@code column=value}, for the error message
     * @throws DuplicateRecordException if the database refuses the row for a unique key
     */
    protected <T> T saveAndFlush(T entity, String table, String key) {
        try {
            session().saveOrUpdate(entity);
            session().flush();
            return entity;
        } catch (RuntimeException e) {
            throw duplicateOr(e, table, key);
        }
    }

    /**
     * Inserts or updates each entity and flushes once for them all (an insert is written at once: ids come from the
     * database), then takes them out of the session, so that saving a chunk's rows neither flushes per row nor leaves
     * them for later flushes to check.
     *
     * @param prepare checks and stamps an entity before its save; answers its unique key as {@code column=value}
     * @throws DuplicateRecordException if the database refuses one of them for a unique key
     */
    protected <T> void saveAllAndFlush(Collection<T> entities, String table, Function<T, String> prepare) {
        List<String> keys = new ArrayList<>();
        for (T entity : entities) {
            String key = prepare.apply(entity);
            keys.add(key);
            try {
                session().saveOrUpdate(entity);
            } catch (RuntimeException e) {
                throw duplicateOr(e, table, key);
            }
        }
        try {
            session().flush();
        } catch (RuntimeException e) {
            throw duplicateOr(e, table, keyOrKeys(keys));
        }
        for (T entity : entities) {
            session().evict(entity);
        }
    }

    /**
     * Writes a chunk of tracker rows: the new ones (no id yet) with multi-row inserts, their ids read back by the
     * table's unique key; the others updated with one flush for them all ({@link #saveAllAndFlush}). A chunk costs a
     * few statements rather than one per row, whichever JDBC driver OpenMRS uses.
     *
     * @param prepare checks and stamps a row before it is written; answers its unique key as {@code column=value}
     * @throws DuplicateRecordException if the database refuses one of them for a unique key
     */
    protected <T extends TrackerRow> void saveRows(Collection<T> rows, TrackerTable<T> table,
            Function<T, String> prepare) {
        List<T> inserts = new ArrayList<>();
        List<T> updates = new ArrayList<>();
        java.util.Set<T> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (T row : rows) {
            if (seen.add(row)) {
                (row.getId() == null ? inserts : updates).add(row);
            }
        }
        if (!inserts.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (T row : inserts) {
                keys.add(prepare.apply(row));
            }
            try {
                session().doWork(connection -> table.insert(connection, inserts));
            } catch (RuntimeException e) {
                throw duplicateOr(e, table.name(), keyOrKeys(keys));
            }
            table.readIds(session(), inserts, IN_LIST_CHUNK);
        }
        if (!updates.isEmpty()) {
            saveAllAndFlush(updates, table.name(), prepare);
        }
    }

    /** Marks rows already written confirmed, with one {@code UPDATE} for up to {@link #IN_LIST_CHUNK} of them. */
    protected <T extends TrackerRow> void markConfirmed(Collection<T> rows, TrackerTable<T> table) {
        List<T> written = new ArrayList<>();
        for (T row : rows) {
            if (row.getId() == null) {
                throw new IllegalArgumentException("a row never written cannot be confirmed: " + row);
            }
            written.add(row);
        }
        if (!written.isEmpty()) {
            table.markConfirmed(session(), written, new java.util.Date(), IN_LIST_CHUNK);
        }
    }

    /** The key of a refused write, or of one among several written at once, for the error message. */
    private static String keyOrKeys(List<String> keys) {
        return keys.size() == 1 ? keys.get(0) : "one of " + String.join("; ", keys);
    }

    private static RuntimeException duplicateOr(RuntimeException e, String table, String key) {
        return isDuplicateKey(e) ? new DuplicateRecordException(table, key, e) : e;
    }

    /** Whether the exception (or one of its causes) is the database refusing a duplicate unique key. */
    protected static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && isDuplicateKey((SQLException) t)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDuplicateKey(SQLException e) {
        return UNIQUE_VIOLATION_STATE.equals(e.getSQLState())
                || e.getErrorCode() == MYSQL_DUP_ENTRY
                || e.getErrorCode() == MYSQL_DUP_ENTRY_WITH_KEY_NAME;
    }

    /** @throws IllegalArgumentException naming the field when a page is out of range */
    static void checkPage(int firstResult, int maxResults) {
        if (firstResult < 0) {
            throw new IllegalArgumentException("firstResult must be 0 or more, was " + firstResult);
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be 1 or more, was " + maxResults);
        }
    }

    /** Splits a collection of keys into lists of at most {@link #IN_LIST_CHUNK}, dropping duplicates and nulls. */
    protected static List<List<String>> chunks(Collection<String> keys) {
        List<String> distinct = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            if (key != null) {
                distinct.add(key);
            }
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += IN_LIST_CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + IN_LIST_CHUNK)));
        }
        return chunks;
    }
}
