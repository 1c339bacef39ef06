package org.openmrs.module.dhis2sync.sync;

import org.hibernate.CacheMode;
import org.hibernate.SessionFactory;
import org.springframework.orm.hibernate5.SessionHolder;
import org.springframework.orm.hibernate5.SpringSessionSynchronization;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction in a Hibernate session of its own, opened for it and closed at its end, whatever the thread holds.
 *
 * <p>OpenMRS binds one session to a thread for as long as it works ({@code Context.openSession()}: daemon threads,
 * the scheduler, web requests). Spring's transaction manager runs every transaction that finds such an idle session
 * bound in that session, and never clears it: a run would keep every patient, name, encounter and obs it read in the
 * one session, and each flush would dirty-check all of them, so that each chunk costs more than the one before.
 * This template takes such a session off the thread for the duration of its transaction (putting it back after), so
 * the transaction manager opens a new one; an actual transaction of the caller is suspended by REQUIRES_NEW as
 * usual. A read-only template's session also never touches the second-level cache ({@link CacheMode#IGNORE}: a
 * run's bulk reads would only evict what OpenMRS's users need there) and, as Spring sets up every new read-only
 * session, never flushes and loads its entities read-only.
 */
public class OwnSessionTransactionTemplate extends TransactionTemplate {

    private static final long serialVersionUID = 1L;

    private final transient SessionFactory sessionFactory;

    /** REQUIRES_NEW, read-write. */
    public OwnSessionTransactionTemplate(PlatformTransactionManager transactionManager,
            SessionFactory sessionFactory) {
        super(transactionManager);
        if (sessionFactory == null) {
            throw new IllegalArgumentException("sessionFactory is required");
        }
        this.sessionFactory = sessionFactory;
        setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A read-only one: REQUIRES_NEW, read-only, the second-level cache left alone. */
    public static OwnSessionTransactionTemplate readOnly(PlatformTransactionManager transactionManager,
            SessionFactory sessionFactory) {
        OwnSessionTransactionTemplate template = new OwnSessionTransactionTemplate(transactionManager, sessionFactory);
        template.setReadOnly(true);
        return template;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        Object idle = idleSession() ? TransactionSynchronizationManager.unbindResource(sessionFactory) : null;
        try {
            return super.execute(status -> {
                if (isReadOnly()) {
                    sessionFactory.getCurrentSession().setCacheMode(CacheMode.IGNORE);
                }
                return action.doInTransaction(status);
            });
        } finally {
            if (idle != null) {
                TransactionSynchronizationManager.bindResource(sessionFactory, idle);
            }
        }
    }

    /**
     * Whether a session is bound that a new transaction would run in: one bound outside any transaction (by
     * OpenMRS), not one Spring suspends itself (the session of an actual transaction, or one opened by Spring for a
     * scope that has synchronization but no transaction).
     */
    private boolean idleSession() {
        Object bound = TransactionSynchronizationManager.getResource(sessionFactory);
        if (!(bound instanceof SessionHolder) || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof SpringSessionSynchronization) {
                    return false;
                }
            }
        }
        return true;
    }
}
