package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * What a run has done so far. Written by the run's thread, read by progress requests: synchronized, and the lists
 * are capped so that a run over a whole population never holds it in memory.
 */
public final class RunTally {

    static final int LIST_CAP = 500;

    private final Map<SyncCategory, int[]> counts = new EnumMap<>(SyncCategory.class);
    private final List<String> ambiguous = new ArrayList<>();
    private int ambiguousCount;
    private final List<String> failureMessages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int warningCount;
    private final List<PendingRecord> pending = new ArrayList<>();
    private final Map<SyncCategory, int[]> pendingCounts = new EnumMap<>(SyncCategory.class);
    private final List<ValidationVerdict> verdicts = new ArrayList<>();
    /** The records judged so far (one verdict each). */
    private final java.util.Set<String> judged = new java.util.HashSet<>();
    private String phase = "starting";
    private String recordsWithheld;
    private final Listener listener;

    /** Hears each pending record and verdict as the run finds it (a background job listing them as they come). */
    public interface Listener {
        default void pending(PendingRecord record) {
        }

        default void verdict(ValidationVerdict verdict) {
        }
    }

    public RunTally() {
        this(new Listener() {
        });
    }

    public RunTally(Listener listener) {
        this.listener = listener;
    }

    public synchronized void phase(String phase) {
        this.phase = phase;
    }

    public synchronized void created(SyncCategory category) {
        slot(counts, category)[0]++;
    }

    public synchronized void updated(SyncCategory category) {
        slot(counts, category)[1]++;
    }

    public synchronized void failed(SyncCategory category, String openmrsUuid, String message) {
        slot(counts, category)[2]++;
        if (failureMessages.size() < LIST_CAP) {
            failureMessages.add(category + " " + openmrsUuid + ": " + message);
        }
    }

    /** The record was sent, but not all of what OpenMRS holds (e.g. one of several values of a concept). */
    public synchronized void warning(SyncCategory category, String openmrsUuid, String message) {
        warningCount++;
        if (warnings.size() < LIST_CAP) {
            warnings.add(category + " " + openmrsUuid + ": " + message);
        }
    }

    public synchronized void ambiguous(String patientUuid, List<String> candidateUids) {
        ambiguousCount++;
        if (ambiguous.size() < LIST_CAP) {
            ambiguous.add("patient " + patientUuid + " matched " + candidateUids.size() + " tracked entities "
                    + candidateUids + "; sent as new");
        }
    }

    /** The run found this many records of the category to look at. */
    public synchronized void total(SyncCategory category, int total) {
        slot(counts, category)[4] = total;
    }

    /**
     * Records of the category looked at beyond its delta, and now done: a patient sent first for its enrollment, an
     * encounter sent with an enrollment created in this run. Counted in both looked-at and total, so that looked-at
     * always covers what was created, updated or refused.
     */
    public synchronized void alsoLookedAt(SyncCategory category, int records) {
        int[] slot = slot(counts, category);
        slot[3] += records;
        slot[4] += records;
    }

    /** A chunk of this many records of the category has been looked at. */
    public synchronized void processed(SyncCategory category, int records) {
        slot(counts, category)[3] += records;
    }

    public synchronized void pending(PendingRecord record) {
        slot(pendingCounts, record.getCategory())[0]++;
        listener.pending(record);
        if (pending.size() < LIST_CAP) {
            pending.add(record);
        }
    }

    /**
     * DHIS2's verdict on one record: the first of each record counts (a patient refused before its enrollment is
     * checked again with it; an encounter makes one event per stage it feeds, each under its own UID).
     */
    public synchronized void verdict(ValidationVerdict verdict) {
        String key = verdict.getCategory() + "|" + verdict.getOpenmrsUuid()
                + (verdict.getCategory() == SyncCategory.EVENT ? "|" + verdict.getDhis2Uid() : "");
        if (!judged.add(key)) {
            return;
        }
        listener.verdict(verdict);
        if (verdicts.size() < LIST_CAP * 4) {
            verdicts.add(verdict);
        }
    }

    private static int[] slot(Map<SyncCategory, int[]> map, SyncCategory category) {
        int[] slot = map.get(category);
        if (slot == null) {
            slot = new int[5];
            map.put(category, slot);
        }
        return slot;
    }

    public synchronized RunProgress progress() {
        Map<SyncCategory, CategoryCounts> snapshot = new EnumMap<>(SyncCategory.class);
        for (SyncCategory category : SyncCategory.values()) {
            int[] c = slot(counts, category);
            snapshot.put(category, new CategoryCounts(c[0], c[1], c[2], c[3], Math.max(c[3], c[4])));
        }
        return new RunProgress(phase, snapshot, ambiguousCount);
    }

    public synchronized List<String> ambiguousPatients() {
        return Collections.unmodifiableList(new ArrayList<>(ambiguous));
    }

    public synchronized List<String> failureMessages() {
        return Collections.unmodifiableList(new ArrayList<>(failureMessages));
    }

    public synchronized List<String> warnings() {
        return Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    /** All warnings, also those past the list's cap. */
    public synchronized int warningCount() {
        return warningCount;
    }

    public synchronized List<PendingRecord> pendingRecords() {
        return Collections.unmodifiableList(new ArrayList<>(pending));
    }

    public synchronized int pendingCount(SyncCategory category) {
        return slot(pendingCounts, category)[0];
    }

    /**
     * A copy with the counts only, for a user who may not read OpenMRS's records: no record, value, uuid or message
     * (DHIS2's and the run's can quote values) is carried over.
     *
     * @param reason why the records are withheld, shown to the user
     */
    public synchronized RunTally countsOnly(String reason) {
        RunTally copy = new RunTally();
        copy.phase = phase;
        copy.recordsWithheld = reason;
        copy.ambiguousCount = ambiguousCount;
        copy.warningCount = warningCount;
        counts.forEach((category, slot) -> copy.counts.put(category, slot.clone()));
        pendingCounts.forEach((category, slot) -> copy.pendingCounts.put(category, slot.clone()));
        return copy;
    }

    /** @return why the records were left out ({@link #countsOnly}), or null when they are listed */
    public synchronized String recordsWithheld() {
        return recordsWithheld;
    }

    public synchronized List<ValidationVerdict> verdicts() {
        return Collections.unmodifiableList(new ArrayList<>(verdicts));
    }
}
