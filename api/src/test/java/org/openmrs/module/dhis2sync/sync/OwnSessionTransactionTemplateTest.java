package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.UUID;

import org.hibernate.CacheMode;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;
import org.openmrs.module.dhis2sync.tracking.Marker;
import org.openmrs.module.dhis2sync.tracking.MarkerDao;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.springframework.orm.hibernate5.SessionHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each transaction of the template runs in a session of its own, whatever the thread holds: the idle session OpenMRS
 * binds to its threads, a caller's transaction, a scope with synchronization but no transaction, or nothing.
 */
class OwnSessionTransactionTemplateTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    private final TrackingDatabase db = DATABASES.get(TestDatabase.Kind.H2);
    private final SessionFactory sessionFactory = db.getSessionFactory();
    private final MarkerDao markers = db.markerDao();
    private final OwnSessionTransactionTemplate write =
            new OwnSessionTransactionTemplate(db.getTransactionManager(), sessionFactory);
    private final OwnSessionTransactionTemplate read =
            OwnSessionTransactionTemplate.readOnly(db.getTransactionManager(), sessionFactory);
    private Session openmrsSession;

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    @AfterEach
    void unbindOpenmrsSession() {
        if (openmrsSession != null) {
            TransactionSynchronizationManager.unbindResource(sessionFactory);
            openmrsSession.close();
        }
    }

    /** What OpenMRS's Context.openSession() does on a daemon thread, the scheduler's or a web request's. */
    private Session bindOpenmrsSession() {
        openmrsSession = sessionFactory.openSession();
        openmrsSession.setHibernateFlushMode(FlushMode.MANUAL);
        TransactionSynchronizationManager.bindResource(sessionFactory, new SessionHolder(openmrsSession));
        return openmrsSession;
    }

    private Marker stored(String mappingUuid) {
        return read.execute(status -> markers.find(mappingUuid, SyncCategory.INSTANCE));
    }

    private static Marker marker(String mappingUuid) {
        Marker marker = new Marker();
        marker.setMappingUuid(mappingUuid);
        marker.setCategory(SyncCategory.INSTANCE);
        marker.setLastSyncedDate(new Date(1_700_000_000_000L));
        return marker;
    }

    @Test
    void leavesNothingInTheSessionOpenmrsBindsAndPutsItBack() {
        Session bound = bindOpenmrsSession();
        String mapping = UUID.randomUUID().toString();

        Session used = write.execute(status -> {
            markers.save(marker(mapping));
            return sessionFactory.getCurrentSession();
        });
        Marker found = read.execute(status -> {
            assertThat(sessionFactory.getCurrentSession()).isNotSameAs(bound);
            return markers.find(mapping, SyncCategory.INSTANCE);
        });

        assertThat(used).isNotSameAs(bound);
        assertThat(used.isOpen()).as("the template's session is closed with its transaction").isFalse();
        assertThat(found.getMappingUuid()).isEqualTo(mapping);
        assertThat(bound.getStatistics().getEntityCount()).isZero();
        assertThat(TransactionSynchronizationManager.getResource(sessionFactory))
                .isInstanceOfSatisfying(SessionHolder.class, holder -> assertThat(holder.getSession()).isSameAs(bound));
        // the same transaction manager without the template runs in the bound session and leaves the row there
        new TransactionTemplate(db.getTransactionManager()).execute(status -> markers.find(mapping,
                SyncCategory.INSTANCE));
        assertThat(bound.getStatistics().getEntityCount()).isEqualTo(1);
    }

    @Test
    void suspendsTheCallersTransaction() {
        String mapping = UUID.randomUUID().toString();
        TransactionTemplate caller = new TransactionTemplate(db.getTransactionManager());

        boolean[] sameSession = {true};
        caller.executeWithoutResult(outer -> {
            Session outerSession = sessionFactory.getCurrentSession();
            write.executeWithoutResult(status -> {
                sameSession[0] = sessionFactory.getCurrentSession() == outerSession;
                markers.save(marker(mapping));
            });
            assertThat(sessionFactory.getCurrentSession()).isSameAs(outerSession);
            outer.setRollbackOnly();
        });

        assertThat(sameSession[0]).isFalse();
        assertThat(stored(mapping))
                .as("committed on its own, not rolled back with the caller").isNotNull();
    }

    /** As the service's methods that run a mapping chunk by chunk: read-only, NOT_SUPPORTED. */
    @Test
    void worksInAScopeWithSynchronizationButNoTransaction() {
        Session bound = bindOpenmrsSession();
        String mapping = UUID.randomUUID().toString();
        TransactionTemplate notSupported = new TransactionTemplate(db.getTransactionManager());
        notSupported.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        notSupported.setReadOnly(true);

        notSupported.executeWithoutResult(scope -> {
            // a read outside any transaction, as a service method without one does
            sessionFactory.getCurrentSession().createQuery("from Marker", Marker.class).list();
            Session used = write.execute(status -> {
                markers.save(marker(mapping));
                return sessionFactory.getCurrentSession();
            });
            assertThat(used).isNotSameAs(bound);
        });

        assertThat(stored(mapping)).isNotNull();
        assertThat(TransactionSynchronizationManager.getResource(sessionFactory))
                .isInstanceOfSatisfying(SessionHolder.class, holder -> assertThat(holder.getSession()).isSameAs(bound));
        Session openmrsTransactions = new TransactionTemplate(db.getTransactionManager()).execute(status ->
                sessionFactory.getCurrentSession());
        assertThat(openmrsTransactions).as("OpenMRS's own transactions still run in its session").isSameAs(bound);
    }

    @Test
    void worksInAScopeWhoseSessionSpringOpened() {
        String mapping = UUID.randomUUID().toString();
        TransactionTemplate notSupported = new TransactionTemplate(db.getTransactionManager());
        notSupported.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        notSupported.setReadOnly(true);

        notSupported.executeWithoutResult(scope -> {
            Session scopeSession = sessionFactory.getCurrentSession();
            Session used = write.execute(status -> {
                markers.save(marker(mapping));
                return sessionFactory.getCurrentSession();
            });
            assertThat(used).isNotSameAs(scopeSession);
            assertThat(sessionFactory.getCurrentSession()).isSameAs(scopeSession);
        });

        assertThat(stored(mapping)).isNotNull();
        assertThat(TransactionSynchronizationManager.hasResource(sessionFactory)).isFalse();
    }

    @Test
    void readsInASessionThatNeverFlushesNorTouchesTheSecondLevelCache() {
        bindOpenmrsSession();
        String mapping = UUID.randomUUID().toString();
        write.executeWithoutResult(status -> markers.save(marker(mapping)));

        read.executeWithoutResult(status -> {
            Session session = sessionFactory.getCurrentSession();
            assertThat(session.getCacheMode()).isEqualTo(CacheMode.IGNORE);
            assertThat(session.getHibernateFlushMode()).isEqualTo(FlushMode.MANUAL);
            Marker found = markers.find(mapping, SyncCategory.INSTANCE);
            assertThat(session.isReadOnly(found)).isTrue();
            found.setLastSyncedDate(new Date(0));
        });

        assertThat(stored(mapping).getLastSyncedDate())
                .as("a change made in a read is never written").hasSameTimeAs(new Date(1_700_000_000_000L));
    }

    @Test
    void worksWithNothingBound() {
        String mapping = UUID.randomUUID().toString();
        write.executeWithoutResult(status -> markers.save(marker(mapping)));
        assertThat(stored(mapping)).isNotNull();
        assertThat(TransactionSynchronizationManager.hasResource(sessionFactory)).isFalse();
    }
}
