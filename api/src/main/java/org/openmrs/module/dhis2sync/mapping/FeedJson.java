package org.openmrs.module.dhis2sync.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.openmrs.module.dhis2sync.source.EncounterFeed;

/**
 * The JSON form of an {@link EncounterFeed}, which stays free of Jackson. Either part may be missing here so
 * that {@link MappingValidator} can report it with the other problems.
 */
@JsonPropertyOrder({ "kind", "reference" })
final class FeedJson {

    private final EncounterFeed.Kind kind;
    private final String reference;

    @JsonCreator
    FeedJson(@JsonProperty("kind") EncounterFeed.Kind kind, @JsonProperty("reference") String reference) {
        this.kind = kind;
        this.reference = reference;
    }

    @JsonProperty("kind")
    EncounterFeed.Kind getKind() {
        return kind;
    }

    @JsonProperty("reference")
    String getReference() {
        return reference;
    }
}
