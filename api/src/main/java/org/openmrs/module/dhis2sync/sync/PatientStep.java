package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openmrs.module.dhis2sync.dhis2.AttributeFilter;
import org.openmrs.module.dhis2sync.dhis2.AttributeValue;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntityQuery;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.mapping.AttributeMapping;
import org.openmrs.module.dhis2sync.mapping.AttributeValues;
import org.openmrs.module.dhis2sync.mapping.InstanceMapping;
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

    /** Values per IN filter: about 0.2 s for 100 on a real DHIS2, and the URL stays under Tomcat's 8 KiB. */
    static final int SEARCH_CHUNK = 100;

    private final Dhis2Client client;
    private final TrackerStore store;
    private final Delivery delivery;

    PatientStep(Dhis2Client client, TrackerStore store, Delivery delivery) {
        this.client = client;
        this.store = store;
        this.delivery = delivery;
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

        Map<String, Map<String, String>> valuesByPatient = new HashMap<>();
        Map<String, String> orgUnitByPatient = new HashMap<>();
        List<PatientRecord> sendable = new ArrayList<>();
        List<PatientRecord> untracked = new ArrayList<>();
        for (PatientRecord patient : patients) {
            InstanceTracker tracker = trackers.get(patient.getUuid());
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
        if (run.mode() == RunMode.PREVIEW) {
            return;
        }

        Map<String, InstanceMatch> matches = match(run, mapping, untracked, valuesByPatient);
        List<Outgoing<TrackedEntity>> batch = new ArrayList<>();
        for (PatientRecord patient : sendable) {
            String uuid = patient.getUuid();
            InstanceTracker tracker = trackers.get(uuid);
            String orgUnit = orgUnitByPatient.get(uuid);
            String uid;
            boolean isNew = false;
            if (tracker != null) {
                uid = tracker.getInstanceUid();
            } else {
                InstanceMatch match = matches.get(uuid);
                if (match.getOutcome() == InstanceMatch.Outcome.ONE_MATCH) {
                    uid = match.getMatch().getUid();
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
                tracker.setConfirmed(false);
                tracker.setDateCreated(run.now());
                trackers.put(uuid, tracker);
            }
            batch.add(new Outgoing<>(FailureKey.of(SyncCategory.INSTANCE, uuid), uid, isNew,
                    new TrackedEntity(uid, run.config().getTrackedEntityTypeUid(), orgUnit,
                            toAttributes(valuesByPatient.get(uuid)), Collections.emptyList()), tracker));
        }
        delivery.deliver(run, SyncCategory.INSTANCE, ObjectType.TRACKED_ENTITY, batch, client::importTrackedEntities);
    }

    /**
     * Looks the untracked patients up in DHIS2, many per request: patients are grouped by which searchable
     * attributes they have values for, each group searched with IN filters, and the results matched back to each
     * patient on all its searchable values.
     */
    private Map<String, InstanceMatch> match(RunContext run, InstanceMapping mapping, List<PatientRecord> untracked,
            Map<String, Map<String, String>> valuesByPatient) {
        Set<String> searchable = attributeUids(mapping.searchable());
        Set<String> comparable = attributeUids(mapping.comparable());
        Map<String, InstanceMatch> matches = new HashMap<>();
        Map<Set<String>, List<PatientRecord>> groups = new LinkedHashMap<>();
        for (PatientRecord patient : untracked) {
            Set<String> present = new TreeSet<>();
            for (String attribute : searchable) {
                if (valuesByPatient.get(patient.getUuid()).containsKey(attribute)) {
                    present.add(attribute);
                }
            }
            if (present.isEmpty()) {
                matches.put(patient.getUuid(), InstanceMatch.decide(Collections.emptyList(), Collections.emptyMap()));
            } else {
                groups.computeIfAbsent(present, k -> new ArrayList<>()).add(patient);
            }
        }
        for (Map.Entry<Set<String>, List<PatientRecord>> group : groups.entrySet()) {
            List<PatientRecord> members = group.getValue();
            for (int from = 0; from < members.size(); from += SEARCH_CHUNK) {
                List<PatientRecord> chunk = members.subList(from, Math.min(members.size(), from + SEARCH_CHUNK));
                List<TrackedEntity> found = search(run, group.getKey(), chunk, valuesByPatient);
                for (PatientRecord patient : chunk) {
                    Map<String, String> values = valuesByPatient.get(patient.getUuid());
                    Map<String, String> searchValues = subset(values, group.getKey());
                    List<TrackedEntity> hits = new ArrayList<>();
                    for (TrackedEntity entity : found) {
                        if (InstanceMatch.agreesOn(entity, searchValues)) {
                            hits.add(entity);
                        }
                    }
                    matches.put(patient.getUuid(), InstanceMatch.decide(hits, subset(values, comparable)));
                }
            }
        }
        return matches;
    }

    /**
     * One request for the chunk: an IN filter on the first of the group's searchable attributes (DHIS2 takes one IN
     * filter per search); the others are compared on the results, patient by patient.
     */
    private List<TrackedEntity> search(RunContext run, Set<String> attributes, List<PatientRecord> chunk,
            Map<String, Map<String, String>> valuesByPatient) {
        String attribute = attributes.iterator().next();
        Set<String> values = new LinkedHashSet<>();
        for (PatientRecord patient : chunk) {
            values.add(valuesByPatient.get(patient.getUuid()).get(attribute));
        }
        return client.findTrackedEntities(TrackedEntityQuery.ofTrackedEntityType(run.config().getTrackedEntityTypeUid())
                .withFilters(AttributeFilter.in(attribute, values)));
    }

    private static Map<String, String> subset(Map<String, String> values, Set<String> keys) {
        Map<String, String> subset = new LinkedHashMap<>();
        for (String key : keys) {
            if (values.containsKey(key)) {
                subset.put(key, values.get(key));
            }
        }
        return subset;
    }

    private static Set<String> attributeUids(List<AttributeMapping> attributes) {
        Set<String> uids = new LinkedHashSet<>();
        for (AttributeMapping attribute : attributes) {
            uids.add(attribute.getAttributeUid());
        }
        return uids;
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
