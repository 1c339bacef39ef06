package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One object of an import as sent, with the objects nested in it: what a reply's verdicts are matched against, by
 * type and UID. Building the trees also checks the objects, so that bad input is refused before anything is sent.
 */
final class SentObject {

    final ObjectType type;
    final String uid;
    final List<SentObject> children;

    private SentObject(ObjectType type, String uid, List<SentObject> children) {
        this.type = type;
        this.uid = uid;
        this.children = Collections.unmodifiableList(children);
    }

    /** This object and everything nested in it, parents first. */
    List<SentObject> flatten() {
        List<SentObject> all = new ArrayList<>();
        all.add(this);
        for (SentObject child : children) {
            all.addAll(child.flatten());
        }
        return all;
    }

    static List<SentObject> flattenAll(List<SentObject> roots) {
        List<SentObject> all = new ArrayList<>();
        for (SentObject root : roots) {
            all.addAll(root.flatten());
        }
        return all;
    }

    static List<SentObject> ofTrackedEntities(List<TrackedEntity> entities) {
        Checker checker = new Checker();
        List<SentObject> roots = new ArrayList<>();
        requireBatch(entities, "trackedEntities");
        for (int i = 0; i < entities.size(); i++) {
            roots.add(checker.trackedEntity(entities.get(i), "trackedEntities[" + i + "]"));
        }
        return roots;
    }

    static List<SentObject> ofEnrollments(List<Enrollment> enrollments) {
        Checker checker = new Checker();
        List<SentObject> roots = new ArrayList<>();
        requireBatch(enrollments, "enrollments");
        for (int i = 0; i < enrollments.size(); i++) {
            roots.add(checker.enrollment(enrollments.get(i), "enrollments[" + i + "]", true));
        }
        return roots;
    }

    static List<SentObject> ofEvents(List<Event> events) {
        Checker checker = new Checker();
        List<SentObject> roots = new ArrayList<>();
        requireBatch(events, "events");
        for (int i = 0; i < events.size(); i++) {
            roots.add(checker.event(events.get(i), "events[" + i + "]", true));
        }
        return roots;
    }

    /** The roots of a bundle: its tracked entities, then its top-level enrollments, then its top-level events. */
    static List<SentObject> ofBundle(TrackerBundle bundle) {
        Checker checker = new Checker();
        List<SentObject> roots = new ArrayList<>();
        for (int i = 0; i < bundle.getTrackedEntities().size(); i++) {
            roots.add(checker.trackedEntity(bundle.getTrackedEntities().get(i), "bundle.trackedEntities[" + i + "]"));
        }
        for (int i = 0; i < bundle.getEnrollments().size(); i++) {
            roots.add(checker.enrollment(bundle.getEnrollments().get(i), "bundle.enrollments[" + i + "]", true));
        }
        for (int i = 0; i < bundle.getEvents().size(); i++) {
            roots.add(checker.event(bundle.getEvents().get(i), "bundle.events[" + i + "]", true));
        }
        return roots;
    }

    /** Objects to delete, known by UID only; each UID once, in the order given. */
    static List<SentObject> ofUids(ObjectType type, Collection<String> uids, String field) {
        if (uids == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        Checker checker = new Checker();
        List<SentObject> roots = new ArrayList<>();
        int i = 0;
        for (String uid : uids) {
            checker.uid(uid, field + "[" + i++ + "]", type);
            roots.add(new SentObject(type, uid, Collections.<SentObject>emptyList()));
        }
        return roots;
    }

    private static void requireBatch(List<?> batch, String field) {
        if (batch == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must not be null");
            }
        }
    }

    /** Checks the fields DHIS2 needs and that no UID appears twice (verdicts are matched by UID). */
    private static final class Checker {
        private final Set<String> seen = new HashSet<>();

