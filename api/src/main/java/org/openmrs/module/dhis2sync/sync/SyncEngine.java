package org.openmrs.module.dhis2sync.sync;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * One run of one mapping, end to end (seed 3.2.3): patients, then enrollments, then events, each read in chunks of
 * the batch size from the mapping's markers on, after the records that failed last time. The markers advance only
 * when all three steps finished; a failure of DHIS2 itself (the client's exception) leaves them where they were and
 * propagates to the caller, which logs the run as failed.
 */
public class SyncEngine {

    /**
     * How far before its start a run's markers are set. A change committed by a transaction that was already
     * open when the run read its delta, or stamped in the same second (OpenMRS dates have second precision), is
     * then read again by the next run instead of being lost; re-sending it only updates DHIS2. Changes stamped in the
     * hour a daylight-saving fall-back repeats are covered by {@link DeltaSince}, not by this overlap.
     */
    public static final long MARKER_OVERLAP_MILLIS = 60_000L;

    /** Ids per query when a delta is counted for progress. */
    private static final int COUNT_PAGE = 10_000;

    private final ClinicalSource source;
    private final TrackerStore store;
    private final WithdrawalStore withdrawals;
    private final Supplier<Date> clock;
    private final DeltaSince deltaSince;

    /** OpenMRS's change dates are wall-clock times of the JVM's zone. */
    public SyncEngine(ClinicalSource source, TrackerStore store, WithdrawalStore withdrawals, Supplier<Date> clock) {
        this(source, store, withdrawals, clock, ZoneId::systemDefault);
    }

    /** @param zone the zone OpenMRS's change dates (and the markers) are wall-clock times of */
    public SyncEngine(ClinicalSource source, TrackerStore store, WithdrawalStore withdrawals, Supplier<Date> clock,
            Supplier<ZoneId> zone) {
        this.source = source;
        this.store = store;
        this.withdrawals = withdrawals;
        this.clock = clock;
        this.deltaSince = new DeltaSince(zone);
    }

    /** The same engine reading through another source (e.g. the source seen through one patient). */
    public SyncEngine withSource(ClinicalSource other) {
        return new SyncEngine(other, store, withdrawals, clock);
    }

    /**
     * @param client the DHIS2 client for this run (not called at all in PREVIEW)
     * @param heartbeat called after every chunk (keeps the run's lock alive)
     */
    public void run(String mappingUuid, MappingConfig config, RunMode mode, Dhis2Client client, int batchSize,
            String defaultOrgUnit, RunTally tally, Runnable heartbeat) {
        Date startedAt = clock.get();
        OrgUnitResolver orgUnits = new OrgUnitResolver(store.orgUnitByLocation(), defaultOrgUnit);
        // a check: the same walk and steps, each chunk validated with the new objects it refers to (CheckBundle)
        CheckMemory checked = mode == RunMode.VALIDATE ? new CheckMemory() : null;
        Dhis2Client dhis2 = checked == null ? client : new CheckBundle(client, checked);
        TrackerStore trackers = checked == null ? store : new CheckTrackers(store, checked);
        RunContext run = new RunContext(mappingUuid, config, mode, orgUnits, batchSize, tally, clock, checked);
        Delivery delivery = new Delivery(trackers, new BatchSender(trackers));
        // a mapping's first run reads every encounter in its delta: no enrollment owes any
        Backfill backfill = new Backfill(store.marker(mappingUuid, SyncCategory.EVENT) != null);
        PatientStep patients = new PatientStep(dhis2, source, trackers, delivery);
        EnrollmentStep enrollments = new EnrollmentStep(dhis2, source, trackers, delivery, patients, backfill);
        Withdrawals withdrawn = new Withdrawals(source, withdrawals, client, delivery.sender());
        EventStep events = new EventStep(dhis2, source, trackers, delivery, backfill, withdrawn);
        String program = config.getOpenmrsProgramUuid();

        // what OpenMRS voided (or merged away) since the markers leaves DHIS2 first, so nothing below re-uses it
        tally.phase("voids");
        withdrawn.withdraw(run, since(run, SyncCategory.EVENT), since(run, SyncCategory.ENROLLMENT),
                since(run, SyncCategory.INSTANCE));

        tally.phase("patients");
        walk(run, SyncCategory.INSTANCE, source::loadPatientsByUuid, PatientRecord::getUuid,
                (since, after, limit) -> source.changedPatientIds(program, since, after, limit), source::loadPatients,
                chunk -> patients.sync(run, chunk), heartbeat);

        tally.phase("enrollments");
        walk(run, SyncCategory.ENROLLMENT, source::loadEnrollmentsByUuid, EnrollmentRecord::getUuid,
                (since, after, limit) -> source.changedEnrollmentIds(program, since, after, limit),
                source::loadEnrollments, chunk -> enrollments.sync(run, chunk), heartbeat);

        tally.phase("events");
        walk(run, SyncCategory.EVENT, source::loadEncountersByUuid, EncounterRecord::getUuid,
                (since, after, limit) -> source.changedEncounterIds(program, config.feeds(), since, after, limit),
                ids -> {
                    backfill.inDelta(ids);
                    return source.loadEncounters(ids);
                }, chunk -> events.sync(run, chunk, false), heartbeat);
        // encounters whose events went with their enrollment or patient, for another enrollment that covers them
        withdrawn.resend(run, events);
        // encounters the delta does not bring: those of enrollments DHIS2 holds only now, or whose dates changed
        backfill.settle(run, source, events, delivery, heartbeat);
        // deletions the steps themselves asked for in this run (an event that left its enrollment) go now
        withdrawn.finish(run, events);

        if (mode == RunMode.SYNC) {
            tally.phase("finishing");
            store.advanceMarkers(mappingUuid, new Date(startedAt.getTime() - MARKER_OVERLAP_MILLIS));
        }
        tally.phase("done");
    }

    /**
     * Sends exactly the selected records as a run would send them now (patients, then enrollments, then events, in
     * chunks of the batch size), whatever the markers say; the markers do not move. In {@link RunMode#VALIDATE} with a
     * client that only records what it is given, this is what a sync would send of those records.
     *
     * @param heartbeat called after every chunk
     */
    public void runSelected(String mappingUuid, MappingConfig config, RunMode mode, Dhis2Client client,
            RecordSelection selection, int batchSize, String defaultOrgUnit, RunTally tally, Runnable heartbeat) {
        OrgUnitResolver orgUnits = new OrgUnitResolver(store.orgUnitByLocation(), defaultOrgUnit);
        RunContext run = new RunContext(mappingUuid, config, mode, orgUnits, batchSize, tally, clock);
        Delivery delivery = new Delivery(store, new BatchSender(store));
        // a re-created enrollment owes the encounters its dates cover, as in a run (only a sync confirms anything)
        Backfill backfill = new Backfill(mode == RunMode.SYNC);
        PatientStep patients = new PatientStep(client, source, store, delivery);
        EnrollmentStep enrollments = new EnrollmentStep(client, source, store, delivery, patients, backfill);
        Withdrawals withdrawn = new Withdrawals(source, withdrawals, client, delivery.sender());
        EventStep events = new EventStep(client, source, store, delivery, backfill, withdrawn);
        tally.total(SyncCategory.INSTANCE, selection.getPatientUuids().size());
        tally.total(SyncCategory.ENROLLMENT, selection.getEnrollmentUuids().size());
        tally.total(SyncCategory.EVENT, selection.getEncounterUuids().size());
        tally.phase("patients");
        inChunks(selection.getPatientUuids(), batchSize, SyncCategory.INSTANCE, tally, heartbeat,
                chunk -> patients.sync(run, source.loadPatientsByUuid(chunk)));
        tally.phase("enrollments");
        inChunks(selection.getEnrollmentUuids(), batchSize, SyncCategory.ENROLLMENT, tally, heartbeat,
                chunk -> enrollments.sync(run, source.loadEnrollmentsByUuid(chunk)));
        tally.phase("events");
        inChunks(selection.getEncounterUuids(), batchSize, SyncCategory.EVENT, tally, heartbeat,
                chunk -> events.sync(run, source.loadEncountersByUuid(chunk), false));
        backfill.settle(run, source, events, delivery, heartbeat);
        // an event that left its enrollment is deleted now, and its encounter sent where it belongs
        withdrawn.finishSelected(run, events);
        tally.phase("done");
    }

    /**
     * How many records a run would look at if the markers stood at {@code since}: the patients, enrollments and
     * encounters of the mapping's program changed after it (null: all of them).
     */
    public java.util.Map<SyncCategory, Integer> countChangedSince(MappingConfig config, Date since) {
        String program = config.getOpenmrsProgramUuid();
        Date from = since == null ? null : deltaSince.since(since, clock.get());
        java.util.Map<SyncCategory, Integer> counts = new java.util.EnumMap<>(SyncCategory.class);
        counts.put(SyncCategory.INSTANCE, count((s, after, limit) -> source.changedPatientIds(program, s, after,
                limit), from));
        counts.put(SyncCategory.ENROLLMENT, count((s, after, limit) -> source.changedEnrollmentIds(program, s, after,
                limit), from));
        counts.put(SyncCategory.EVENT, count((s, after, limit) -> source.changedEncounterIds(program, config.feeds(),
                s, after, limit), from));
        return counts;
    }

    private static void inChunks(List<String> uuids, int batchSize, SyncCategory category, RunTally tally,
            Runnable heartbeat, java.util.function.Consumer<List<String>> step) {
        for (int from = 0; from < uuids.size(); from += batchSize) {
            List<String> chunk = uuids.subList(from, Math.min(uuids.size(), from + batchSize));
            step.accept(chunk);
            tally.processed(category, chunk.size());
            heartbeat.run();
        }
    }

    /** Records that failed before, then the delta since the category's marker, chunk by chunk. */
    private <R> void walk(RunContext run, SyncCategory category, Function<List<String>, List<R>> loadByUuid,
            Function<R, String> uuidOf, DeltaQuery delta, Function<List<Integer>, List<R>> loadByIds,
            java.util.function.Consumer<List<R>> step, Runnable heartbeat) {
        Set<String> retried = new HashSet<>();
        List<String> failed = store.failedUuids(run.mappingUuid(), category);
        Date since = deltaSince.since(store.marker(run.mappingUuid(), category), run.now());
        run.tally().total(category, failed.size() + count(delta, since));
        for (int from = 0; from < failed.size(); from += run.batchSize()) {
            List<String> uuids = failed.subList(from, Math.min(failed.size(), from + run.batchSize()));
            List<R> records = loadByUuid.apply(uuids);
            Set<String> found = new HashSet<>();
            for (R record : records) {
                found.add(uuidOf.apply(record));
            }
            if (run.mode() == RunMode.SYNC) {
                List<String> gone = new ArrayList<>(uuids);
                gone.removeAll(found);
                // deleted or voided in OpenMRS since; a failed deletion in DHIS2 stays until it is done
                gone.removeAll(withdrawals.pendingUuids(run.mappingUuid(), category));
                store.clearFailures(run.mappingUuid(), category, gone);
            }
            retried.addAll(found);
            step.accept(records);
            run.tally().processed(category, uuids.size());
            heartbeat.run();
        }
        int after = 0;
        while (true) {
            List<Integer> ids = delta.ids(since, after, run.batchSize());
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            List<R> records = new ArrayList<>();
            for (R record : loadByIds.apply(ids)) {
                if (!retried.contains(uuidOf.apply(record))) {
                    records.add(record);
                }
            }
            step.accept(records);
            run.tally().processed(category, ids.size());
            heartbeat.run();
        }
    }

    private Date since(RunContext run, SyncCategory category) {
        return deltaSince.since(store.marker(run.mappingUuid(), category), run.now());
    }

    /** The size of a delta, for progress: its ids only, in large pages (a cheap indexed scan). */
    private static int count(DeltaQuery delta, Date since) {
        int count = 0;
        int after = 0;
        while (true) {
            List<Integer> ids = delta.ids(since, after, COUNT_PAGE);
            count += ids.size();
            if (ids.size() < COUNT_PAGE) {
                return count;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private interface DeltaQuery {
        List<Integer> ids(Date since, int afterId, int limit);
    }
}
