package org.openmrs.module.dhis2sync.scheduler;

import java.util.Collection;
import java.util.function.Supplier;

import org.openmrs.scheduler.SchedulerService;
import org.openmrs.scheduler.TaskDefinition;
import org.slf4j.Logger;

/**
 * Makes sure OpenMRS's scheduler knows the task "DHIS2 Sync": created when absent, not started (an implementer
 * turns it on: Admin → Scheduler → Manage Scheduler), every hour once started. An existing task is left as the
 * implementer set it. Never throws: a module whose start fails is not started again.
 */
public class TaskRegistration implements Runnable {

    public static final String TASK_NAME = "DHIS2 Sync";
    public static final long DEFAULT_INTERVAL_SECONDS = 3600L;
    static final String DESCRIPTION = "Sends every active DHIS2 Sync mapping to DHIS2 (comment \"Scheduled sync\")."
            + " Set the interval, tick Start on startup and Start the task to turn it on.";

    public static final String RECONCILE_TASK_NAME = "DHIS2 Reconcile";
    public static final long RECONCILE_INTERVAL_SECONDS = 86400L;
    static final String RECONCILE_DESCRIPTION = "Compares what DHIS2 holds for every active DHIS2 Sync mapping with"
            + " what OpenMRS says, and logs the drift (nothing is sent). Set the interval, tick Start on startup and"
            + " Start the task to turn it on.";

    private final Supplier<SchedulerService> scheduler;
    private final Logger log;
    private final String name;
    private final String description;
    private final Class<?> taskClass;
    private final long interval;

    /** The task "DHIS2 Sync". */
    public TaskRegistration(Supplier<SchedulerService> scheduler, Logger log) {
        this(scheduler, log, TASK_NAME, DESCRIPTION, Dhis2SyncTask.class, DEFAULT_INTERVAL_SECONDS);
    }

    /** @param interval seconds between executions once an implementer starts it */
    public TaskRegistration(Supplier<SchedulerService> scheduler, Logger log, String name, String description,
            Class<?> taskClass, long interval) {
        this.scheduler = scheduler;
        this.log = log;
        this.name = name;
        this.description = description;
        this.taskClass = taskClass;
        this.interval = interval;
    }

    /** The task "DHIS2 Reconcile": daily once started. */
    public static TaskRegistration reconcile(Supplier<SchedulerService> scheduler, Logger log) {
        return new TaskRegistration(scheduler, log, RECONCILE_TASK_NAME, RECONCILE_DESCRIPTION,
                Dhis2ReconcileTask.class, RECONCILE_INTERVAL_SECONDS);
    }

    @Override
    public void run() {
        try {
            SchedulerService service = scheduler.get();
            // not getTaskByName: OpenMRS's DAO logs a WARN for a name it does not find, i.e. on every first start
            if (exists(service)) {
                log.debug("scheduler task '{}' exists", name);
                return;
            }
            TaskDefinition task = new TaskDefinition(null, name, description, taskClass.getName());
            task.setRepeatInterval(interval);
            task.setStartOnStartup(Boolean.FALSE);
            task.setStarted(Boolean.FALSE);
            service.saveTaskDefinition(task);
            log.info("Created the scheduler task '{}' (not started; every {} s once started)", name, interval);
        } catch (RuntimeException | Error e) {
            log.warn("Could not create the scheduler task '{}': {}; create it in Admin → Scheduler with class {}",
                    name, e.toString(), taskClass.getName());
        }
    }

    private boolean exists(SchedulerService service) {
        Collection<TaskDefinition> tasks = service.getRegisteredTasks();
        if (tasks != null) {
            for (TaskDefinition task : tasks) {
                if (name.equals(task.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
