package org.openmrs.module.dhis2sync;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.openmrs.api.context.Context;
import org.openmrs.module.BaseModuleActivator;
import org.openmrs.module.DaemonToken;
import org.openmrs.module.DaemonTokenAware;
import org.openmrs.module.dhis2sync.api.Dhis2SyncService;
import org.openmrs.module.dhis2sync.api.openmrs.DaemonExecutor;
import org.openmrs.module.dhis2sync.api.openmrs.DaemonTokenHolder;
import org.openmrs.module.dhis2sync.scheduler.TaskRegistration;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the module's start and stop and whether it is ready to talk to DHIS2. It never throws for a problem an
 * implementer can fix later (missing or bad settings, DHIS2 down): OpenMRS would mark a module that fails to start
 * as not started and stop starting it on later boots. On start it also makes sure the scheduler task "DHIS2 Sync"
 * exists, and frees the locks of runs that died with the previous start of this server ({@link DeadRunRelease}),
 * in an OpenMRS daemon thread (the scheduler needs a session with "Manage Scheduler", the module's service its
 * privilege).
 */
public class Dhis2SyncActivator extends BaseModuleActivator implements DaemonTokenAware {

    private final Supplier<SyncSettings> settings;
    private final DaemonTokenHolder daemonTokens;
    private final Logger log;
    private final Executor background;
    private final Runnable taskRegistration;
    private final Runnable deadRunRelease;

    /** Used by OpenMRS. */
    public Dhis2SyncActivator() {
        this(new ContextSettingsReader(), DaemonTokenHolder.shared(), LoggerFactory.getLogger(Dhis2SyncActivator.class),
            new DaemonExecutor(DaemonTokenHolder.shared()),
            bothTasks(),
            new DeadRunRelease(() -> Context.getService(Dhis2SyncService.class),
                LoggerFactory.getLogger(DeadRunRelease.class)));
    }

    /** The scheduler tasks "DHIS2 Sync" and "DHIS2 Reconcile", each created when absent. */
    private static Runnable bothTasks() {
        Runnable sync = new TaskRegistration(Context::getSchedulerService,
                LoggerFactory.getLogger(TaskRegistration.class));
        Runnable reconcile = TaskRegistration.reconcile(Context::getSchedulerService,
                LoggerFactory.getLogger(TaskRegistration.class));
        return () -> {
            sync.run();
            reconcile.run();
        };
    }

    Dhis2SyncActivator(Supplier<SyncSettings> settings, DaemonTokenHolder daemonTokens, Logger log,
        Executor background, Runnable taskRegistration, Runnable deadRunRelease) {
        this.settings = settings;
        this.daemonTokens = daemonTokens;
        this.log = log;
        this.background = background;
        this.taskRegistration = taskRegistration;
        this.deadRunRelease = deadRunRelease;
    }

    @Override
    public void setDaemonToken(DaemonToken token) {
        daemonTokens.set(token);
    }

    @Override
    public void started() {
        log.info("DHIS2 Sync started");
        try {
            SyncSettings current = settings.get();
            if (current.isConfigured()) {
                log.info("DHIS2 Sync sends to {} (API: {}, batch size {}, timeout {} s)", current.getUrl(),
                    current.getApi().text(), current.getBatchSize(), current.getTimeoutSeconds());
            } else {
                log.warn("DHIS2 Sync is not configured yet: set the DHIS2 URL and credentials in its settings");
            }
        }
        catch (InvalidSettingsException e) {
            log.warn("DHIS2 Sync started with invalid settings; fix them before syncing. {}", e.getMessage());
        }
        catch (RuntimeException e) {
            log.warn("DHIS2 Sync started, but its settings could not be read: {}", e.toString(), e);
        }
        registerSchedulerTask();
        releaseDeadRuns();
    }

    private void registerSchedulerTask() {
        try {
            background.execute(taskRegistration);
        }
        catch (RuntimeException e) {
            log.warn("DHIS2 Sync could not check its scheduler task '{}': {}", TaskRegistration.TASK_NAME, e.getMessage());
        }
    }

    private void releaseDeadRuns() {
        try {
            background.execute(deadRunRelease);
        }
        catch (RuntimeException e) {
            log.warn("DHIS2 Sync could not free the locks of runs that died with its previous start: {}",
                e.getMessage());
        }
    }

    @Override
    public void stopped() {
        daemonTokens.clear();
        log.info("DHIS2 Sync stopped");
    }
}
