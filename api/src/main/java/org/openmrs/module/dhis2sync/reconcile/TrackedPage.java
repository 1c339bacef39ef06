package org.openmrs.module.dhis2sync.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;

/**
 * One page of what the module tracks for a mapping: some tracked entities, and every enrollment and event tracked
 * under them in the mapping's DHIS2 program.
 */
final class TrackedPage {

    private final List<String> instanceUids;
    private final List<InstanceTracker> instances;
    private final List<EnrollmentTracker> enrollments;
    private final List<EventTracker> events;

    TrackedPage(List<String> instanceUids, List<InstanceTracker> instances, List<EnrollmentTracker> enrollments,
            List<EventTracker> events) {
        this.instanceUids = Collections.unmodifiableList(new ArrayList<>(instanceUids));
        this.instances = Collections.unmodifiableList(new ArrayList<>(instances));
        this.enrollments = Collections.unmodifiableList(new ArrayList<>(enrollments));
        this.events = Collections.unmodifiableList(new ArrayList<>(events));
    }

    List<String> instanceUids() {
        return instanceUids;
    }

    List<InstanceTracker> instances() {
        return instances;
    }

    List<EnrollmentTracker> enrollments() {
        return enrollments;
    }

    List<EventTracker> events() {
        return events;
    }
}
