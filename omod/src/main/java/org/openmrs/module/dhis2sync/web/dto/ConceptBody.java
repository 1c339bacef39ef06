package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.MetadataItem;

/** A concept for the pickers: datatype, answers and set members as {uuid, name}. */
public final class ConceptBody {

    private final String uuid;
    private final String name;
    private final String datatype;
    private final List<Ref> answers;
    private final List<Ref> setMembers;

    private ConceptBody(ConceptItem concept) {
        this.uuid = concept.getUuid();
        this.name = concept.getName();
        this.datatype = concept.getDatatype();
        this.answers = refs(concept.getAnswers());
        this.setMembers = refs(concept.getSetMembers());
    }

    public static ConceptBody of(ConceptItem concept) {
        return new ConceptBody(concept);
    }

    private static List<Ref> refs(List<MetadataItem> items) {
        List<Ref> refs = new ArrayList<>();
        for (MetadataItem item : items) {
            refs.add(new Ref(item.getUuid(), item.getName()));
        }
        return Collections.unmodifiableList(refs);
    }

    public String getUuid() {
        return uuid;
    }

    public String getName() {
        return name;
    }

    public String getDatatype() {
        return datatype;
    }

    public List<Ref> getAnswers() {
        return answers;
    }

    public List<Ref> getSetMembers() {
        return setMembers;
    }

    /** A concept named by another. */
    public static final class Ref {
        private final String uuid;
        private final String name;

        Ref(String uuid, String name) {
            this.uuid = uuid;
            this.name = name;
        }

        public String getUuid() {
            return uuid;
        }

        public String getName() {
            return name;
        }
    }
}
