package org.openmrs.module.dhis2sync.api;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.reconcile.ReconcileResult;
import org.openmrs.module.dhis2sync.reconcile.Reconciliations;
import org.openmrs.module.dhis2sync.sync.RunInProgressException;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reconcile and resend runs as the service starts them: by hand with a comment, or by the scheduler. */
public class ReconcileRuns {

    static final String SCHEDULED_COMMENT = "Scheduled reconcile";
    private static final Logger log = LoggerFactory.getLogger(ReconcileRuns.class);

    private final MappingRequests mappings;
    private final Reconciliations reconciliations;

    public ReconcileRuns(MappingRequests mappings, Reconciliations reconciliations) {
        this.mappings = mappings;
        this.reconciliations = reconciliations;
    }

    /** @param resend whether the differences found are sent again, else only reported */
    public RunState start(String mappingUuid, String comment, boolean resend) {
        Mapping mapping = mappings.find(mappingUuid);
        return reconciliations.start(mappings.run(mapping, MappingRequests.requireComment(comment)),
                mappings.manualOwner(), resend);
    }

    public ReconcileResult result(String runId) {
        return reconciliations.result(runId);
    }

    public ReconcileResult latest(String mappingUuid) {
        return reconciliations.latest(mappings.find(mappingUuid).getUuid());
    }

    public Map<SyncCategory, Integer> countFrom(String mappingUuid, Date from) {
        return reconciliations.countFrom(mappings.run(mappingUuid, null), requireDate(from));
    }

    public RunState startFrom(String mappingUuid, Date from, String comment) {
        Mapping mapping = mappings.find(mappingUuid);
        return reconciliations.startFrom(mappings.run(mapping, MappingRequests.requireComment(comment)),
                mappings.manualOwner(), requireDate(from));
    }

    /** Every unretired mapping in turn, in the caller's thread, but those running already. */
    public List<ReconcileResult> runScheduled() {
        List<ReconcileResult> done = new ArrayList<>();
        for (Mapping mapping : mappings.all(false)) {
            try {
                RunState run = reconciliations.runNow(mappings.run(mapping, SCHEDULED_COMMENT), "scheduler");
                ReconcileResult result = reconciliations.result(run.getRunId());
                done.add(result == null ? new ReconcileResult("RECONCILE", run, null) : result);
            } catch (RunInProgressException e) {
                log.info("scheduled reconcile skips mapping '{}': {}", mapping.getName(), e.getMessage());
            }
        }
        return done;
    }

    private static Date requireDate(Date from) {
        if (from == null) {
            throw new FieldException("from", "a date to resend from is required");
        }
        return from;
    }
}
