package org.openmrs;

import java.util.Date;
import java.util.Set;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.Obs} (compile only): the value fields and the group
 * structure. In OpenMRS {@code getValueBoolean()} derives the value from a coded answer (the "true" concept) for
 * a concept of datatype Boolean; this declaration just holds the value.
 */
public class Obs extends BaseFormRecordableOpenmrsData {

    private Integer obsId;
    private Concept concept;
    private Obs obsGroup;
    private Set<Obs> groupMembers;
    private Double valueNumeric;
    private Concept valueCoded;
    private Boolean valueBoolean;
    private Date valueDatetime;
    private String valueText;
    private Date obsDatetime;

    public Obs() {
    }

    public Obs(Integer obsId) {
        this.obsId = obsId;
    }

    public Integer getObsId() {
        return obsId;
    }

    public void setObsId(Integer obsId) {
        this.obsId = obsId;
    }

    public Date getObsDatetime() {
        return obsDatetime;
    }

    public void setObsDatetime(Date obsDatetime) {
        this.obsDatetime = obsDatetime;
    }

    public Concept getConcept() {
        return concept;
    }

    public void setConcept(Concept concept) {
        this.concept = concept;
    }

    public Obs getObsGroup() {
        return obsGroup;
    }

    public void setObsGroup(Obs obsGroup) {
        this.obsGroup = obsGroup;
    }

    /**
     * The members of this obs group, voided included; null when it is not a group. Only {@code true} is answered:
     * the non-voided selection is OpenMRS behaviour this declaration does not imitate.
     */
    public Set<Obs> getGroupMembers(boolean includeVoided) {
        if (!includeVoided) {
            throw new UnsupportedOperationException(
                    "declaration holds the raw member set only: call getGroupMembers(true)");
        }
        return groupMembers;
    }

    public void setGroupMembers(Set<Obs> groupMembers) {
        this.groupMembers = groupMembers;
    }

    public Double getValueNumeric() {
        return valueNumeric;
    }

    public void setValueNumeric(Double valueNumeric) {
        this.valueNumeric = valueNumeric;
    }

    public Concept getValueCoded() {
        return valueCoded;
    }

    public void setValueCoded(Concept valueCoded) {
        this.valueCoded = valueCoded;
    }

    public Boolean getValueBoolean() {
        return valueBoolean;
    }

    public void setValueBoolean(Boolean valueBoolean) {
        this.valueBoolean = valueBoolean;
    }

    public Date getValueDatetime() {
        return valueDatetime;
    }

    public void setValueDatetime(Date valueDatetime) {
        this.valueDatetime = valueDatetime;
    }

    public String getValueText() {
        return valueText;
    }

    public void setValueText(String valueText) {
        this.valueText = valueText;
    }
}
