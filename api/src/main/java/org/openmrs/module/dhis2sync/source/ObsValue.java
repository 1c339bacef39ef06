package org.openmrs.module.dhis2sync.source;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;

/**
 * One non-voided, non-group observation of an encounter (obs groups are flattened to their members), with
 * what a mapping needs to pick it: its concept, the Bahmni form it was entered through, and the concepts of the
 * obs groups above it (a concept-set form's set is one of them); and, to choose among several obs of one concept
 * (a multi-select answer, a repeated section), when it was observed and its id.
 */
public final class ObsValue {

    /** How the value is held: the concept's datatype as OpenMRS stores it. */
    public enum Type { NUMERIC, TEXT, CODED, BOOLEAN, DATE, DATETIME }

    private final String conceptUuid;
    private final String conceptName;
    private final Type type;
    private final String value;
    private final String codedAnswerUuid;
    private final String formName;
    private final List<String> groupConceptUuids;
    private final LocalDateTime obsDatetime;
    private final Integer obsId;

    /**
     * @param value the value as text: a number as OpenMRS prints it, text, "true"/"false", yyyy-MM-dd,
     *              an ISO datetime, or a coded answer's concept name
     * @param codedAnswerUuid the answer concept's uuid for CODED, else null
     * @param formName the Bahmni form name from {@code obs.form_namespace_and_path} (without version), or null
     * @param groupConceptUuids concepts of the enclosing obs groups, outermost first
     */
    public ObsValue(String conceptUuid, String conceptName, Type type, String value, String codedAnswerUuid,
            String formName, List<String> groupConceptUuids) {
        this(conceptUuid, conceptName, type, value, codedAnswerUuid, formName, groupConceptUuids, null, null);
    }

    /**
     * @param obsDatetime {@code obs.obs_datetime}, or null when unknown
     * @param obsId       {@code obs.obs_id}, or null when unknown (then the obs's place in its encounter's list,
     *                    which OpenMRS's edge fills in id order, stands for it)
     */
    public ObsValue(String conceptUuid, String conceptName, Type type, String value, String codedAnswerUuid,
            String formName, List<String> groupConceptUuids, LocalDateTime obsDatetime, Integer obsId) {
        this.conceptUuid = conceptUuid;
        this.conceptName = conceptName;
        this.type = type;
        this.value = value;
        this.codedAnswerUuid = codedAnswerUuid;
        this.formName = formName;
        this.groupConceptUuids = groupConceptUuids == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new java.util.ArrayList<String>(groupConceptUuids));
        this.obsDatetime = obsDatetime;
        this.obsId = obsId;
    }

    public String getConceptUuid() {
        return conceptUuid;
    }

    public String getConceptName() {
        return conceptName;
    }

    public Type getType() {
        return type;
    }

    public String getValue() {
        return value;
    }

    public String getCodedAnswerUuid() {
        return codedAnswerUuid;
    }

    public String getFormName() {
        return formName;
    }

    public List<String> getGroupConceptUuids() {
        return groupConceptUuids;
    }

    /** When the obs was observed, or null when unknown. */
    public LocalDateTime getObsDatetime() {
        return obsDatetime;
    }

    /** The obs's id in OpenMRS, or null when unknown. */
    public Integer getObsId() {
        return obsId;
    }

    @Override
    public String toString() {
        return conceptName + "=" + value;
    }
}
