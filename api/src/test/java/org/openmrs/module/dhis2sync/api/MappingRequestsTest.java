package org.openmrs.module.dhis2sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingRegistry;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.tracking.FailedRecordDao;

/** How the service's requests name mappings and start runs of them: what the run and job starters share. */
class MappingRequestsTest {

    private final MappingRegistry registry = mock(MappingRegistry.class);
    private final CurrentUser user = mock(CurrentUser.class);
    private final MappingRequests requests = new MappingRequests(registry, user);

    @Test
    void aMappingNoneHasIsNotFound() {
        assertThatThrownBy(() -> requests.find("nope")).isInstanceOf(NotFoundException.class)
            .hasMessage("no mapping with id nope");
    }

    @Test
    void aRunIsAskedInTheCurrentUsersNameAndARetiredMappingIsNotRun() {
        when(user.name()).thenReturn("clerk");
        Mapping mapping = mapping("HIV", false);

        RunRequest request = requests.run(mapping, "monthly");

        assertThat(request.getMappingUuid()).isEqualTo(mapping.getUuid());
        assertThat(request.getUser()).isEqualTo("clerk");
        assertThat(request.getComment()).isEqualTo("monthly");
        assertThat(requests.manualOwner()).isEqualTo("manual:clerk");
        assertThatThrownBy(() -> requests.run(mapping("TB", true), "monthly"))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("mapping 'TB' is retired: it is not synced");
    }

    @Test
    void aRunByHandNeedsAComment() {
        assertThat(MappingRequests.requireComment("  monthly ")).isEqualTo("monthly");
        assertThatThrownBy(() -> MappingRequests.requireComment(" ")).isInstanceOf(FieldException.class)
            .extracting("field").isEqualTo("comment");
    }

    @Test
    void aSyncOfAnUnknownMappingIsNotFoundBeforeItsCommentIsChecked() {
        SyncRunner runner = mock(SyncRunner.class);
        SyncRuns runs = new SyncRuns(requests, runner, mock(FailedRecordDao.class), new RecordReads(user));

        assertThatThrownBy(() -> runs.start("nope", null)).isInstanceOf(NotFoundException.class);
        verify(runner, never()).start(any(), any());
    }

    private Mapping mapping(String name, boolean retired) {
        Mapping mapping = new Mapping();
        mapping.setUuid(name + "-uuid");
        mapping.setName(name);
        mapping.setRetired(retired);
        when(registry.find(mapping.getUuid())).thenReturn(mapping);
        return mapping;
    }
}