        SentObject trackedEntity(TrackedEntity te, String path) {
            uid(te.getUid(), path + ".uid", ObjectType.TRACKED_ENTITY);
            requiredUid(te.getTrackedEntityType(), path + ".trackedEntityType");
            requiredUid(te.getOrgUnit(), path + ".orgUnit");
            for (int i = 0; i < te.getAttributes().size(); i++) {
                AttributeValue value = te.getAttributes().get(i);
                if (value == null) {
                    throw new IllegalArgumentException(path + ".attributes[" + i + "] must not be null");
                }
                requiredUid(value.getAttributeUid(), path + ".attributes[" + i + "].attributeUid");
            }
            List<SentObject> children = new ArrayList<>();
            for (int i = 0; i < te.getEnrollments().size(); i++) {
                Enrollment enrollment = te.getEnrollments().get(i);
                if (enrollment.getTrackedEntityUid() != null && !enrollment.getTrackedEntityUid().equals(te.getUid())) {
                    throw new IllegalArgumentException(path + ".enrollments[" + i + "].trackedEntityUid '"
                            + enrollment.getTrackedEntityUid() + "' differs from the tracked entity it is nested in ("
                            + te.getUid() + ")");
                }
                children.add(enrollment(enrollment, path + ".enrollments[" + i + "]", false));
            }
            return new SentObject(ObjectType.TRACKED_ENTITY, te.getUid(), children);
        }

        SentObject enrollment(Enrollment enrollment, String path, boolean topLevel) {
            if (enrollment == null) {
                throw new IllegalArgumentException(path + " must not be null");
            }
            uid(enrollment.getUid(), path + ".uid", ObjectType.ENROLLMENT);
            if (topLevel) {
                requiredUid(enrollment.getTrackedEntityUid(), path + ".trackedEntityUid");
            }
            requiredUid(enrollment.getProgramUid(), path + ".programUid");
            requiredUid(enrollment.getOrgUnit(), path + ".orgUnit");
            required(enrollment.getStatus(), path + ".status");
            required(enrollment.getEnrolledAt(), path + ".enrolledAt");
            List<SentObject> children = new ArrayList<>();
            for (int i = 0; i < enrollment.getEvents().size(); i++) {
                Event event = enrollment.getEvents().get(i);
                if (event != null && event.getEnrollmentUid() != null && !event.getEnrollmentUid().equals(enrollment.getUid())) {
                    throw new IllegalArgumentException(path + ".events[" + i + "].enrollmentUid '" + event.getEnrollmentUid()
                            + "' differs from the enrollment it is nested in (" + enrollment.getUid() + ")");
                }
                children.add(event(event, path + ".events[" + i + "]", false));
            }
            return new SentObject(ObjectType.ENROLLMENT, enrollment.getUid(), children);
        }

        SentObject event(Event event, String path, boolean topLevel) {
            if (event == null) {
                throw new IllegalArgumentException(path + " must not be null");
            }
            uid(event.getUid(), path + ".uid", ObjectType.EVENT);
            if (topLevel) {
                requiredUid(event.getEnrollmentUid(), path + ".enrollmentUid");
            }
            requiredUid(event.getProgramUid(), path + ".programUid");
            requiredUid(event.getProgramStageUid(), path + ".programStageUid");
            requiredUid(event.getOrgUnit(), path + ".orgUnit");
            required(event.getStatus(), path + ".status");
            required(event.getOccurredAt(), path + ".occurredAt");
            for (int i = 0; i < event.getDataValues().size(); i++) {
                DataValue value = event.getDataValues().get(i);
                if (value == null) {
                    throw new IllegalArgumentException(path + ".dataValues[" + i + "] must not be null");
                }
                requiredUid(value.getDataElementUid(), path + ".dataValues[" + i + "].dataElementUid");
            }
            return new SentObject(ObjectType.EVENT, event.getUid(), Collections.<SentObject>emptyList());
        }

        private void uid(String uid, String field, ObjectType type) {
            requiredUid(uid, field);
            if (!seen.add(type + ":" + uid)) {
                throw new IllegalArgumentException(field + " '" + uid + "' appears twice in one import");
            }
        }

        private static void requiredUid(String uid, String field) {
            if (!Uid.isValid(uid)) {
                throw new IllegalArgumentException(field + " '" + uid + "' is not a valid DHIS2 UID"
                        + " (11 letters and digits, a letter first)");
            }
        }

        private static void required(Object value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required");
            }
        }
    }
}
