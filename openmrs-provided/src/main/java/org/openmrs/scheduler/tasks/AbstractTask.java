package org.openmrs.scheduler.tasks;

import org.openmrs.scheduler.Task;
import org.openmrs.scheduler.TaskDefinition;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.scheduler.tasks.AbstractTask} (compile only). */
public abstract class AbstractTask implements Task {

    protected boolean isExecuting = false;

    protected TaskDefinition taskDefinition;

    protected AbstractTask() {
    }

    protected AbstractTask(TaskDefinition taskDefinition) {
        initialize(taskDefinition);
    }

    @Override
    public abstract void execute();

    @Override
    public boolean isExecuting() {
        return isExecuting;
    }

    @Override
    public void initialize(final TaskDefinition definition) {
        this.taskDefinition = definition;
    }

    @Override
    public TaskDefinition getTaskDefinition() {
        return this.taskDefinition;
    }

    @Override
    public void shutdown() {
        taskDefinition = null;
    }

    public void startExecuting() {
        this.isExecuting = true;
    }

    public void stopExecuting() {
        this.isExecuting = false;
    }
}
