package org.openmrs.module.dhis2sync.reconcile;

import org.openmrs.module.dhis2sync.sync.RunState;

/**
 * A reconcile (or a resend of the differences) as the user sees it: the run (progress, outcome) and, once the
 * comparison has finished, what it found.
 */
public final class ReconcileResult {

    private final String kind;
    private final RunState run;
    private final ReconcileReport report;

    public ReconcileResult(String kind, RunState run, ReconcileReport report) {
        this.kind = kind;
        this.run = run;
        this.report = report;
    }

    /** RECONCILE or RESEND. */
    public String getKind() {
        return kind;
    }

    public RunState getRun() {
        return run;
    }

    /** Null while the comparison is going (or when it failed). */
    public ReconcileReport getReport() {
        return report;
    }
}
