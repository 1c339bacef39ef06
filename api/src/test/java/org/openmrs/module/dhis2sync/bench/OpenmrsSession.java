package org.openmrs.module.dhis2sync.bench;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.orm.hibernate5.SessionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Hibernate session OpenMRS binds to a thread for as long as the thread works ({@code Context.openSession()},
 * as its daemon threads, scheduler and web requests do): opened from the SessionFactory in flush mode MANUAL and
 * bound as the thread's current session, so that every transaction of the thread without a session of its own runs
 * in it. What stays in it between transactions is what a run leaves behind.
 */
final class OpenmrsSession implements AutoCloseable {

    private final SessionFactory sessionFactory;
    private final Session session;

    private OpenmrsSession(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
        this.session = sessionFactory.openSession();
        session.setHibernateFlushMode(FlushMode.MANUAL);
        TransactionSynchronizationManager.bindResource(sessionFactory, new SessionHolder(session));
    }

    /** As {@code HibernateContextDAO.openSession()} of OpenMRS 2.5.14 (the thread has no session yet). */
    static OpenmrsSession open(SessionFactory sessionFactory) {
        if (TransactionSynchronizationManager.hasResource(sessionFactory)) {
            throw new IllegalStateException("this thread has a session already");
        }
        return new OpenmrsSession(sessionFactory);
    }

    /** Entities and collections the thread's session holds now. */
    String contents() {
        return session.getStatistics().getEntityCount() + " entities, "
                + session.getStatistics().getCollectionCount() + " collections";
    }

    @Override
    public void close() {
        TransactionSynchronizationManager.unbindResource(sessionFactory);
        session.close();
    }
}
