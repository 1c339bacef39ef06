package org.openmrs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Declaration of OpenMRS core 2.5.x {@code org.openmrs.Concept} (compile only). In OpenMRS {@code getName()}
 * picks the preferred name in the user's locale; this declaration holds no locale logic and answers the first
 * name added.
 */
public class Concept extends BaseOpenmrsObject {

    private Integer conceptId;
    private ConceptDatatype datatype;
    private Collection<ConceptName> names;
    private Collection<ConceptAnswer> answers;
    private List<Concept> setMembers;

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

    /** In OpenMRS: the answers, without retired answer concepts unless asked. Here: every answer set. */
    public Collection<ConceptAnswer> getAnswers(boolean includeRetired) {
        return answers == null ? new ArrayList<ConceptAnswer>() : answers;
    }

    public void setAnswers(Collection<ConceptAnswer> answers) {
        this.answers = answers;
    }

    /** In OpenMRS: the non-retired members of a set concept, in sort order. Here: every member set. */
    public List<Concept> getSetMembers() {
        return setMembers == null ? new ArrayList<Concept>() : setMembers;
    }

    /** In OpenMRS: adds the member through a ConceptSet. Here: appends it. */
    public void addSetMember(Concept setMember) {
        if (setMembers == null) {
            setMembers = new ArrayList<Concept>();
        }
        setMembers.add(setMember);
    }
}
