package org.openmrs.module.dhis2sync.tracking;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

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
            if (isDuplicateKey(e)) {
                throw new DuplicateRecordException(table, key, e);
            }
            throw e;
        }
    }

    /**
     * Takes a saved entity out of the transaction's persistence context. Callers saving many entities in one
     * transaction detach each after its save: every flush dirty-checks all entities the context holds, so keeping
     * them makes saving n entities cost n²/2 checks (half the engine's CPU at a batch of 250).
     */
    public void detach(Object entity) {
        session().evict(entity);
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
