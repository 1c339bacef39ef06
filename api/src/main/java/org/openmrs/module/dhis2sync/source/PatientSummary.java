package org.openmrs.module.dhis2sync.source;

import java.time.LocalDate;
import java.util.Objects;

/** How a person recognises a patient: the preferred name and the preferred identifier (with its type). */
public final class PatientSummary {

    private final String uuid;
    private final String name;
    private final String identifier;
    private final String identifierType;
    private final String gender;
    private final LocalDate birthdate;

    /**
     * @param name the preferred non-voided name as "given middle family" (else the first non-voided one), or null
     * @param identifier the preferred non-voided identifier (else the first non-voided one), or null
     */
    public PatientSummary(String uuid, String name, String identifier, String identifierType, String gender,
            LocalDate birthdate) {
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.name = name;
        this.identifier = identifier;
        this.identifierType = identifierType;
        this.gender = gender;
        this.birthdate = birthdate;
    }

    /** "given middle family" from the parts a name has. */
    public static String fullName(String given, String middle, String family) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {given, middle, family}) {
            if (part != null && !part.trim().isEmpty()) {
                name.append(name.length() == 0 ? "" : " ").append(part.trim());
            }
        }
        return name.length() == 0 ? null : name.toString();
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public String getIdentifier() {
        return identifier;
    }

    public String getIdentifierType() {
        return identifierType;
    }

    /** OpenMRS's code: M, F, O or U; null when unknown. */
    public String getGender() {
        return gender;
    }

    public LocalDate getBirthdate() {
        return birthdate;
    }

    @Override
    public String toString() {
        return name + (identifier == null ? "" : " (" + identifier + ")") + " [" + uuid + "]";
    }
}
