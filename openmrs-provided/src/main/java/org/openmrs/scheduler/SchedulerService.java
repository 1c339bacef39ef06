package org.openmrs.scheduler;

import org.openmrs.api.OpenmrsService;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.scheduler.SchedulerService} (compile only): the methods the
 * module calls; their {@code @Authorized("Manage Scheduler")} annotations are left out.
 */
public interface SchedulerService extends OpenmrsService {

    /** @return the task of that name, or null when there is none */
    public TaskDefinition getTaskByName(String name);

    public void saveTaskDefinition(TaskDefinition task);
}
