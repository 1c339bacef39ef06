package org.openmrs;

import java.util.ArrayList;
import java.util.Collection;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.Concept} (compile only). In OpenMRS {@code getName()}
 * picks the preferred name in the user's locale; this declaration holds no locale logic and answers the first
 * name added.
 */
public class Concept extends BaseOpenmrsObject {

    private Integer conceptId;
    private ConceptDatatype datatype;
    private Collection<ConceptName> names;

    public Concept() {
    }

    public Concept(Integer conceptId) {
        this.conceptId = conceptId;
    }

    public Integer getConceptId() {
        return conceptId;
    }

    public void setConceptId(Integer conceptId) {
        this.conceptId = conceptId;
    }

    public ConceptDatatype getDatatype() {
        return datatype;
    }

    public void setDatatype(ConceptDatatype conceptDatatype) {
        this.datatype = conceptDatatype;
    }

    public ConceptName getName() {
        return getNames().isEmpty() ? null : getNames().iterator().next();
    }

    public Collection<ConceptName> getNames() {
        if (names == null) {
            names = new ArrayList<>();
        }
        return names;
    }

    public void setNames(Collection<ConceptName> names) {
        this.names = names;
    }

    public void addName(ConceptName conceptName) {
        getNames().add(conceptName);
    }
}
