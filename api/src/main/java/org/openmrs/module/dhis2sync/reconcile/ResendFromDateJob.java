package org.openmrs.module.dhis2sync.reconcile;

import java.util.Date;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.sync.RunJob;
import org.openmrs.module.dhis2sync.sync.RunMode;
import org.openmrs.module.dhis2sync.sync.RunSettings;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.sync.TrackerStore;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * Moves a mapping's markers back to a date and runs a sync from there (under the run's lock): every record changed
 * since that date is sent again as OpenMRS and the mapping say now, e.g. after a mapping edit. The markers stay moved
 * back if the sync fails, so the next run sends those records.
 */
public final class ResendFromDateJob implements RunJob {

    private final TrackerStore store;
    private final String mappingUuid;
    private final MappingConfig config;
    private final Date from;

    public ResendFromDateJob(TrackerStore store, String mappingUuid, MappingConfig config, Date from) {
        this.store = store;
        this.mappingUuid = mappingUuid;
        this.config = config;
        this.from = new Date(from.getTime());
    }

    @Override
    public String kind() {
        return "RESEND_FROM_DATE";
    }

    @Override
    public void run(SyncEngine engine, Dhis2Client client, RunSettings settings, RunTally tally, Runnable heartbeat) {
        tally.phase("moving the markers back");
        store.moveMarkersBack(mappingUuid, from);
        engine.run(mappingUuid, config, RunMode.SYNC, client, settings.getBatchSize(), settings.getDefaultOrgUnit(),
                tally, heartbeat);
    }

    public Date getFrom() {
        return new Date(from.getTime());
    }

    @Override
    public SyncStatus status() {
        return null;
    }

    @Override
    public String outcome() {
        return "Resent from " + new java.text.SimpleDateFormat("yyyy-MM-dd HH:mm").format(from);
    }

    @Override
    public String details() {
        return null;
    }
}
