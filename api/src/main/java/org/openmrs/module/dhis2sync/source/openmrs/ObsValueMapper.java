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
        String conceptUuid = concept == null ? null : concept.getUuid();
        String conceptName = nameOf(concept);
        String formName = BahmniFormPath.formName(obs.getFormNamespaceAndPath());
        if (ConceptDatatype.BOOLEAN.equals(datatype)) {
            Boolean value = booleanValue(obs);
            if (value != null) {
                return new ObsValue(conceptUuid, conceptName, ObsValue.Type.BOOLEAN, value.toString(), null, formName,
                        groupConceptUuids);
            }
        }
        if (obs.getValueNumeric() != null) {
            return new ObsValue(conceptUuid, conceptName, ObsValue.Type.NUMERIC, number(obs.getValueNumeric()), null,
                    formName, groupConceptUuids);
        }
        if (obs.getValueCoded() != null) {
            return new ObsValue(conceptUuid, conceptName, ObsValue.Type.CODED, nameOf(obs.getValueCoded()),
                    obs.getValueCoded().getUuid(), formName, groupConceptUuids);
        }
        if (obs.getValueDatetime() != null) {
            if (ConceptDatatype.DATE.equals(datatype)) {
                return new ObsValue(conceptUuid, conceptName, ObsValue.Type.DATE,
                        OpenmrsDates.toLocalDate(obs.getValueDatetime()).toString(), null, formName, groupConceptUuids);
            }
            return new ObsValue(conceptUuid, conceptName, ObsValue.Type.DATETIME,
                    OpenmrsDates.toLocalDateTime(obs.getValueDatetime()).format(DATETIME), null, formName,
                    groupConceptUuids);
        }
        if (obs.getValueText() != null) {
            return new ObsValue(conceptUuid, conceptName, ObsValue.Type.TEXT, obs.getValueText(), null, formName,
                    groupConceptUuids);
        }
        log.warn("Obs {} of concept {} holds no numeric, coded, boolean, date or text value: left out",
                obs.getUuid(), conceptUuid);
        return null;
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
