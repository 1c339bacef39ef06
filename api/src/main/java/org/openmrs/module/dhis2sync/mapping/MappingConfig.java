package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.EncounterRecord;

/**
 * What one mapping says: which OpenMRS program goes to which DHIS2 program, how patients become tracked
 * entities, how enrollments are opened, and which encounters and concepts become which events and data values.
 * Stored as JSON (see {@link MappingJson}) in the mapping table; check it with {@link MappingValidator}.
 */
@JsonPropertyOrder({ "name", "openmrsProgramUuid", "dhis2ProgramUid", "trackedEntityTypeUid", "instance",
        "enrollment", "events" })
public final class MappingConfig {

    private final String name;
    private final String openmrsProgramUuid;
    private final String dhis2ProgramUid;
    private final String trackedEntityTypeUid;
    private final InstanceMapping instance;
    private final EnrollmentMapping enrollment;
    private final List<StageMapping> events;

    @JsonCreator
    public MappingConfig(@JsonProperty("name") String name,
            @JsonProperty("openmrsProgramUuid") String openmrsProgramUuid,
            @JsonProperty("dhis2ProgramUid") String dhis2ProgramUid,
            @JsonProperty("trackedEntityTypeUid") String trackedEntityTypeUid,
            @JsonProperty("instance") InstanceMapping instance, @JsonProperty("enrollment") EnrollmentMapping enrollment,
            @JsonProperty("events") List<StageMapping> events) {
        this.name = name;
        this.openmrsProgramUuid = openmrsProgramUuid;
        this.dhis2ProgramUid = dhis2ProgramUid;
        this.trackedEntityTypeUid = trackedEntityTypeUid;
        this.instance = instance;
        this.enrollment = enrollment;
        this.events = Copies.list(events);
    }

    public String getName() {
        return name;
    }

    public String getOpenmrsProgramUuid() {
        return openmrsProgramUuid;
    }

    public String getDhis2ProgramUid() {
        return dhis2ProgramUid;
    }

    public String getTrackedEntityTypeUid() {
        return trackedEntityTypeUid;
    }

    public InstanceMapping getInstance() {
        return instance;
    }

    public EnrollmentMapping getEnrollment() {
        return enrollment;
    }

    public List<StageMapping> getEvents() {
        return events;
    }

    /** Every stage's feed, each once, in stage order: what the source selects encounters by. */
    public List<EncounterFeed> feeds() {
        Set<EncounterFeed> feeds = new LinkedHashSet<EncounterFeed>();
        for (StageMapping stage : events) {
            feeds.addAll(stage.feeds());
        }
        return new ArrayList<EncounterFeed>(feeds);
    }

    /** The stages the encounter feeds (one event per stage). */
    public List<StageMapping> stagesFor(EncounterRecord encounter) {
        List<StageMapping> stages = new ArrayList<StageMapping>();
        for (StageMapping stage : events) {
            if (stage.select(encounter)) {
                stages.add(stage);
            }
        }
        return stages;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MappingConfig)) {
            return false;
        }
        MappingConfig that = (MappingConfig) o;
        return Objects.equals(name, that.name) && Objects.equals(openmrsProgramUuid, that.openmrsProgramUuid)
                && Objects.equals(dhis2ProgramUid, that.dhis2ProgramUid)
                && Objects.equals(trackedEntityTypeUid, that.trackedEntityTypeUid)
                && Objects.equals(instance, that.instance) && Objects.equals(enrollment, that.enrollment)
                && events.equals(that.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, openmrsProgramUuid, dhis2ProgramUid, trackedEntityTypeUid, instance, enrollment,
                events);
    }

    @Override
    public String toString() {
        return "MappingConfig[" + name + "]";
    }
}
