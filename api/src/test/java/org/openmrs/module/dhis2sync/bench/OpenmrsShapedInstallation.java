package org.openmrs.module.dhis2sync.bench;

import java.util.Date;
import java.util.function.Supplier;

import org.hibernate.SessionFactory;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.openmrs.OpenmrsClinicalSource;
import org.openmrs.module.dhis2sync.sync.OwnSessionTransactionTemplate;
import org.openmrs.module.dhis2sync.sync.RunSettings;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.ServerInstance;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.sync.TrackerStore;
import org.openmrs.module.dhis2sync.sync.TransactionalClinicalSource;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.springframework.orm.hibernate5.HibernateTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module wired as {@code moduleApplicationContext.xml} wires it in OpenMRS, on one SessionFactory holding the
 * module's tables and the OpenMRS-shaped ones: the real {@link OpenmrsClinicalSource} over OpenMRS's services (as
 * {@link OpenmrsShapedServices}), behind the same transaction templates as in the module, the real tracker store,
 * engine and runner. A run goes in the caller's thread inside an {@link OpenmrsSession}, as in OpenMRS's daemon.
 */
final class OpenmrsShapedInstallation {

    private final SessionFactory sessionFactory;
    private final SyncRunner runner;

    OpenmrsShapedInstallation(TrackingDatabase db, Dhis2Client client, int batchSize, Supplier<Date> clock) {
        this.sessionFactory = db.getSessionFactory();
        HibernateTransactionManager transactionManager = db.getTransactionManager();
        TransactionTemplate writeTx = new OwnSessionTransactionTemplate(transactionManager, sessionFactory);
        TransactionTemplate readTx = OwnSessionTransactionTemplate.readOnly(transactionManager, sessionFactory);
        OpenmrsShapedServices services = new OpenmrsShapedServices(sessionFactory, transactionManager);
        ClinicalSource source = new TransactionalClinicalSource(new OpenmrsClinicalSource(sessionFactory,
                services.patients(), services.programs(), services.encounters(), services.concepts()), readTx);
        TrackerStore store = new TrackerStore(writeTx, db.instanceTrackerDao(), db.enrollmentTrackerDao(),
                db.eventTrackerDao(), db.markerDao(), db.failedRecordDao(), db.orgUnitMappingDao());
        RunSettings settings = new RunSettings(batchSize, null);
        this.runner = new SyncRunner(new SyncEngine(source, store, clock), writeTx, db.syncLogDao(), db.runLockDao(),
                () -> client, () -> settings, Runnable::run, clock, ServerInstance.ofUnnamedServer());
    }

    /** A run in this thread, inside a session bound as OpenMRS binds one; what the session held at the end. */
    Finished runInOpenmrsSession(String owner) {
        try (OpenmrsSession session = OpenmrsSession.open(sessionFactory)) {
            RunState state = runner.runNow(BenchInstallation.request(owner), owner);
            return new Finished(state, session.contents());
        }
    }

    record Finished(RunState state, String sessionContents) {
    }
}
