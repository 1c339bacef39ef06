package org.openmrs.module.dhis2sync.reconcile;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.sync.RecordSelection;
import org.openmrs.module.dhis2sync.sync.RunJob;
import org.openmrs.module.dhis2sync.sync.RunMode;
import org.openmrs.module.dhis2sync.sync.RunSettings;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * A reconcile of one mapping as a run (its lock, log row and progress), and, when asked to resend, the resend of what
 * it found: the missing records get new UIDs ({@link ReconcileStore#renew}) and the missing and different ones are sent
 * again by the engine, exactly those, whatever the markers say (which do not move). Extra records are only reported.
 */
public final class ReconcileJob implements RunJob {

    private final Reconciler reconciler;
    private final ReconcileStore store;
    private final String mappingUuid;
    private final org.openmrs.module.dhis2sync.mapping.MappingConfig config;
    private final boolean resend;
    private volatile ReconcileReport report;
    private volatile RecordSelection resent;

    /** @param resend whether to send again what the reconcile finds missing or different */
    public ReconcileJob(Reconciler reconciler, ReconcileStore store, String mappingUuid,
            org.openmrs.module.dhis2sync.mapping.MappingConfig config, boolean resend) {
        this.reconciler = reconciler;
        this.store = store;
        this.mappingUuid = mappingUuid;
        this.config = config;
        this.resend = resend;
    }

    @Override
    public String kind() {
        return resend ? "RESEND" : "RECONCILE";
    }

    @Override
    public void run(SyncEngine engine, Dhis2Client client, RunSettings settings, RunTally tally, Runnable heartbeat) {
        RunTally comparing = resend ? new RunTally() : tally;
        if (resend) {
            tally.phase("comparing with DHIS2");
        }
        Findings findings = reconciler.reconcile(mappingUuid, config, client, settings, comparing, heartbeat);
        report = findings.report();
        if (!resend) {
            tally.phase("done");
            return;
        }
        store.renew(findings.missing());
        RecordSelection selection = findings.resendSelection();
        resent = selection;
        engine.runSelected(mappingUuid, config, RunMode.SYNC, client, selection, settings.getBatchSize(),
                settings.getDefaultOrgUnit(), tally, heartbeat);
    }

    /** What the comparison found; null until it has finished. */
    public ReconcileReport getReport() {
        return report;
    }

    /** The records sent again; null for a reconcile alone or before the comparison finished. */
    public RecordSelection getResent() {
        return resent;
    }

    @Override
    public SyncStatus status() {
        if (resend || report == null) {
            return null;
        }
        return report.isClean() ? SyncStatus.SUCCESS : SyncStatus.DRIFT;
    }

    @Override
    public String outcome() {
        if (report == null) {
            return null;
        }
        if (!resend) {
            return (report.isClean() ? "DHIS2 holds what OpenMRS says: " : "Drift found: ") + report.summary()
                    + (report.count(DriftKind.EXTRA) > 0 ? " (extra records are never changed by the module)" : "");
        }
        return "Resent " + resent.size() + " record(s) found missing or different (" + report.summary() + ")";
    }

    @Override
    public String details() {
        if (report == null || report.getDrifts().isEmpty()) {
            return null;
        }
        StringBuilder details = new StringBuilder(resend ? "Found before resending:\n" : "Drift:\n");
        for (Drift drift : report.getDrifts()) {
            details.append(drift).append('\n');
        }
        int listed = report.getDrifts().size();
        int total = report.count(DriftKind.MISSING) + report.count(DriftKind.DIFFERENT) + report.count(DriftKind.EXTRA);
        if (listed < total) {
            details.append("… and ").append(total - listed).append(" more\n");
        }
        return details.toString();
    }
}
