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
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntityQuery;
import org.openmrs.module.dhis2sync.mapping.AttributeMapping;
import org.openmrs.module.dhis2sync.mapping.InstanceMapping;
import org.openmrs.module.dhis2sync.source.PatientRecord;

/** The seed's de-duplication of patients never sent, against DHIS2, many patients per search request. */
final class PatientMatching {

    /** Values per IN filter: about 0.2 s for 100 on a real DHIS2, and the URL stays under Tomcat's 8 KiB. */
    static final int SEARCH_CHUNK = 100;

    private final Dhis2Client client;

    PatientMatching(Dhis2Client client) {
        this.client = client;
    }

    /**
     * Looks the untracked patients up in DHIS2, many per request: patients are grouped by which searchable
     * attributes they have values for, each group searched with IN filters, and the results matched back to each
     * patient on all its searchable values.
     */
    Map<String, InstanceMatch> match(RunContext run, InstanceMapping mapping, List<PatientRecord> untracked,
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
}
