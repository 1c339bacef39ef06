package org.openmrs.module.dhis2sync.source;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A patient's registration data as the engine sees it, translated from OpenMRS at the edge. Names and address
 * are the preferred, non-voided ones; identifiers and attributes are the non-voided ones, keyed by type uuid
 * (a coded person attribute holds its answer concept's name).
 */
public final class PatientRecord {

    private final String uuid;
    private final String givenName;
    private final String middleName;
    private final String familyName;
    private final String gender;
    private final LocalDate birthdate;
    private final boolean birthdateEstimated;
    private final Map<String, String> identifiersByTypeUuid;
    private final Map<String, String> attributesByTypeUuid;
    private final Map<String, String> address;
    private final String registrationLocationUuid;

    public PatientRecord(String uuid, String givenName, String middleName, String familyName, String gender,
            LocalDate birthdate, boolean birthdateEstimated, Map<String, String> identifiersByTypeUuid,
            Map<String, String> attributesByTypeUuid, Map<String, String> address, String registrationLocationUuid) {
        this.uuid = uuid;
        this.givenName = givenName;
        this.middleName = middleName;
        this.familyName = familyName;
        this.gender = gender;
        this.birthdate = birthdate;
        this.birthdateEstimated = birthdateEstimated;
        this.identifiersByTypeUuid = copy(identifiersByTypeUuid);
        this.attributesByTypeUuid = copy(attributesByTypeUuid);
        this.address = copy(address);
        this.registrationLocationUuid = registrationLocationUuid;
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Collections.<String, String>emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<String, String>(map));
    }

    /** The raw value of one catalogue field, or null when the patient has none (conversion is the mapping's). */
    public String value(PatientField field) {
        switch (field.getKind()) {
            case GIVEN_NAME:
                return givenName;
            case MIDDLE_NAME:
                return middleName;
            case FAMILY_NAME:
                return familyName;
            case GENDER:
                return gender;
            case BIRTHDATE:
                return birthdate == null ? null : birthdate.toString();
            case BIRTHDATE_ESTIMATED:
                return Boolean.toString(birthdateEstimated);
            case IDENTIFIER:
                return identifiersByTypeUuid.get(field.getReference());
            case ATTRIBUTE:
                return attributesByTypeUuid.get(field.getReference());
            case ADDRESS:
                return address.get(field.getReference());
            default:
                throw new IllegalStateException("unhandled field " + field);
        }
    }

    public String getUuid() {
        return uuid;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getMiddleName() {
        return middleName;
    }

    public String getFamilyName() {
        return familyName;
    }

    /** OpenMRS's code: M, F, O or U. */
    public String getGender() {
        return gender;
    }

    public LocalDate getBirthdate() {
        return birthdate;
    }

    public boolean isBirthdateEstimated() {
        return birthdateEstimated;
    }

    public Map<String, String> getIdentifiersByTypeUuid() {
        return identifiersByTypeUuid;
    }

    public Map<String, String> getAttributesByTypeUuid() {
        return attributesByTypeUuid;
    }

    /** Address properties (see {@link PatientField#ADDRESS_PROPERTIES}) with a value. */
    public Map<String, String> getAddress() {
        return address;
    }

    /** The location of the preferred identifier (where the patient was registered), or null. */
    public String getRegistrationLocationUuid() {
        return registrationLocationUuid;
    }

    @Override
    public String toString() {
        return "PatientRecord[" + uuid + "]";
    }
}
