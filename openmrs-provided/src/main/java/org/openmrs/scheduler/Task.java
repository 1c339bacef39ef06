package org.openmrs.scheduler;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.scheduler.Task} (compile only). */
public interface Task {

    public void execute();

    public void initialize(TaskDefinition definition);

    public TaskDefinition getTaskDefinition();

    boolean isExecuting();

    void shutdown();
}
