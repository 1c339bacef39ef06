package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A tracked entity (the deprecated API's "tracked entity instance"): the module assigns its UID before sending. */
public final class TrackedEntity {

    private final String uid;
    private final String trackedEntityType;
    private final String orgUnit;
    private final List<AttributeValue> attributes;
    private final List<Enrollment> enrollments;

    public TrackedEntity(String uid, String trackedEntityType, String orgUnit, List<AttributeValue> attributes, List<Enrollment> enrollments) {
        this.uid = Objects.requireNonNull(uid, "uid");
        this.trackedEntityType = trackedEntityType;
        this.orgUnit = orgUnit;
        this.attributes = attributes == null ? Collections.<AttributeValue>emptyList() : Collections.unmodifiableList(new ArrayList<>(attributes));
        this.enrollments = enrollments == null ? Collections.<Enrollment>emptyList() : Collections.unmodifiableList(new ArrayList<>(enrollments));
    }

    public String getUid() {
        return uid;
    }

    public String getTrackedEntityType() {
        return trackedEntityType;
    }

    public String getOrgUnit() {
        return orgUnit;
    }

    public List<AttributeValue> getAttributes() {
        return attributes;
    }

    public List<Enrollment> getEnrollments() {
        return enrollments;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TrackedEntity)) {
            return false;
        }
        TrackedEntity that = (TrackedEntity) o;
        return Objects.equals(uid, that.uid) && Objects.equals(trackedEntityType, that.trackedEntityType) && Objects.equals(orgUnit, that.orgUnit) && Objects.equals(attributes, that.attributes) && Objects.equals(enrollments, that.enrollments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, trackedEntityType, orgUnit, attributes, enrollments);
    }

    @Override
    public String toString() {
        return "TrackedEntity{uid=" + uid + ", trackedEntityType=" + trackedEntityType + ", orgUnit=" + orgUnit + ", attributes=" + attributes + ", enrollments=" + enrollments + "}";
    }
}
