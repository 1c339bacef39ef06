package org.openmrs.module.dhis2sync.mapping;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One concept sent to a DHIS2 data element. For a coded concept, {@code answers} gives the DHIS2 option code of
 * each answer concept; without it, a coded answer is sent by its name.
 */
@JsonPropertyOrder({ "conceptUuid", "dataElementUid", "valueType", "answers" })
public final class DataElementMapping {

    private final String conceptUuid;
    private final String dataElementUid;
    private final Dhis2ValueType valueType;
    private final Map<String, String> answers;

    /**
     * @param valueType the data element's DHIS2 value type, which decides how the obs value is written
     * @param answers   answer concept uuid to DHIS2 option code; null or empty for none
     */
    @JsonCreator
    public DataElementMapping(@JsonProperty("conceptUuid") String conceptUuid,
            @JsonProperty("dataElementUid") String dataElementUid, @JsonProperty("valueType") Dhis2ValueType valueType,
            @JsonProperty("answers") Map<String, String> answers) {
        this.conceptUuid = conceptUuid;
        this.dataElementUid = dataElementUid;
        this.valueType = valueType;
        this.answers = Copies.map(answers);
    }

    public String getConceptUuid() {
        return conceptUuid;
    }

    public String getDataElementUid() {
        return dataElementUid;
    }

    public Dhis2ValueType getValueType() {
        return valueType;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, String> getAnswers() {
        return answers;
    }

    public boolean hasAnswers() {
        return !answers.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataElementMapping)) {
            return false;
        }
        DataElementMapping that = (DataElementMapping) o;
        return Objects.equals(conceptUuid, that.conceptUuid) && Objects.equals(dataElementUid, that.dataElementUid)
                && valueType == that.valueType && answers.equals(that.answers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conceptUuid, dataElementUid, valueType, answers);
    }

    @Override
    public String toString() {
        return conceptUuid + " -> " + dataElementUid + " (" + valueType + ")";
    }
}
