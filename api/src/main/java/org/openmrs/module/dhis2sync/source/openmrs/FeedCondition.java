package org.openmrs.module.dhis2sync.source.openmrs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.source.EncounterFeed;

/**
 * The SQL condition on an encounter {@code e} that any of a stage's feeds selects it, with its parameters:
 * by encounter type; by form (the legacy {@code encounter.form_id}, or an obs carrying the Bahmni form in
 * {@code form_namespace_and_path}); by concept set (an obs whose concept is the set, i.e. the group obs).
 */
final class FeedCondition {

    private final String sql;
    private final Map<String, Object> parameters;

    private FeedCondition(String sql, Map<String, Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /**
     * @param countVoidedObs whether a voided obs still ties the encounter to its form or set: true for the delta
     *                       (voiding the last obs of a form must re-send the event without it), false when
     *                       listing the encounters that hold data of the feed now
     * @throws IllegalArgumentException when feeds is empty or holds null
     */
    static FeedCondition of(List<EncounterFeed> feeds, boolean countVoidedObs) {
        if (feeds == null || feeds.isEmpty()) {
            throw new IllegalArgumentException("feeds is empty");
        }
        Set<String> typeUuids = new LinkedHashSet<String>();
        Set<String> formNames = new LinkedHashSet<String>();
        Set<String> setUuids = new LinkedHashSet<String>();
        for (EncounterFeed feed : feeds) {
            if (feed == null) {
                throw new IllegalArgumentException("feeds holds a null feed");
            }
            switch (feed.getKind()) {
                case ENCOUNTER_TYPE:
                    typeUuids.add(feed.getReference());
                    break;
                case FORM:
                    formNames.add(feed.getReference());
                    break;
                case CONCEPT_SET:
                    setUuids.add(feed.getReference());
                    break;
                default:
                    throw new IllegalArgumentException("unknown feed kind " + feed.getKind());
            }
        }
        String obsVoided = countVoidedObs ? "" : " AND fo.voided = 0";
        List<String> alternatives = new ArrayList<String>();
        Map<String, Object> parameters = new LinkedHashMap<String, Object>();
        if (!typeUuids.isEmpty()) {
            alternatives.add("e.encounter_type IN (SELECT et.encounter_type_id FROM encounter_type et"
                    + " WHERE et.uuid IN (:feedTypeUuids))");
            parameters.put("feedTypeUuids", new ArrayList<String>(typeUuids));
        }
        if (!formNames.isEmpty()) {
            alternatives.add("e.form_id IN (SELECT f.form_id FROM form f WHERE f.name IN (:feedFormNames))");
            parameters.put("feedFormNames", new ArrayList<String>(formNames));
            List<String> likes = new ArrayList<String>();
            int i = 0;
            for (String formName : formNames) {
                String name = "feedFormPath" + i++;
                likes.add("fo.form_namespace_and_path LIKE :" + name + " ESCAPE '!'");
                parameters.put(name, escapeLike(BahmniFormPath.prefixOf(formName)) + "%");
            }
            alternatives.add("EXISTS (SELECT 1 FROM obs fo WHERE fo.encounter_id = e.encounter_id" + obsVoided
                    + " AND (" + String.join(" OR ", likes) + "))");
        }
        if (!setUuids.isEmpty()) {
            alternatives.add("EXISTS (SELECT 1 FROM obs fo WHERE fo.encounter_id = e.encounter_id" + obsVoided
                    + " AND fo.concept_id IN (SELECT c.concept_id FROM concept c WHERE c.uuid IN (:feedSetUuids)))");
            parameters.put("feedSetUuids", new ArrayList<String>(setUuids));
        }
        return new FeedCondition("(" + String.join(" OR ", alternatives) + ")", parameters);
    }

    /** A form name is text, not a pattern: its % and _ match themselves. */
    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    String sql() {
        return sql;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
