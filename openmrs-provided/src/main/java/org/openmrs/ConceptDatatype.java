package org.openmrs;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.ConceptDatatype} (compile only): the HL7 abbreviation
 * OpenMRS itself branches on ({@code NM}, {@code CWE}, {@code BIT}, {@code DT}, {@code TS}, {@code TM},
 * {@code ST}...).
 */
public class ConceptDatatype extends BaseChangeableOpenmrsMetadata {

    public static final String BOOLEAN = "BIT";

    public static final String CODED = "CWE";

    public static final String DATE = "DT";

    public static final String DATETIME = "TS";

    public static final String NUMERIC = "NM";

    public static final String TEXT = "ST";

    public static final String TIME = "TM";

    private String hl7Abbreviation;

    public ConceptDatatype() {
    }

    public String getHl7Abbreviation() {
        return hl7Abbreviation;
    }

    public void setHl7Abbreviation(String hl7Abbreviation) {
        this.hl7Abbreviation = hl7Abbreviation;
    }
}
