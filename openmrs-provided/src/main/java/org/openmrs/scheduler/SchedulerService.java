package org.openmrs.scheduler;

import java.util.Collection;

import org.openmrs.api.OpenmrsService;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.scheduler.SchedulerService} (compile only): the methods the
 * module calls; their {@code @Authorized("Manage Scheduler")} annotations are left out.
 */
public interface SchedulerService extends OpenmrsService {

    /** @return every task definition OpenMRS holds (started or not) */
    public Collection<TaskDefinition> getRegisteredTasks();

    public void saveTaskDefinition(TaskDefinition task);
}
