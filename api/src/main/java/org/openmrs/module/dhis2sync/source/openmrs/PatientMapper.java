package org.openmrs.module.dhis2sync.source.openmrs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openmrs.BaseOpenmrsData;
import org.openmrs.Concept;
import org.openmrs.Patient;
import org.openmrs.PatientIdentifier;
import org.openmrs.PersonAddress;
import org.openmrs.PersonAttribute;
import org.openmrs.PersonName;
import org.openmrs.api.ConceptService;
import org.openmrs.module.dhis2sync.source.PatientField;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates an OpenMRS {@link Patient} into a {@link PatientRecord}, choosing among the patient's rows itself:
 * the preferred non-voided name and address (else the first non-voided one, as OpenMRS does), the non-voided
 * identifiers and attributes by type uuid (a preferred identifier wins when a type repeats).
 */
final class PatientMapper {

    /** The format of a person attribute type whose values are concept ids. */
    static final String CONCEPT_FORMAT = "org.openmrs.Concept";

    private static final Logger log = LoggerFactory.getLogger(PatientMapper.class);

    private final ConceptService conceptService;

    PatientMapper(ConceptService conceptService) {
        if (conceptService == null) {
            throw new IllegalArgumentException("conceptService is required");
        }
        this.conceptService = conceptService;
    }

    PatientRecord map(Patient patient) {
        PersonName name = preferred(patient.getNames(), PersonName::getPreferred);
        PatientIdentifier registrationIdentifier = preferred(patient.getIdentifiers(), PatientIdentifier::getPreferred);
        PersonAddress address = preferred(patient.getAddresses(), PersonAddress::getPreferred);
        return new PatientRecord(patient.getUuid(),
                name == null ? null : name.getGivenName(),
                name == null ? null : name.getMiddleName(),
                name == null ? null : name.getFamilyName(),
                patient.getGender(),
                OpenmrsDates.toLocalDate(patient.getBirthdate()),
                Boolean.TRUE.equals(patient.getBirthdateEstimated()),
                identifiersByType(patient),
                attributesByType(patient),
                address == null ? null : addressFields(address),
                registrationIdentifier == null || registrationIdentifier.getLocation() == null ? null
                        : registrationIdentifier.getLocation().getUuid());
    }

    private static Map<String, String> identifiersByType(Patient patient) {
        Map<String, String> identifiers = new LinkedHashMap<String, String>();
        List<PatientIdentifier> nonVoided = nonVoided(patient.getIdentifiers());
        for (PatientIdentifier identifier : nonVoided) {
            if (Boolean.TRUE.equals(identifier.getPreferred())) {
                identifiers.putIfAbsent(identifier.getIdentifierType().getUuid(), identifier.getIdentifier());
            }
        }
        for (PatientIdentifier identifier : nonVoided) {
            identifiers.putIfAbsent(identifier.getIdentifierType().getUuid(), identifier.getIdentifier());
        }
        return identifiers;
    }

    private Map<String, String> attributesByType(Patient patient) {
        Map<String, String> attributes = new LinkedHashMap<String, String>();
        for (PersonAttribute attribute : nonVoided(patient.getAttributes())) {
            String value = attribute.getValue();
            if (value == null || value.trim().isEmpty()) {
                continue;
            }
            String typeUuid = attribute.getAttributeType().getUuid();
            if (CONCEPT_FORMAT.equals(attribute.getAttributeType().getFormat())) {
                value = answerName(patient, typeUuid, value);
            }
            attributes.putIfAbsent(typeUuid, value);
        }
        return attributes;
    }

    /** A coded attribute stores its answer's concept id; the mapping works with the answer's name. */
    private String answerName(Patient patient, String typeUuid, String storedValue) {
        Concept answer = null;
        try {
            answer = conceptService.getConcept(Integer.valueOf(storedValue.trim()));
        } catch (NumberFormatException e) {
            // left null: reported below
        }
        if (answer == null || answer.getName() == null) {
            log.warn("Patient {}: coded person attribute of type {} holds '{}', which is no concept with a name;"
                    + " its stored value is sent", patient.getUuid(), typeUuid, storedValue);
            return storedValue;
        }
        return answer.getName().getName();
    }

    private static Map<String, String> addressFields(PersonAddress address) {
        Map<String, String> fields = new LinkedHashMap<String, String>();
        for (String property : PatientField.ADDRESS_PROPERTIES) {
            String value = addressProperty(address, property);
            if (value != null && !value.trim().isEmpty()) {
                fields.put(property, value);
            }
        }
        return fields;
    }

    private static String addressProperty(PersonAddress address, String property) {
        switch (property) {
            case "address1": return address.getAddress1();
            case "address2": return address.getAddress2();
            case "address3": return address.getAddress3();
            case "address4": return address.getAddress4();
            case "address5": return address.getAddress5();
            case "address6": return address.getAddress6();
            case "address7": return address.getAddress7();
            case "address8": return address.getAddress8();
            case "address9": return address.getAddress9();
            case "address10": return address.getAddress10();
            case "address11": return address.getAddress11();
            case "address12": return address.getAddress12();
            case "address13": return address.getAddress13();
            case "address14": return address.getAddress14();
            case "address15": return address.getAddress15();
            case "cityVillage": return address.getCityVillage();
            case "countyDistrict": return address.getCountyDistrict();
            case "stateProvince": return address.getStateProvince();
            case "country": return address.getCountry();
            case "postalCode": return address.getPostalCode();
            case "latitude": return address.getLatitude();
            case "longitude": return address.getLongitude();
            default:
                throw new IllegalStateException("PatientField.ADDRESS_PROPERTIES has '" + property
                        + "', which PersonAddress has no getter for here");
        }
    }

    /** The preferred non-voided row, else the first non-voided one, else null. */
    static <T extends BaseOpenmrsData> T preferred(Collection<T> rows, Function<T, Boolean> preferred) {
        List<T> nonVoided = nonVoided(rows);
        for (T row : nonVoided) {
            if (Boolean.TRUE.equals(preferred.apply(row))) {
                return row;
            }
        }
        return nonVoided.isEmpty() ? null : nonVoided.get(0);
    }

    static <T extends BaseOpenmrsData> List<T> nonVoided(Collection<T> rows) {
        List<T> result = new ArrayList<T>();
        if (rows != null) {
            for (T row : rows) {
                if (row != null && !Boolean.TRUE.equals(row.getVoided())) {
                    result.add(row);
                }
            }
        }
        return result;
    }
}
