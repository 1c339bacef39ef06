package org.openmrs;

/** Declaration of OpenMRS core 2.5.x {@code org.openmrs.ConceptSearchResult} (compile only). */
public class ConceptSearchResult {

    private String word;
    private Concept concept;
    private ConceptName conceptName;

    public ConceptSearchResult() {
    }

    public ConceptSearchResult(String word, Concept concept, ConceptName conceptName) {
        this.word = word;
        this.concept = concept;
        this.conceptName = conceptName;
    }

    public Concept getConcept() {
        return concept;
    }

    public void setConcept(Concept concept) {
        this.concept = concept;
    }

    public ConceptName getConceptName() {
        return conceptName;
    }

    public void setConceptName(ConceptName conceptName) {
        this.conceptName = conceptName;
    }

    public String getWord() {
        return word;
    }

    public void setWord(String word) {
        this.word = word;
    }
}
