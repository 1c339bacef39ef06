package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;

/**
 * The data values one encounter gives the event of one stage: each mapped data element's value, from the stage's
 * obs of its concept in the encounter, converted by {@link DataValueConverter}.
 * <p>
 * Several obs of one concept in one encounter (a multi-select coded answer is saved as one obs per answer; a section
 * of a Bahmni form repeated saves its fields once per repetition, each under its own obs group):
 * <ul>
 * <li>a {@link Dhis2ValueType#MULTI_TEXT} data element takes them all: every value converted (answers to option
 * codes), each distinct value once, in alphabetical order (so the same selection saved again sends the same text),
 * joined with DHIS2's separator {@value #MULTI_TEXT_SEPARATOR} ({@code ValueType.MULTI_TEXT_SEPARATOR} in DHIS2, which
 * splits the value there to check each code against the option set). A value holding the separator itself cannot be
 * told apart and fails the event with a message naming the concept;</li>
 * <li>any other data element takes one: the most recent obs, by obs_datetime, then by obs id (the later entered);
 * when the obs hold different values, a warning on the record names the concept, the encounter, the values and the
 * one sent, so the mapping can be changed (to MULTI_TEXT, or a stage per section) if all of them matter.</li>
 * </ul>
 */
public final class EventValues {

    /** How DHIS2 separates the values of a MULTI_TEXT data value. */
    public static final String MULTI_TEXT_SEPARATOR = ",";

    /** Later is greater: obs_datetime, then obs id; unknown ones first. */
    private static final Comparator<ObsValue> RECENCY = Comparator
            .comparing(ObsValue::getObsDatetime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ObsValue::getObsId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<String, String> values;
    private final String error;
    private final List<String> warnings;

    private EventValues(Map<String, String> values, String error, List<String> warnings) {
        this.values = Collections.unmodifiableMap(values);
        this.error = error;
        this.warnings = Collections.unmodifiableList(warnings);
    }

    /**
     * @param blanks whether mapped data elements without a value go as empty (null) values: an update clears them
     */
    public static EventValues of(StageMapping stage, EncounterRecord encounter, DataValueConverter converter,
            boolean blanks) {
        Map<String, List<ObsValue>> obsByConcept = new LinkedHashMap<>();
        for (ObsValue obs : stage.obsFor(encounter)) {
            obsByConcept.computeIfAbsent(obs.getConceptUuid(), concept -> new ArrayList<>()).add(obs);
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (DataElementMapping element : stage.getDataElements()) {
            if (blanks) {
                values.put(element.getDataElementUid(), null);
            }
        }
        for (DataElementMapping element : stage.getDataElements()) {
            List<ObsValue> obs = obsByConcept.get(element.getConceptUuid());
            if (obs == null) {
                continue;
            }
            Converted converted = element.getValueType() == Dhis2ValueType.MULTI_TEXT
                    ? joined(element, obs, converter) : latest(element, obs, encounter, converter, warnings);
            if (converted.isError()) {
                return new EventValues(values, converted.getError(), warnings);
            }
            if (converted.isValue()) {
                values.put(element.getDataElementUid(), converted.getValue());
            }
        }
        return new EventValues(values, null, warnings);
    }

    /** Every obs's value, each once, in alphabetical order, joined with DHIS2's separator. */
    private static Converted joined(DataElementMapping element, List<ObsValue> obs, DataValueConverter converter) {
        Set<String> parts = new TreeSet<>();
        for (ObsValue one : obs) {
            Converted converted = converter.convert(element, one);
            if (converted.isError()) {
                return converted;
            }
            if (converted.isValue()) {
                if (obs.size() > 1 && converted.getValue().contains(MULTI_TEXT_SEPARATOR)) {
                    return Converted.error("value '" + converted.getValue() + "' of concept '" + one.getConceptName()
                            + "' holds '" + MULTI_TEXT_SEPARATOR + "', which separates the values of MULTI_TEXT data"
                            + " element " + element.getDataElementUid() + " in DHIS2; map its answers to option"
                            + " codes without it");
                }
                parts.add(converted.getValue());
            }
        }
        return parts.isEmpty() ? Converted.leftOut() : Converted.value(String.join(MULTI_TEXT_SEPARATOR, parts));
    }

    /** The most recent obs's value; a warning when the obs disagree. */
    private static Converted latest(DataElementMapping element, List<ObsValue> obs, EncounterRecord encounter,
            DataValueConverter converter, List<String> warnings) {
        ObsValue latest = obs.get(0);
        Set<String> distinct = new LinkedHashSet<>();
        for (ObsValue one : obs) {
            // ties (unknown times and ids) go to the later in the encounter's list, which is in obs id order
            if (RECENCY.compare(one, latest) >= 0) {
                latest = one;
            }
            distinct.add(one.getType() == ObsValue.Type.CODED ? one.getValue() + " (" + one.getCodedAnswerUuid() + ")"
                    : one.getValue());
        }
        Converted converted = converter.convert(element, latest);
        if (distinct.size() > 1 && !converted.isError()) {
            warnings.add(obs.size() + " values of concept '" + latest.getConceptName() + "' (" + latest.getConceptUuid()
                    + ") in encounter " + encounter.getUuid() + " (" + String.join("; ", distinct) + "); data element "
                    + element.getDataElementUid() + " (" + element.getValueType() + ") takes one: sent the most"
                    + " recent, " + (converted.isValue() ? "'" + converted.getValue() + "'" : "nothing (left out)")
                    + describe(latest) + ". Only a MULTI_TEXT data element takes them all");
        }
        return converted;
    }

    private static String describe(ObsValue obs) {
        if (obs.getObsDatetime() == null && obs.getObsId() == null) {
            return "";
        }
        return " (obs " + (obs.getObsId() == null ? "" : obs.getObsId() + " ")
                + (obs.getObsDatetime() == null ? "" : "of " + obs.getObsDatetime()) + ")";
    }

    /** Data element UID → value (null for a blank that clears it), in the stage's order. */
    public Map<String, String> getValues() {
        return values;
    }

    /** The first conversion error, naming the concept (and answer), or null. */
    public String getError() {
        return error;
    }

    /** One line per data element that got one of several different values. */
    public List<String> getWarnings() {
        return warnings;
    }
}
