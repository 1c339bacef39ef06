package org.openmrs.module.dhis2sync.source.openmrs;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.openmrs.Concept;
import org.openmrs.ConceptDatatype;
import org.openmrs.ConceptName;
import org.openmrs.Obs;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates one leaf {@link Obs} into an {@link ObsValue}. The type follows the value field OpenMRS filled, the
 * concept's datatype settling what the field alone cannot: a Boolean concept's answer is stored as a coded
 * true/false concept, and value_datetime holds a Date or a Datetime.
 */
final class ObsValueMapper {

    private static final Logger log = LoggerFactory.getLogger(ObsValueMapper.class);

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** The value, or null (logged) for an obs holding none the module can send (complex, drug-only). */
    ObsValue map(Obs obs, List<String> groupConceptUuids) {
        Concept concept = obs.getConcept();
        String datatype = concept == null || concept.getDatatype() == null ? null
                : concept.getDatatype().getHl7Abbreviation();
        Leaf leaf = new Leaf(obs, groupConceptUuids);
        if (ConceptDatatype.BOOLEAN.equals(datatype)) {
            Boolean value = booleanValue(obs);
            if (value != null) {
                return leaf.value(ObsValue.Type.BOOLEAN, value.toString(), null);
            }
        }
        if (obs.getValueNumeric() != null) {
            return leaf.value(ObsValue.Type.NUMERIC, number(obs.getValueNumeric()), null);
        }
        if (obs.getValueCoded() != null) {
            return leaf.value(ObsValue.Type.CODED, nameOf(obs.getValueCoded()), obs.getValueCoded().getUuid());
        }
        if (obs.getValueDatetime() != null) {
            if (ConceptDatatype.DATE.equals(datatype)) {
                return leaf.value(ObsValue.Type.DATE, OpenmrsDates.toLocalDate(obs.getValueDatetime()).toString(),
                        null);
            }
            return leaf.value(ObsValue.Type.DATETIME,
                    OpenmrsDates.toLocalDateTime(obs.getValueDatetime()).format(DATETIME), null);
        }
        if (obs.getValueText() != null) {
            return leaf.value(ObsValue.Type.TEXT, obs.getValueText(), null);
        }
        log.warn("Obs {} of concept {} holds no numeric, coded, boolean, date or text value: left out",
                obs.getUuid(), concept == null ? null : concept.getUuid());
        return null;
    }

    /** What every value of one obs carries besides the value: concept, form, groups, when and which obs. */
    private static final class Leaf {
        private final Obs obs;
        private final List<String> groupConceptUuids;

        Leaf(Obs obs, List<String> groupConceptUuids) {
            this.obs = obs;
            this.groupConceptUuids = groupConceptUuids;
        }

        ObsValue value(ObsValue.Type type, String value, String codedAnswerUuid) {
            Concept concept = obs.getConcept();
            return new ObsValue(concept == null ? null : concept.getUuid(), nameOf(concept), type, value,
                    codedAnswerUuid, BahmniFormPath.formName(obs.getFormNamespaceAndPath()), groupConceptUuids,
                    obs.getObsDatetime() == null ? null : OpenmrsDates.toLocalDateTime(obs.getObsDatetime()),
                    obs.getObsId());
        }
    }

    /** OpenMRS's own boolean reading, else an older numeric 1/0. */
    private static Boolean booleanValue(Obs obs) {
        if (obs.getValueBoolean() != null) {
            return obs.getValueBoolean();
        }
        Double numeric = obs.getValueNumeric();
        if (numeric != null && (numeric == 1d || numeric == 0d)) {
            return numeric == 1d;
        }
        return null;
    }

    /** Plain decimal without a trailing ".0": 72.5 as "72.5", 12.0 as "12", never an exponent. */
    static String number(Double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String nameOf(Concept concept) {
        ConceptName name = concept == null ? null : concept.getName();
        return name == null ? null : name.getName();
    }
}
