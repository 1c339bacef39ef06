package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;

/**
 * One DHIS2 program stage, fed by encounters of a type, a Bahmni form or a concept set; each selected encounter
 * becomes one event of the stage, whose data values come from the mapped concepts' obs.
 */
@JsonPropertyOrder({ "programStageUid", "feed", "dataElements" })
public final class StageMapping {

    private final String programStageUid;
    private final EncounterFeed.Kind feedKind;
    private final String feedReference;
    private final List<DataElementMapping> dataElements;

    public StageMapping(String programStageUid, EncounterFeed feed, List<DataElementMapping> dataElements) {
        this(programStageUid, feed == null ? null : feed.getKind(), feed == null ? null : feed.getReference(),
                dataElements);
    }

    private StageMapping(String programStageUid, EncounterFeed.Kind feedKind, String feedReference,
            List<DataElementMapping> dataElements) {
        this.programStageUid = programStageUid;
        this.feedKind = feedKind;
        this.feedReference = feedReference;
        this.dataElements = Copies.list(dataElements);
    }

    @JsonCreator
    static StageMapping fromJson(@JsonProperty("programStageUid") String programStageUid,
            @JsonProperty("feed") FeedJson feed, @JsonProperty("dataElements") List<DataElementMapping> dataElements) {
        return new StageMapping(programStageUid, feed == null ? null : feed.getKind(),
                feed == null ? null : feed.getReference(), dataElements);
    }

    public String getProgramStageUid() {
        return programStageUid;
    }

    /** What feeds the stage; null only in a mapping that was not validated and lacks its kind or reference. */
    @JsonIgnore
    public EncounterFeed getFeed() {
        return feedKind == null || feedReference == null ? null : new EncounterFeed(feedKind, feedReference);
    }

    @JsonProperty("feed")
    private FeedJson feedJson() {
        return feedKind == null && feedReference == null ? null : new FeedJson(feedKind, feedReference);
    }

    @JsonIgnore
    EncounterFeed.Kind getFeedKind() {
        return feedKind;
    }

    @JsonIgnore
    String getFeedReference() {
        return feedReference;
    }

    public List<DataElementMapping> getDataElements() {
        return dataElements;
    }

    /** This stage's feed as a list, for the source's queries. */
    public List<EncounterFeed> feeds() {
        EncounterFeed feed = getFeed();
        return feed == null ? Collections.<EncounterFeed>emptyList() : Collections.singletonList(feed);
    }

    /** The data elements a concept is sent to (usually one). */
    public List<DataElementMapping> dataElementsFor(String conceptUuid) {
        List<DataElementMapping> result = new ArrayList<DataElementMapping>();
        for (DataElementMapping dataElement : dataElements) {
            if (dataElement.getConceptUuid() != null && dataElement.getConceptUuid().equals(conceptUuid)) {
                result.add(dataElement);
            }
        }
        return result;
    }

    /**
     * Whether the encounter feeds this stage: of the encounter type; entered through the form (the encounter's
     * own form, or any obs's Bahmni form); or holding an obs under the concept set.
     */
    public boolean select(EncounterRecord encounter) {
        if (feedKind == null || feedReference == null) {
            return false;
        }
        switch (feedKind) {
            case ENCOUNTER_TYPE:
                return feedReference.equals(encounter.getEncounterTypeUuid());
            case FORM:
                if (feedReference.equals(encounter.getFormName())) {
                    return true;
                }
                for (ObsValue obs : encounter.getObs()) {
                    if (feedReference.equals(obs.getFormName())) {
                        return true;
                    }
                }
                return false;
            case CONCEPT_SET:
                for (ObsValue obs : encounter.getObs()) {
                    if (obs.getGroupConceptUuids().contains(feedReference)) {
                        return true;
                    }
                }
                return false;
            default:
                throw new IllegalStateException("unhandled feed kind " + feedKind);
        }
    }

    /**
     * The obs of the encounter that belong to this stage and whose concept is mapped: for a form, the obs
     * entered through it (all obs without a Bahmni form when the encounter itself is of that form); for a
     * concept set, the obs under it; for an encounter type, all. Empty when the encounter does not feed the stage.
     */
    public List<ObsValue> obsFor(EncounterRecord encounter) {
        List<ObsValue> result = new ArrayList<ObsValue>();
        if (!select(encounter)) {
            return result;
        }
        boolean encounterOfForm = feedKind == EncounterFeed.Kind.FORM && feedReference.equals(encounter.getFormName());
        for (ObsValue obs : encounter.getObs()) {
            if (belongs(obs, encounterOfForm) && !dataElementsFor(obs.getConceptUuid()).isEmpty()) {
                result.add(obs);
            }
        }
        return result;
    }

    private boolean belongs(ObsValue obs, boolean encounterOfForm) {
        switch (feedKind) {
            case FORM:
                return feedReference.equals(obs.getFormName()) || encounterOfForm && obs.getFormName() == null;
            case CONCEPT_SET:
                return obs.getGroupConceptUuids().contains(feedReference);
            default:
                return true;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StageMapping)) {
            return false;
        }
        StageMapping that = (StageMapping) o;
        return Objects.equals(programStageUid, that.programStageUid) && feedKind == that.feedKind
                && Objects.equals(feedReference, that.feedReference) && dataElements.equals(that.dataElements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(programStageUid, feedKind, feedReference, dataElements);
    }

    @Override
    public String toString() {
        return "StageMapping[" + programStageUid + " <- " + feedKind + ":" + feedReference + "]";
    }
}
