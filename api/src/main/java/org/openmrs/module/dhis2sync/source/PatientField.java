package org.openmrs.module.dhis2sync.source;

import java.util.Objects;

/**
 * One registration data point of a patient that a mapping can send to a DHIS2 attribute: the catalogue of
 * source fields. Its text form is what a mapping stores: {@code givenName}, {@code middleName},
 * {@code familyName}, {@code gender}, {@code birthdate}, {@code birthdateEstimated},
 * {@code identifier:<identifier type uuid>}, {@code attribute:<person attribute type uuid>},
 * {@code address:<PersonAddress property, e.g. cityVillage>}.
 */
public final class PatientField {

    public enum Kind {
        GIVEN_NAME("givenName"), MIDDLE_NAME("middleName"), FAMILY_NAME("familyName"), GENDER("gender"),
        BIRTHDATE("birthdate"), BIRTHDATE_ESTIMATED("birthdateEstimated"),
        IDENTIFIER("identifier"), ATTRIBUTE("attribute"), ADDRESS("address");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        boolean needsReference() {
            return this == IDENTIFIER || this == ATTRIBUTE || this == ADDRESS;
        }
    }

    /** The PersonAddress properties OpenMRS 2.5 has (address1..15 included). */
    public static final java.util.List<String> ADDRESS_PROPERTIES = java.util.Collections.unmodifiableList(
            java.util.Arrays.asList("address1", "address2", "address3", "address4", "address5", "address6",
                    "address7", "address8", "address9", "address10", "address11", "address12", "address13",
                    "address14", "address15", "cityVillage", "countyDistrict", "stateProvince", "country",
                    "postalCode", "latitude", "longitude"));

    private final Kind kind;
    private final String reference;

    private PatientField(Kind kind, String reference) {
        this.kind = kind;
        this.reference = reference;
    }

    public static PatientField of(Kind kind) {
        if (kind.needsReference()) {
            throw new IllegalArgumentException(kind.key() + " needs a reference");
        }
        return new PatientField(kind, null);
    }

    public static PatientField identifier(String identifierTypeUuid) {
        return new PatientField(Kind.IDENTIFIER, requireText(identifierTypeUuid, "identifier type uuid"));
    }

    public static PatientField attribute(String personAttributeTypeUuid) {
        return new PatientField(Kind.ATTRIBUTE, requireText(personAttributeTypeUuid, "person attribute type uuid"));
    }

    public static PatientField address(String property) {
        if (!ADDRESS_PROPERTIES.contains(property)) {
            throw new IllegalArgumentException("unknown address field '" + property + "'; known: " + ADDRESS_PROPERTIES);
        }
        return new PatientField(Kind.ADDRESS, property);
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming what is wrong, for a field outside the catalogue
     */
    public static PatientField parse(String text) {
        if (text == null || text.trim().isEmpty()) {
            throw new IllegalArgumentException("source field is empty");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        String key = colon < 0 ? trimmed : trimmed.substring(0, colon);
        String reference = colon < 0 ? null : trimmed.substring(colon + 1);
        for (Kind kind : Kind.values()) {
            if (kind.key().equals(key)) {
                if (!kind.needsReference()) {
                    if (reference != null) {
                        throw new IllegalArgumentException("source field '" + text + "' takes no ':' part");
                    }
                    return of(kind);
                }
                if (reference == null || reference.isEmpty()) {
                    throw new IllegalArgumentException("source field '" + text + "' needs '" + key + ":<...>'");
                }
                switch (kind) {
                    case IDENTIFIER:
                        return identifier(reference);
                    case ATTRIBUTE:
                        return attribute(reference);
                    default:
                        return address(reference);
                }
            }
        }
        throw new IllegalArgumentException("unknown source field '" + text + "'");
    }

    private static String requireText(String value, String what) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value.trim();
    }

    public Kind getKind() {
        return kind;
    }

    /** The identifier type uuid, person attribute type uuid or address property; null for the others. */
    public String getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return reference == null ? kind.key() : kind.key() + ":" + reference;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PatientField)) {
            return false;
        }
        PatientField that = (PatientField) o;
        return kind == that.kind && Objects.equals(reference, that.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reference);
    }
}
