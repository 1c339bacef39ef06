package org.openmrs.module.dhis2sync.source;

import java.util.Objects;

/**
 * What feeds a program stage: encounters of a type, obs entered through a Bahmni form (forms 2.0, by
 * {@code obs.form_namespace_and_path}), or obs under a concept set (the older concept-set forms).
 */
public final class EncounterFeed {

    public enum Kind { ENCOUNTER_TYPE, FORM, CONCEPT_SET }

    private final Kind kind;
    private final String reference;

    public EncounterFeed(Kind kind, String reference) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    public static EncounterFeed encounterType(String encounterTypeUuid) {
        return new EncounterFeed(Kind.ENCOUNTER_TYPE, encounterTypeUuid);
    }

    /** @param formName the Bahmni form's name, without its version */
    public static EncounterFeed form(String formName) {
        return new EncounterFeed(Kind.FORM, formName);
    }

    public static EncounterFeed conceptSet(String conceptUuid) {
        return new EncounterFeed(Kind.CONCEPT_SET, conceptUuid);
    }

    public Kind getKind() {
        return kind;
    }

    /** Encounter type uuid, form name or set concept uuid. */
    public String getReference() {
        return reference;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EncounterFeed)) {
            return false;
        }
        EncounterFeed that = (EncounterFeed) o;
        return kind == that.kind && reference.equals(that.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reference);
    }

    @Override
    public String toString() {
        return kind + ":" + reference;
    }
}
