package org.openmrs.module.dhis2sync.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.sync.RunInProgressException;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecordDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync runs as the service starts them: by hand (with a comment, one mapping or all), by the scheduler, again for
 * the failed records; and their preview and validation, whose records are shown only to a user who may read them.
 */
public class SyncRuns {

    static final String SCHEDULED_COMMENT = "Scheduled sync";
    static final String RETRY_COMMENT = "Retry of failed records";
    private static final Logger log = LoggerFactory.getLogger(SyncRuns.class);

    private final MappingRequests mappings;
    private final SyncRunner runner;
    private final FailedRecordDao failures;
    private final RecordReads recordReads;

    public SyncRuns(MappingRequests mappings, SyncRunner runner, FailedRecordDao failures, RecordReads recordReads) {
        this.mappings = mappings;
        this.runner = runner;
        this.failures = failures;
        this.recordReads = recordReads;
    }

    public RunState start(String mappingUuid, String comment) {
        Mapping mapping = mappings.find(mappingUuid);
        return runner.start(mappings.run(mapping, MappingRequests.requireComment(comment)), mappings.manualOwner());
    }

    /** Every unretired mapping but those running already. */
    public List<RunState> startAll(String comment) {
        String why = MappingRequests.requireComment(comment);
        List<RunState> started = new ArrayList<>();
        for (Mapping mapping : mappings.all(false)) {
            try {
                started.add(runner.start(mappings.run(mapping, why), mappings.manualOwner()));
            } catch (RunInProgressException e) {
                log.info("not starting mapping '{}': {}", LogText.of(mapping.getName()), e.getMessage());
            }
        }
        return started;
    }

    /** Every unretired mapping in turn, in the caller's thread, but those running already. */
    public List<RunState> runScheduled() {
        List<RunState> done = new ArrayList<>();
        for (Mapping mapping : mappings.all(false)) {
            try {
                done.add(runner.runNow(mappings.run(mapping, SCHEDULED_COMMENT), "scheduler"));
            } catch (RunInProgressException e) {
                log.info("scheduled sync skips mapping '{}': {}", LogText.of(mapping.getName()), e.getMessage());
            }
        }
        return done;
    }

    public RunState state(String runId) {
        return runner.state(runId);
    }

    public List<RunState> active() {
        return runner.activeRuns();
    }

    public List<String> releaseDead() {
        return runner.releaseDeadRuns();
    }

    /** The preview; its records only for a user holding the {@link RecordReads}, the counts for everyone. */
    public RunTally preview(String mappingUuid) {
        RunTally tally = runner.preview(mappings.run(mappingUuid, null));
        List<String> missing = recordReads.missing();
        return missing.isEmpty() ? tally : tally.countsOnly(RecordReads.withheld(missing));
    }

    public RunTally validate(String mappingUuid) {
        return runner.validate(mappings.run(mappingUuid, null));
    }

    /** A run of the failed record's mapping (which retries all its failed records). */
    public RunState retry(Long failureId) {
        FailedRecord failure = failures.find(failureId);
        if (failure == null) {
            throw new NotFoundException("failed record", String.valueOf(failureId));
        }
        return start(failure.getMappingUuid(), RETRY_COMMENT);
    }

    /** A run of the mapping, or of every mapping holding failed records, but those running already or gone. */
    public List<RunState> retryAll(String mappingUuid) {
        Set<String> mappingUuids = new LinkedHashSet<>();
        if (mappingUuid != null) {
            mappingUuids.add(mappings.find(mappingUuid).getUuid());
        } else {
            for (FailedRecord failure : failures.findAll(0, 10_000)) {
                mappingUuids.add(failure.getMappingUuid());
            }
        }
        List<RunState> started = new ArrayList<>();
        for (String uuid : mappingUuids) {
            try {
                started.add(start(uuid, RETRY_COMMENT));
            } catch (RunInProgressException | NotFoundException e) {
                log.info("not retrying mapping {}: {}", uuid, e.getMessage());
            }
        }
        return started;
    }
}
