package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Tracked entities, enrollments and events validated together, as DHIS2 would import them in one request: an
 * enrollment may name a tracked entity of the same bundle and an event an enrollment of the same bundle, so new
 * patients are checked with their enrollments and events. Each list holds top-level objects; a tracked entity may
 * also carry nested enrollments (and an enrollment nested events). No UID may appear twice.
 */
public final class TrackerBundle {

    private final List<TrackedEntity> trackedEntities;
    private final List<Enrollment> enrollments;
    private final List<Event> events;

    public TrackerBundle(List<TrackedEntity> trackedEntities, List<Enrollment> enrollments, List<Event> events) {
        this.trackedEntities = copy(trackedEntities, "trackedEntities");
        this.enrollments = copy(enrollments, "enrollments");
        this.events = copy(events, "events");
    }

    private static <T> List<T> copy(List<T> list, String field) {
        if (list == null) {
            return Collections.emptyList();
        }
        for (int i = 0; i < list.size(); i++) {
            Objects.requireNonNull(list.get(i), field + "[" + i + "]");
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    public List<TrackedEntity> getTrackedEntities() {
        return trackedEntities;
    }

    public List<Enrollment> getEnrollments() {
        return enrollments;
    }

    public List<Event> getEvents() {
        return events;
    }

    public boolean isEmpty() {
        return trackedEntities.isEmpty() && enrollments.isEmpty() && events.isEmpty();
    }

    @Override
    public String toString() {
        return "TrackerBundle{" + trackedEntities.size() + " tracked entities, " + enrollments.size() + " enrollments, "
                + events.size() + " events}";
    }
}
