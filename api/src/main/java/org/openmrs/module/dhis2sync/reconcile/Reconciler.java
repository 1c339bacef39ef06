package org.openmrs.module.dhis2sync.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.ProgramStageInfo;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.sync.RecordSelection;
import org.openmrs.module.dhis2sync.sync.RunMode;
import org.openmrs.module.dhis2sync.sync.RunSettings;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.sync.SyncEngine;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * Compares what DHIS2 holds for the records a mapping sent with what OpenMRS says now, page by page of tracked
 * entities (the batch size): what OpenMRS says is what the engine would send now, built by the engine itself in
 * validation mode through a {@link CapturingClient}; what DHIS2 holds is read by the tracked UIDs (tracked entities and
 * events by UID lists, the entities' enrollments in the program with their events listed). Reads only; writes nothing.
 */
public final class Reconciler {

    private final SyncEngine engine;
    private final ReconcileStore store;

    public Reconciler(SyncEngine engine, ReconcileStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** The whole mapping; progress in the tally (patients looked at of those tracked), heartbeat after each page. */
    Findings reconcile(String mappingUuid, MappingConfig config, Dhis2Client client, RunSettings settings,
            RunTally tally, Runnable heartbeat) {
        String programUid = config.getDhis2ProgramUid();
        Map<String, String> names = names(client.program(programUid));
        Findings findings = new Findings();
        tally.phase("comparing with DHIS2");
        tally.total(SyncCategory.INSTANCE, store.countInstances(programUid));
        String after = null;
        while (true) {
            TrackedPage page = store.page(programUid, after, settings.getBatchSize());
            if (page.instanceUids().isEmpty()) {
                break;
            }
            after = page.instanceUids().get(page.instanceUids().size() - 1);
            int enrollmentsBefore = findings.checkedCount(SyncCategory.ENROLLMENT);
            int eventsBefore = findings.checkedCount(SyncCategory.EVENT);
            compare(mappingUuid, config, client, settings, page, names, findings);
            tally.processed(SyncCategory.INSTANCE, page.instanceUids().size());
            tally.alsoLookedAt(SyncCategory.ENROLLMENT, findings.checkedCount(SyncCategory.ENROLLMENT) - enrollmentsBefore);
            tally.alsoLookedAt(SyncCategory.EVENT, findings.checkedCount(SyncCategory.EVENT) - eventsBefore);
            heartbeat.run();
        }
        return findings;
    }

    private void compare(String mappingUuid, MappingConfig config, Dhis2Client client, RunSettings settings,
            TrackedPage page, Map<String, String> names, Findings findings) {
        List<String> patients = new ArrayList<>();
        for (InstanceTracker tracker : page.instances()) {
            patients.add(tracker.getPatientUuid());
        }
        List<String> enrollments = new ArrayList<>();
        for (EnrollmentTracker tracker : page.enrollments()) {
            enrollments.add(tracker.getPatientProgramUuid());
        }
        List<String> encounters = new ArrayList<>();
        for (EventTracker tracker : page.events()) {
            encounters.add(tracker.getEncounterUuid());
        }
        CapturingClient sent = new CapturingClient();
        engine.runSelected(mappingUuid, config, RunMode.VALIDATE, sent,
                new RecordSelection(patients, enrollments, encounters), settings.getBatchSize(),
                settings.getDefaultOrgUnit(), new RunTally(), () -> { });

        Map<String, TrackedEntity> entities = new HashMap<>();
        for (TrackedEntity entity : client.trackedEntitiesByUid(page.instanceUids())) {
            entities.put(entity.getUid(), entity);
        }
        Map<String, Enrollment> enrollmentsHeld = new LinkedHashMap<>();
        for (List<Enrollment> ofEntity : client.enrollmentsOf(page.instanceUids(), config.getDhis2ProgramUid())
                .values()) {
            for (Enrollment enrollment : ofEntity) {
                enrollmentsHeld.put(enrollment.getUid(), enrollment);
            }
        }
        List<String> eventUids = new ArrayList<>();
        for (EventTracker tracker : page.events()) {
            if (sent.events().containsKey(tracker.getEventUid())) {
                eventUids.add(tracker.getEventUid());
            }
        }
        Map<String, Event> eventsHeld = new HashMap<>();
        if (!eventUids.isEmpty()) {
            for (Event event : client.eventsByUid(eventUids)) {
                eventsHeld.put(event.getUid(), event);
            }
        }

        Set<String> done = new HashSet<>();
        for (InstanceTracker tracker : page.instances()) {
            TrackedEntity wanted = sent.trackedEntities().get(tracker.getInstanceUid());
            if (wanted == null || !done.add(tracker.getPatientUuid())) {
                continue; // OpenMRS no longer sends it (e.g. refused before sending), or seen
            }
            findings.checked(SyncCategory.INSTANCE);
            TrackedEntity held = entities.get(tracker.getInstanceUid());
            record(findings, SyncCategory.INSTANCE, tracker.getPatientUuid(), tracker.getInstanceUid(), null,
                    held == null ? null : Differences.of(wanted, held, names));
        }
        Set<String> trackedEnrollments = new HashSet<>();
        for (EnrollmentTracker tracker : page.enrollments()) {
            trackedEnrollments.add(tracker.getEnrollmentUid());
            Enrollment wanted = sent.enrollments().get(tracker.getEnrollmentUid());
            if (wanted == null) {
                continue;
            }
            findings.checked(SyncCategory.ENROLLMENT);
            Enrollment held = enrollmentsHeld.get(tracker.getEnrollmentUid());
            record(findings, SyncCategory.ENROLLMENT, tracker.getPatientProgramUuid(), tracker.getEnrollmentUid(), null,
                    held == null ? null : Differences.of(wanted, held));
        }
        Set<String> trackedEvents = new HashSet<>();
        for (EventTracker tracker : page.events()) {
            trackedEvents.add(tracker.getEventUid());
            Event wanted = sent.events().get(tracker.getEventUid());
            if (wanted == null) {
                continue;
            }
            findings.checked(SyncCategory.EVENT);
            Event held = eventsHeld.get(tracker.getEventUid());
            record(findings, SyncCategory.EVENT, tracker.getEncounterUuid(), tracker.getEventUid(),
                    tracker.getProgramStageUid(), held == null ? null : Differences.of(wanted, held, names));
        }
        for (Enrollment held : enrollmentsHeld.values()) {
            if (!trackedEnrollments.contains(held.getUid())) {
                findings.found(new Drift(DriftKind.EXTRA, SyncCategory.ENROLLMENT, null, held.getUid(), null,
                        held.getTrackedEntityUid(), null));
                continue;
            }
            for (Event event : held.getEvents()) {
                if (!trackedEvents.contains(event.getUid())) {
                    findings.found(new Drift(DriftKind.EXTRA, SyncCategory.EVENT, null, event.getUid(),
                            event.getProgramStageUid(), held.getUid(), null));
                }
            }
        }
    }

    /** @param differences null when DHIS2 does not hold the record */
    private static void record(Findings findings, SyncCategory category, String openmrsUuid, String uid,
            String stage, List<FieldDifference> differences) {
        if (differences == null) {
            findings.found(new Drift(DriftKind.MISSING, category, openmrsUuid, uid, stage, null, null));
        } else if (!differences.isEmpty()) {
            findings.found(new Drift(DriftKind.DIFFERENT, category, openmrsUuid, uid, stage, null, differences));
        }
    }

    /** Attribute and data element UIDs to their DHIS2 names. */
    private static Map<String, String> names(ProgramInfo program) {
        Map<String, String> names = new HashMap<>();
        for (AttributeInfo attribute : program.getAttributes()) {
            names.put(attribute.getUid(), attribute.getName());
        }
        for (ProgramStageInfo stage : program.getStages()) {
            for (DataElementInfo dataElement : stage.getDataElements()) {
                names.put(dataElement.getUid(), dataElement.getName());
            }
        }
        return names;
    }
}
