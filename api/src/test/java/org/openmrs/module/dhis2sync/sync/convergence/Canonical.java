package org.openmrs.module.dhis2sync.sync.convergence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openmrs.module.dhis2sync.dhis2.fake.FakeDhis2;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEnrollment;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeEvent;
import org.openmrs.module.dhis2sync.dhis2.fake.FakeTrackedEntity;

/**
 * DHIS2's content as one canonical text: tracked entities with their enrollments with their events, each line what
 * the object holds (no UIDs), siblings sorted; objects hanging under nothing listed apart. The oracle renders what
 * must be, {@link #of} what the fake DHIS2 holds.
 */
final class Canonical {

    private Canonical() {
    }

    static String event(String stage, String orgUnit, String status, LocalDate occurred, Map<String, String> values) {
        return "      event " + stage + " " + orgUnit + " " + status + " " + occurred + " " + new TreeMap<>(values);
    }

    static String enrollment(String program, String orgUnit, String status, LocalDate enrolled, LocalDate completed,
            List<String> events) {
        List<String> sorted = new ArrayList<>(events);
        Collections.sort(sorted);
        StringBuilder text = new StringBuilder("    enrollment " + program + " " + orgUnit + " " + status + " enrolled "
                + enrolled + (completed == null ? "" : " completed " + completed));
        sorted.forEach(event -> text.append('\n').append(event));
        return text.toString();
    }

    static String trackedEntity(String type, String orgUnit, Map<String, String> attributes, List<String> enrollments) {
        List<String> sorted = new ArrayList<>(enrollments);
        Collections.sort(sorted);
        StringBuilder text = new StringBuilder("  tracked entity " + type + " " + orgUnit + " " + new TreeMap<>(attributes));
        sorted.forEach(enrollment -> text.append('\n').append(enrollment));
        return text.toString();
    }

    static String dhis2(List<String> trackedEntities, List<String> orphans) {
        List<String> sorted = new ArrayList<>(trackedEntities);
        Collections.sort(sorted);
        StringBuilder text = new StringBuilder("DHIS2 (" + sorted.size() + " tracked entities)");
        sorted.forEach(te -> text.append('\n').append(te));
        if (!orphans.isEmpty()) {
            List<String> sortedOrphans = new ArrayList<>(orphans);
            Collections.sort(sortedOrphans);
            text.append("\nunder no tracked entity or enrollment:");
            sortedOrphans.forEach(orphan -> text.append('\n').append(orphan));
        }
        return text.toString();
    }

    /**
     * What the fake DHIS2 holds (deleted objects are gone from it, as from every read of DHIS2); an intake event
     * without values is left out (a cleared form: see {@link Oracle}), and so is what the oracle says DHIS2 may hold
     * besides: a CANCELLED enrollment without events, a tracked entity with no enrollment but such.
     */
    static String of(FakeDhis2 dhis2, World.Setup setup, Oracle.Optional optional) {
        List<FakeEnrollment> enrollments = dhis2.enrollments();
        List<FakeEvent> events = dhis2.events();
        Set<String> placedEnrollments = new HashSet<>();
        Set<String> placedEvents = new HashSet<>();
        List<String> entities = new ArrayList<>();
        for (FakeTrackedEntity te : dhis2.trackedEntities()) {
            List<String> enrollmentTexts = new ArrayList<>();
            boolean live = false;
            for (FakeEnrollment enrollment : enrollments) {
                if (!te.uid().equals(enrollment.trackedEntity())) {
                    continue;
                }
                placedEnrollments.add(enrollment.uid());
                List<String> eventTexts = new ArrayList<>();
                for (FakeEvent event : events) {
                    if (enrollment.uid().equals(event.enrollment())) {
                        placedEvents.add(event.uid());
                        if (!(event.programStage().equals(World.INTAKE_STAGE) && event.dataValues().isEmpty())) {
                            eventTexts.add(event(event));
                        }
                    }
                }
                String nationalId = te.attributes().get("TeaNatIdNo1");
                boolean mayBeLeftOut = "CANCELLED".equals(enrollment.status()) && eventTexts.isEmpty()
                        && optional.cancelledEnrollments.contains(nationalId + "|"
                                + (enrollment.enrolledAt() == null ? null : enrollment.enrolledAt().toLocalDate()));
                if (!mayBeLeftOut) {
                    enrollmentTexts.add(enrollment(enrollment, setup, eventTexts));
                    if (!"CANCELLED".equals(enrollment.status())) {
                        live = true;
                    }
                }
            }
            if (!live && optional.trackedEntities.contains(te.attributes().get("TeaNatIdNo1"))
                    && enrollmentTexts.stream().noneMatch(text -> text.contains("\n"))) {
                continue;
            }
            entities.add(trackedEntity(te.trackedEntityType(), te.orgUnit(), te.attributes(), enrollmentTexts));
        }
        List<String> orphans = new ArrayList<>();
        for (FakeEnrollment enrollment : enrollments) {
            if (!placedEnrollments.contains(enrollment.uid())) {
                orphans.add(enrollment(enrollment, setup, List.of()).trim() + " of " + enrollment.trackedEntity());
            }
        }
        for (FakeEvent event : events) {
            if (!placedEvents.contains(event.uid())) {
                orphans.add(event(event).trim() + " in " + event.enrollment());
            }
        }
        return dhis2(entities, orphans);
    }

    private static String event(FakeEvent event) {
        return event(event.programStage(), event.orgUnit(), event.status(),
                event.occurredAt() == null ? null : event.occurredAt().toLocalDate(), event.dataValues());
    }

    private static String enrollment(FakeEnrollment enrollment, World.Setup setup, List<String> events) {
        LocalDate completed = enrollment.completedAt() == null || !setup.keepsCompletionDate()
                || !"COMPLETED".equals(enrollment.status()) ? null : enrollment.completedAt().toLocalDate();
        return enrollment(enrollment.program(), enrollment.orgUnit(), enrollment.status(),
                enrollment.enrolledAt() == null ? null : enrollment.enrolledAt().toLocalDate(), completed, events);
    }
}
