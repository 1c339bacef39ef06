package org.openmrs.module.dhis2sync.mapping;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.openmrs.module.dhis2sync.source.PatientField;

/**
 * One patient field sent to a DHIS2 tracked entity attribute. Searchable attributes are used to look a new
 * patient up in DHIS2; comparable ones narrow several hits down to one.
 */
@JsonPropertyOrder({ "source", "attributeUid", "searchable", "comparable" })
public final class AttributeMapping {

    private final String source;
    private final String attributeUid;
    private final boolean searchable;
    private final boolean comparable;
    /** Null when {@code source} is outside the catalogue; {@link MappingValidator} reports why. */
    private final PatientField field;

    /**
     * @param source the field's text form (see {@link PatientField}), e.g. {@code givenName} or
     *               {@code identifier:<identifier type uuid>}
     * @param searchable null (left out) means false
     * @param comparable null (left out) means false
     */
    @JsonCreator
    public AttributeMapping(@JsonProperty("source") String source, @JsonProperty("attributeUid") String attributeUid,
            @JsonProperty("searchable") Boolean searchable, @JsonProperty("comparable") Boolean comparable) {
        this.source = source;
        this.attributeUid = attributeUid;
        this.searchable = Boolean.TRUE.equals(searchable);
        this.comparable = Boolean.TRUE.equals(comparable);
        this.field = parseOrNull(source);
    }

    private static PatientField parseOrNull(String source) {
        try {
            return PatientField.parse(source);
        } catch (IllegalArgumentException notInCatalogue) {
            return null;
        }
    }

    public String getSource() {
        return source;
    }

    /**
     * The parsed source field.
     *
     * @throws IllegalArgumentException naming the problem, when the source is not a catalogue field (only in a
     *                                  mapping that was not validated)
     */
    @JsonIgnore
    public PatientField getField() {
        if (field == null) {
            // parse again only to carry its message
            PatientField.parse(source);
        }
        return field;
    }

    public String getAttributeUid() {
        return attributeUid;
    }

    public boolean isSearchable() {
        return searchable;
    }

    public boolean isComparable() {
        return comparable;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttributeMapping)) {
            return false;
        }
        AttributeMapping that = (AttributeMapping) o;
        return searchable == that.searchable && comparable == that.comparable && Objects.equals(source, that.source)
                && Objects.equals(attributeUid, that.attributeUid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, attributeUid, searchable, comparable);
    }

    @Override
    public String toString() {
        return source + " -> " + attributeUid;
    }
}
