package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.openmrs.module.dhis2sync.mapping.AttributeMapping;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * One person registered twice in OpenMRS: two patients with the same value of an attribute DHIS2 holds unique
 * (typically a national id). DHIS2 checks uniqueness against its database, not within one payload (2.42.5.2 commits
 * both), and two patients sent under one tracked entity UID fail the whole import ("appears twice"). So:
 * <ul>
 * <li>two patients never sent go in one payload only if they share no unique value: the later one waits (a failure
 * saying so; it is de-duplicated against the first one once that one is in DHIS2, by the enrollments step of the
 * same run or by the next run);</li>
 * <li>a tracked entity is given to one patient only: a second patient whose de-duplication finds it, or who shares
 * its UID from an earlier version's tracker rows, is not sent and fails as a probable duplicate registration naming
 * both patients, until the registration is corrected (or the patients merged) in OpenMRS.</li>
 * </ul>
 * The run goes on either way.
 */
final class DuplicateRegistrations {

    private final TrackerStore store;
    private final BatchSender sender;
    /** Tracked entity UID → the patients tracker rows give it to, oldest first. */
    private final Map<String, List<String>> holders = new HashMap<>();
    /** Tracked entity UID → the patient (uuid and name) it was given to in this chunk. */
    private final Map<String, String> holderInChunk = new HashMap<>();
    private final Map<String, String> nameInChunk = new HashMap<>();

    DuplicateRegistrations(TrackerStore store, BatchSender sender) {
        this.store = store;
        this.sender = sender;
    }

    /**
     * The patients never sent who wait for an earlier patient of the chunk with the same searchable value (recorded
     * as failures saying which); the first of each value goes.
     */
    Set<String> waiting(RunContext run, List<PatientRecord> untracked, Map<String, Map<String, String>> values,
            Supplier<Set<String>> uniqueAttributes) {
        Set<String> waiting = new LinkedHashSet<>();
        if (untracked.size() < 2) {
            return waiting;
        }
        // DHIS2's metadata is asked only when two of them share the value of an identifier or searchable attribute
        // (what DHIS2 holds unique in practice), which is rare
        Set<String> seen = new java.util.HashSet<>();
        boolean shared = false;
        for (PatientRecord patient : untracked) {
            for (AttributeMapping attribute : run.config().getInstance().getAttributes()) {
                String value = values.get(patient.getUuid()).get(attribute.getAttributeUid());
                boolean keyLike = attribute.isSearchable() || attribute.getSource().startsWith("identifier:");
                if (keyLike && value != null && !value.isEmpty()
                        && !seen.add(attribute.getAttributeUid() + "=" + value.toLowerCase(Locale.ROOT))) {
                    shared = true;
                }
            }
        }
        if (!shared) {
            return waiting;
        }
        Set<String> unique = uniqueAttributes.get();
        Map<String, PatientRecord> firstByValue = new HashMap<>();
        for (PatientRecord patient : untracked) {
            for (AttributeMapping attribute : run.config().getInstance().getAttributes()) {
                if (!unique.contains(attribute.getAttributeUid())) {
                    continue;
                }
                String value = values.get(patient.getUuid()).get(attribute.getAttributeUid());
                if (value == null || value.isEmpty()) {
                    continue;
                }
                // DHIS2 compares attribute values without case
                String key = attribute.getAttributeUid() + "=" + value.toLowerCase(Locale.ROOT);
                PatientRecord first = firstByValue.putIfAbsent(key, patient);
                if (first != null && first != patient && waiting.add(patient.getUuid())) {
                    sender.fail(run, FailureKey.of(SyncCategory.INSTANCE, patient.getUuid()), null, null,
                            "probable duplicate registration: patient " + describe(patient) + " has the same "
                                    + attribute.getSource() + " '" + value + "' as patient " + describe(first)
                                    + ", sent in the same batch; DHIS2 would register both. It waits for the next"
                                    + " run, where it is matched against the one sent");
                }
            }
        }
        return waiting;
    }

    /** Reads which patients hold those tracked entity UIDs (once per chunk). */
    void load(Set<String> instanceUids) {
        holders.putAll(store.patientsOfInstances(instanceUids));
    }

    /**
     * Whether the tracked entity the patient would be sent as belongs to another patient: tracked to one by an older
     * row, or given to one earlier in this chunk. If so the patient is failed as a probable duplicate registration
     * naming both.
     *
     * @param found whether DHIS2's de-duplication found it (else: the patient's own tracker row holds it)
     */
    boolean heldByAnother(RunContext run, PatientRecord patient, String instanceUid, boolean found) {
        String holder = null;
        List<String> tracked = holders.get(instanceUid);
        if (tracked != null && !tracked.isEmpty() && !tracked.get(0).equals(patient.getUuid())) {
            holder = tracked.get(0);
        }
        String holderName = holder;
        if (holder == null && holderInChunk.containsKey(instanceUid)
                && !holderInChunk.get(instanceUid).equals(patient.getUuid())) {
            holder = holderInChunk.get(instanceUid);
            holderName = nameInChunk.get(instanceUid);
        }
        if (holder == null) {
            holderInChunk.put(instanceUid, patient.getUuid());
            nameInChunk.put(instanceUid, describe(patient));
            return false;
        }
        sender.fail(run, FailureKey.of(SyncCategory.INSTANCE, patient.getUuid()), found ? null : instanceUid, null,
                "probable duplicate registration: patient " + describe(patient) + (found
                        ? " matches, by its searchable attributes, tracked entity " + instanceUid + " of patient "
                        : " is tracked to the same tracked entity " + instanceUid + " as patient ") + holderName
                        + ". Correct the registration in OpenMRS (or merge the two patients); until then this"
                        + " patient is not sent, and every run tries again");
        return true;
    }

    private static String describe(PatientRecord patient) {
        List<String> names = new ArrayList<>();
        for (String name : new String[] {patient.getGivenName(), patient.getFamilyName()}) {
            if (name != null && !name.isEmpty()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? patient.getUuid() : String.join(" ", names) + " (" + patient.getUuid() + ")";
    }
}
