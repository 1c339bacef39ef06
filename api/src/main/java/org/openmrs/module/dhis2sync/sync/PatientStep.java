package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.AttributeValue;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.mapping.AttributeValues;
import org.openmrs.module.dhis2sync.mapping.InstanceMapping;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * Step 1 of a run (seed 3.2.3): patients to tracked entities. A tracked patient updates its tracked entity; an
 * untracked one is looked up in DHIS2 by its searchable attributes (many patients per request) and narrowed by the
 * comparable ones. The UID of every tracked entity is stored (pending) before it is sent and confirmed when DHIS2
 * accepts it, so a run killed in between and re-run updates the same tracked entity.
 */
final class PatientStep {

    private final Dhis2Client client;
    private final ClinicalSource source;
    private final TrackerStore store;
    private final Delivery delivery;
    private final PatientMatching matching;
    private Set<String> uniqueAttributes;

    PatientStep(Dhis2Client client, ClinicalSource source, TrackerStore store, Delivery delivery) {
        this.client = client;
        this.source = source;
        this.store = store;
        this.delivery = delivery;
        this.matching = new PatientMatching(client);
    }

    void sync(RunContext run, List<PatientRecord> patients) {
        if (patients.isEmpty()) {
            return;
        }
        InstanceMapping mapping = run.config().getInstance();
        List<String> uuids = new ArrayList<>();
        for (PatientRecord patient : patients) {
            uuids.add(patient.getUuid());
        }
        Map<String, InstanceTracker> trackers = store.instanceTrackers(uuids);
        Set<String> enrolled = enrolledAmongNeverSent(run, patients, trackers);

        Map<String, Map<String, String>> valuesByPatient = new HashMap<>();
        Map<String, String> orgUnitByPatient = new HashMap<>();
        List<PatientRecord> sendable = new ArrayList<>();
        List<PatientRecord> untracked = new ArrayList<>();
        List<FailureKey> notInProgram = new ArrayList<>();
        for (PatientRecord patient : patients) {
            InstanceTracker tracker = trackers.get(patient.getUuid());
            if (tracker == null && !enrolled.contains(patient.getUuid())) {
                // every enrollment of the patient in the program is voided: a mistaken enrollment, nothing to send
                notInProgram.add(FailureKey.of(SyncCategory.INSTANCE, patient.getUuid()));
                continue;
            }
            Map<String, String> values = asMap(AttributeValues.of(mapping, patient));
            String orgUnit = run.orgUnits().resolve(patient.getRegistrationLocationUuid());
            if (orgUnit == null) {
                String message = OrgUnitResolver.noOrgUnitMessage("patient " + patient.getUuid(),
                        patient.getRegistrationLocationUuid());
                if (run.mode() == RunMode.PREVIEW) {
                    run.tally().pending(new PendingRecord(SyncCategory.INSTANCE, patient.getUuid(), null,
                            tracker == null ? null : tracker.getInstanceUid(), null, values, message));
                } else {
                    delivery.sender().fail(run, FailureKey.of(SyncCategory.INSTANCE, patient.getUuid()),
                            tracker == null ? null : tracker.getInstanceUid(), null, message);
                }
                continue;
            }
            if (run.mode() == RunMode.PREVIEW) {
                run.tally().pending(new PendingRecord(SyncCategory.INSTANCE, patient.getUuid(),
                        tracker == null ? Decision.NEW : Decision.UPDATE,
                        tracker == null ? null : tracker.getInstanceUid(), null, values, null));
                continue;
            }
            valuesByPatient.put(patient.getUuid(), values);
            orgUnitByPatient.put(patient.getUuid(), orgUnit);
            sendable.add(patient);
            if (tracker == null) {
                untracked.add(patient);
            }
        }
        if (run.mode() == RunMode.SYNC) {
            store.clearFailures(run.mappingUuid(), notInProgram);
        }
        if (run.mode() == RunMode.PREVIEW) {
            return;
        }

        DuplicateRegistrations duplicates = new DuplicateRegistrations(store, delivery.sender());
        Set<String> waiting = duplicates.waiting(run, untracked, valuesByPatient, () -> uniqueAttributes(run));
        untracked.removeIf(patient -> waiting.contains(patient.getUuid()));
        sendable.removeIf(patient -> waiting.contains(patient.getUuid()));
        Map<String, InstanceMatch> matches = matching.match(run, mapping, untracked, valuesByPatient);
        Map<String, String> uidByPatient = new HashMap<>();
        for (PatientRecord patient : sendable) {
            InstanceTracker tracker = trackers.get(patient.getUuid());
            InstanceMatch match = matches.get(patient.getUuid());
            if (tracker != null) {
                uidByPatient.put(patient.getUuid(), tracker.getInstanceUid());
            } else if (match.getOutcome() == InstanceMatch.Outcome.ONE_MATCH) {
                uidByPatient.put(patient.getUuid(), match.getMatch().getUid());
            }
        }
        duplicates.load(new HashSet<>(uidByPatient.values()));
        Map<String, String> ownerOrgUnits = ownerOrgUnits(trackers.values());

        List<Outgoing<TrackedEntity>> batch = new ArrayList<>();
        for (PatientRecord patient : sendable) {
            String uuid = patient.getUuid();
            InstanceTracker tracker = trackers.get(uuid);
            String uid = uidByPatient.get(uuid);
            if (uid != null && duplicates.heldByAnother(run, patient, uid, tracker == null)) {
                continue;
            }
            // a tracked entity DHIS2 holds keeps its org unit: the module never moves its ownership
            String orgUnit = ownerOrgUnits.getOrDefault(uid, orgUnitByPatient.get(uuid));
            boolean isNew = false;
            if (tracker == null) {
                InstanceMatch match = matches.get(uuid);
                if (match.getOutcome() == InstanceMatch.Outcome.ONE_MATCH) {
                    // a patient registered elsewhere keeps the org unit that owns it in DHIS2
                    if (match.getMatch().getOrgUnit() != null) {
                        orgUnit = match.getMatch().getOrgUnit();
                    }
                } else {
                    if (match.getOutcome() == InstanceMatch.Outcome.AMBIGUOUS) {
                        run.tally().ambiguous(uuid, match.getCandidateUids());
                    }
                    uid = Uid.generate();
                    isNew = true;
                }
                tracker = new InstanceTracker();
                tracker.setPatientUuid(uuid);
                tracker.setInstanceUid(uid);
                tracker.setCreatedByModule(isNew);
                tracker.setConfirmed(false);
                tracker.setDateCreated(run.now());
                trackers.put(uuid, tracker);
            }
            batch.add(new Outgoing<>(FailureKey.of(SyncCategory.INSTANCE, uuid), uid, isNew,
                    new TrackedEntity(uid, run.config().getTrackedEntityTypeUid(), orgUnit,
                            toAttributes(valuesByPatient.get(uuid)), Collections.emptyList()), tracker));
        }
        for (Delivery.Delivered<TrackedEntity> done : delivery.deliver(run, SyncCategory.INSTANCE,
                ObjectType.TRACKED_ENTITY, batch, client::importTrackedEntities)) {
            if (run.mode() == RunMode.SYNC && done.outgoing().isNew() && done.created()) {
                run.instanceCreated(done.outgoing().uid());
            }
        }
    }

