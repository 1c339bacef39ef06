package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.ConceptAnswer} (compile only): the answer concept. */
public class ConceptAnswer extends BaseOpenmrsObject {

    private Concept answerConcept;

    public ConceptAnswer() {
    }

    public ConceptAnswer(Concept answerConcept) {
        this.answerConcept = answerConcept;
    }

    public Concept getAnswerConcept() {
        return answerConcept;
    }

    public void setAnswerConcept(Concept answerConcept) {
        this.answerConcept = answerConcept;
    }
}
