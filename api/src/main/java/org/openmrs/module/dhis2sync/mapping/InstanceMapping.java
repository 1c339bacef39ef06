package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** How a patient becomes a DHIS2 tracked entity: its attributes and the DHIS2 codes of OpenMRS's genders. */
@JsonPropertyOrder({ "attributes", "genderCodes" })
public final class InstanceMapping {

    private final List<AttributeMapping> attributes;
    private final Map<String, String> genderCodes;

    /**
     * @param genderCodes OpenMRS gender (M, F, O, U) to the DHIS2 code (usually an option code of the sex
     *                    attribute's option set); a gender left out is sent as OpenMRS's code
     */
    @JsonCreator
    public InstanceMapping(@JsonProperty("attributes") List<AttributeMapping> attributes,
            @JsonProperty("genderCodes") Map<String, String> genderCodes) {
        this.attributes = Copies.list(attributes);
        this.genderCodes = Copies.map(genderCodes);
    }

    public List<AttributeMapping> getAttributes() {
        return attributes;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, String> getGenderCodes() {
        return genderCodes;
    }

    /** The attributes used to search DHIS2 for a patient not yet tracked. */
    public List<AttributeMapping> searchable() {
        List<AttributeMapping> result = new ArrayList<AttributeMapping>();
        for (AttributeMapping attribute : attributes) {
            if (attribute.isSearchable()) {
                result.add(attribute);
            }
        }
        return result;
    }

    /** The attributes used to narrow several search hits down to one. */
    public List<AttributeMapping> comparable() {
        List<AttributeMapping> result = new ArrayList<AttributeMapping>();
        for (AttributeMapping attribute : attributes) {
            if (attribute.isComparable()) {
                result.add(attribute);
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof InstanceMapping)) {
            return false;
        }
        InstanceMapping that = (InstanceMapping) o;
        return attributes.equals(that.attributes) && genderCodes.equals(that.genderCodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, genderCodes);
    }
}
