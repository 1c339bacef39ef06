package org.openmrs.module.dhis2sync.source.openmrs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.openmrs.Encounter;
import org.openmrs.Obs;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;

/**
 * Translates an OpenMRS {@link Encounter} into an {@link EncounterRecord}: its non-voided obs, obs groups
 * flattened to their non-voided members (a voided group hides its members), each member carrying the concepts of
 * the groups above it, outermost first.
 */
final class EncounterMapper {

    /** In id order, so that a record lists its obs the same way on every run. */
    private static final Comparator<Obs> BY_ID = Comparator.comparing(Obs::getObsId,
            Comparator.nullsLast(Comparator.<Integer>naturalOrder()));

    private final ObsValueMapper obsValueMapper = new ObsValueMapper();

    EncounterRecord map(Encounter encounter) {
        List<ObsValue> values = new ArrayList<ObsValue>();
        for (Obs top : sorted(encounter.getAllObs(true))) {
            // group members belong to the encounter too: they are reached through their group
            if (top.getObsGroup() == null) {
                collect(top, Collections.<String>emptyList(), values);
            }
        }
        return new EncounterRecord(encounter.getUuid(),
                encounter.getPatient() == null ? null : encounter.getPatient().getUuid(),
                encounter.getEncounterType() == null ? null : encounter.getEncounterType().getUuid(),
                OpenmrsDates.toLocalDateTime(encounter.getEncounterDatetime()),
                encounter.getLocation() == null ? null : encounter.getLocation().getUuid(),
                encounter.getForm() == null ? null : encounter.getForm().getName(),
                values);
    }

    private void collect(Obs obs, List<String> groupConceptUuids, List<ObsValue> values) {
        if (Boolean.TRUE.equals(obs.getVoided())) {
            return;
        }
        Set<Obs> members = obs.getGroupMembers(true);
        if (members != null && !members.isEmpty()) {
            List<String> groups = new ArrayList<String>(groupConceptUuids);
            groups.add(obs.getConcept() == null ? null : obs.getConcept().getUuid());
            for (Obs member : sorted(members)) {
                collect(member, groups, values);
            }
            return;
        }
        ObsValue value = obsValueMapper.map(obs, groupConceptUuids);
        if (value != null) {
            values.add(value);
        }
    }

    private static List<Obs> sorted(Collection<Obs> obs) {
        List<Obs> list = obs == null ? new ArrayList<Obs>() : new ArrayList<Obs>(obs);
        list.sort(BY_ID);
        return list;
    }
}