    /** The program's attributes DHIS2 holds unique, read once per run (only when two new patients meet in a chunk). */
    private Set<String> uniqueAttributes(RunContext run) {
        if (uniqueAttributes == null) {
            Set<String> unique = new HashSet<>();
            for (AttributeInfo attribute : client.program(run.config().getDhis2ProgramUid()).getAttributes()) {
                if (attribute.isUnique()) {
                    unique.add(attribute.getUid());
                }
            }
            uniqueAttributes = unique;
        }
        return uniqueAttributes;
    }

    /**
     * Those of the chunk's patients never sent whose enrollments in the program are not all voided (one read for
     * the chunk: the others are tracked already and asked nothing).
     */
    private Set<String> enrolledAmongNeverSent(RunContext run, List<PatientRecord> patients,
            Map<String, InstanceTracker> trackers) {
        List<String> neverSent = new ArrayList<>();
        for (PatientRecord patient : patients) {
            if (!trackers.containsKey(patient.getUuid())) {
                neverSent.add(patient.getUuid());
            }
        }
        Set<String> enrolled = new HashSet<>();
        if (neverSent.isEmpty()) {
            return enrolled;
        }
        for (Map.Entry<String, List<EnrollmentRecord>> ofPatient : source.enrollmentsOfPatients(neverSent,
                run.config().getOpenmrsProgramUuid()).entrySet()) {
            for (EnrollmentRecord enrollment : ofPatient.getValue()) {
                if (!enrollment.isVoided()) {
                    enrolled.add(ofPatient.getKey());
                }
            }
        }
        return enrolled;
    }

    /** The org units DHIS2 holds the chunk's tracked entities in (one read; those it does not hold are left out). */
    private Map<String, String> ownerOrgUnits(Collection<InstanceTracker> trackers) {
        Set<String> uids = new LinkedHashSet<>();
        for (InstanceTracker tracker : trackers) {
            uids.add(tracker.getInstanceUid());
        }
        Map<String, String> orgUnits = new HashMap<>();
        if (!uids.isEmpty()) {
            for (TrackedEntity entity : client.trackedEntitiesByUid(uids)) {
                if (entity.getOrgUnit() != null) {
                    orgUnits.put(entity.getUid(), entity.getOrgUnit());
                }
            }
        }
        return orgUnits;
    }

    private static Map<String, String> asMap(List<AttributeValue> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (AttributeValue value : values) {
            map.put(value.getAttributeUid(), value.getValue());
        }
        return map;
    }

    private static List<AttributeValue> toAttributes(Map<String, String> values) {
        List<AttributeValue> attributes = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            attributes.add(new AttributeValue(value.getKey(), value.getValue()));
        }
        return attributes;
    }
}
