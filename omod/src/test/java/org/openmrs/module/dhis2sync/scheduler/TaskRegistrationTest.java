package org.openmrs.module.dhis2sync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.openmrs.scheduler.SchedulerService;
import org.openmrs.scheduler.TaskDefinition;
import org.slf4j.Logger;

class TaskRegistrationTest {

    private final SchedulerService scheduler = mock(SchedulerService.class);
    private final Logger log = mock(Logger.class);
    private final TaskRegistration registration = new TaskRegistration(() -> scheduler, log);

    @Test
    void createsTheTaskNotStartedHourly() {
        when(scheduler.getRegisteredTasks()).thenReturn(List.of(new TaskDefinition(3, "Auto Close Visits", "", "y")));

        registration.run();

        ArgumentCaptor<TaskDefinition> saved = ArgumentCaptor.forClass(TaskDefinition.class);
        verify(scheduler).saveTaskDefinition(saved.capture());
        TaskDefinition task = saved.getValue();
        assertThat(task.getName()).isEqualTo("DHIS2 Sync");
        assertThat(task.getTaskClass()).isEqualTo("org.openmrs.module.dhis2sync.scheduler.Dhis2SyncTask");
        assertThat(task.getStartOnStartup()).isFalse();
        assertThat(task.getStarted()).isFalse();
        assertThat(task.getRepeatInterval()).isEqualTo(3600L);
        assertThat(task.getDescription()).contains("Scheduled sync");
        assertThat(task.getId()).isNull();
        // looked up among the registered tasks (getTaskByName makes OpenMRS's DAO log a WARN for a missing task)
        verify(log, never()).warn(any(), any(Object[].class));
    }

    @Test
    void leavesAnExistingTaskAsTheImplementerSetIt() {
        when(scheduler.getRegisteredTasks()).thenReturn(List.of(new TaskDefinition(7, "DHIS2 Sync", "", "x")));

        registration.run();

        verify(scheduler, never()).saveTaskDefinition(any());
    }

    @Test
    void neverThrows() {
        when(scheduler.getRegisteredTasks()).thenThrow(new IllegalStateException("no session"));

        assertThatCode(registration::run).doesNotThrowAnyException();

        verify(log).warn(eq("Could not create the scheduler task '{}': {}; create it in Admin → Scheduler with class {}"),
                eq("DHIS2 Sync"), contains("no session"), eq(Dhis2SyncTask.class.getName()));
    }

    @Test
    void createsTheReconcileTaskNotStartedDaily() {
        TaskRegistration.reconcile(() -> scheduler, log).run();

        ArgumentCaptor<TaskDefinition> saved = ArgumentCaptor.forClass(TaskDefinition.class);
        verify(scheduler).saveTaskDefinition(saved.capture());
        TaskDefinition task = saved.getValue();
        assertThat(task.getName()).isEqualTo("DHIS2 Reconcile");
        assertThat(task.getTaskClass()).isEqualTo("org.openmrs.module.dhis2sync.scheduler.Dhis2ReconcileTask");
        assertThat(task.getStarted()).isFalse();
        assertThat(task.getRepeatInterval()).isEqualTo(86400L);
        assertThat(task.getDescription()).contains("nothing is sent");
    }
}
