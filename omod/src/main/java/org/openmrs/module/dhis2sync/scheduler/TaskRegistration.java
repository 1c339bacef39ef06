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

    private final Supplier<SchedulerService> scheduler;
    private final Logger log;

    public TaskRegistration(Supplier<SchedulerService> scheduler, Logger log) {
        this.scheduler = scheduler;
        this.log = log;
    }

    @Override
    public void run() {
        try {
            SchedulerService service = scheduler.get();
            // not getTaskByName: OpenMRS's DAO logs a WARN for a name it does not find, i.e. on every first start
            if (exists(service)) {
                log.debug("scheduler task '{}' exists", TASK_NAME);
                return;
            }
            TaskDefinition task = new TaskDefinition(null, TASK_NAME, DESCRIPTION, Dhis2SyncTask.class.getName());
            task.setRepeatInterval(DEFAULT_INTERVAL_SECONDS);
            task.setStartOnStartup(Boolean.FALSE);
            task.setStarted(Boolean.FALSE);
            service.saveTaskDefinition(task);
            log.info("Created the scheduler task '{}' (not started; every {} s once started)", TASK_NAME,
                    DEFAULT_INTERVAL_SECONDS);
        } catch (RuntimeException | Error e) {
            log.warn("Could not create the scheduler task '{}': {}; create it in Admin → Scheduler with class {}",
                    TASK_NAME, e.toString(), Dhis2SyncTask.class.getName());
        }
    }

    private static boolean exists(SchedulerService service) {
        Collection<TaskDefinition> tasks = service.getRegisteredTasks();
        if (tasks != null) {
            for (TaskDefinition task : tasks) {
                if (TASK_NAME.equals(task.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
