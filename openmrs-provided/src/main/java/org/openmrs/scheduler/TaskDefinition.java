package org.openmrs.scheduler;

import org.openmrs.BaseChangeableOpenmrsMetadata;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.scheduler.TaskDefinition} (compile only): the fields the
 * module sets when it registers its task.
 */
public class TaskDefinition extends BaseChangeableOpenmrsMetadata {

    private Integer id;
    private String taskClass;
    private Long repeatInterval;
    private Boolean startOnStartup;
    private Boolean started;

    public TaskDefinition() {
    }

    public TaskDefinition(Integer id, String name, String description, String taskClass) {
        this.id = id;
        setName(name);
        setDescription(description);
        this.taskClass = taskClass;
    }

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    public String getTaskClass() {
        return taskClass;
    }

    public void setTaskClass(String taskClass) {
        this.taskClass = taskClass;
    }

    /** Seconds between runs. */
    public Long getRepeatInterval() {
        return repeatInterval;
    }

    public void setRepeatInterval(Long repeatInterval) {
        this.repeatInterval = repeatInterval;
    }

    public Boolean getStartOnStartup() {
        return startOnStartup;
    }

    public void setStartOnStartup(Boolean startOnStartup) {
        this.startOnStartup = startOnStartup;
    }

    public Boolean getStarted() {
        return started;
    }

    public void setStarted(Boolean started) {
        this.started = started;
    }
}
