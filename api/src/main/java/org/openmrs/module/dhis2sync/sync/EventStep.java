package org.openmrs.module.dhis2sync.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.DataValue;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.EventStatus;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.mapping.DataValueConverter;
import org.openmrs.module.dhis2sync.mapping.EventValues;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * Encounters to events: one event per encounter and program stage it feeds, sent COMPLETED, dated by the encounter,
 * in the org unit of the encounter's location, inside the enrollment whose dates cover it. Event UIDs are assigned
 * and stored before sending, as for tracked entities. An update sends every mapped data element of the stage, the
 * ones without a value as empty, so that a voided obs disappears from the event in DHIS2. Several obs of one concept
 * are joined or chosen by {@link EventValues}, whose warnings go to the preview and the run's log.
 */
final class EventStep {

    private final Dhis2Client client;
    private final ClinicalSource source;
    private final TrackerStore store;
    private final BatchSender sender;
    private final DataValueConverter converter = new DataValueConverter();

    EventStep(Dhis2Client client, ClinicalSource source, TrackerStore store, BatchSender sender) {
        this.client = client;
        this.source = source;
        this.store = store;
        this.sender = sender;
    }

    /**
     * @param onlyUntracked true for encounters that were skipped before their enrollment existed: those already
     *                      tracked are left alone
     */
    void sync(RunContext run, List<EncounterRecord> encounters, boolean onlyUntracked) {
        if (encounters.isEmpty()) {
            return;
        }
        List<String> encounterUuids = new ArrayList<>();
        for (EncounterRecord encounter : encounters) {
            encounterUuids.add(encounter.getUuid());
        }
        Map<String, EventTracker> trackers = new HashMap<>();
        for (EventTracker tracker : store.eventTrackers(encounterUuids)) {
            trackers.put(key(tracker.getEncounterUuid(), tracker.getProgramStageUid()), tracker);
        }
        Map<String, EnrollmentRecord> enrollmentOfEncounter = coveringEnrollments(run, encounters);
        Set<String> enrollmentUuids = new LinkedHashSet<>();
        for (EnrollmentRecord enrollment : enrollmentOfEncounter.values()) {
            enrollmentUuids.add(enrollment.getUuid());
        }
        Map<String, EnrollmentTracker> enrollmentTrackers = store.enrollmentTrackers(enrollmentUuids);

        Map<String, String> registrationLocations = registrationLocationsWhereNeeded(run, encounters);
        List<Outgoing<Event>> batch = new ArrayList<>();
        List<EventTracker> newTrackers = new ArrayList<>();
        for (EncounterRecord encounter : encounters) {
            EnrollmentRecord enrollment = enrollmentOfEncounter.get(encounter.getUuid());
            if (enrollment == null) {
                continue; // not inside an enrollment in the program: not part of it
            }
            for (StageMapping stage : run.config().getEvents()) {
                if (!stage.select(encounter)) {
                    continue;
                }
                String key = key(encounter.getUuid(), stage.getProgramStageUid());
                EventTracker tracker = trackers.get(key);
                if (onlyUntracked && tracker != null) {
                    continue;
                }
                Outgoing<Event> outgoing = prepare(run, encounter, stage, enrollment,
                        enrollmentTrackers.get(enrollment.getUuid()), tracker, registrationLocations);
                if (outgoing == null) {
                    continue;
                }
                if (tracker == null && run.mode() != RunMode.PREVIEW) {
                    tracker = new EventTracker();
                    tracker.setEncounterUuid(encounter.getUuid());
                    tracker.setProgramStageUid(stage.getProgramStageUid());
                    tracker.setInstanceUid(outgoing.payload().getTrackedEntityUid());
                    tracker.setEnrollmentUid(outgoing.payload().getEnrollmentUid());
                    tracker.setEventUid(outgoing.uid());
                    tracker.setProgramUid(run.config().getDhis2ProgramUid());
                    tracker.setConfirmed(false);
                    tracker.setDateCreated(run.now());
                    trackers.put(key, tracker);
                    newTrackers.add(tracker);
                }
                batch.add(outgoing);
            }
        }
        if (run.mode() == RunMode.PREVIEW) {
            return;
        }
        if (run.mode() == RunMode.SYNC) {
            store.saveEventTrackers(newTrackers);
        }
        List<BatchSender.Accepted<Event>> accepted = sender.send(run, SyncCategory.EVENT, ObjectType.EVENT, batch,
                events -> client.importEvents(events, run.importMode()));
        List<EventTracker> confirmed = new ArrayList<>();
        for (BatchSender.Accepted<Event> ok : accepted) {
            Event event = ok.outgoing().payload();
            EventTracker tracker = trackers.get(key(ok.outgoing().openmrsUuid(), event.getProgramStageUid()));
            tracker.setConfirmed(true);
            tracker.setEnrollmentUid(event.getEnrollmentUid());
            tracker.setDateChanged(run.now());
            confirmed.add(tracker);
        }
        if (run.mode() == RunMode.SYNC) {
            store.saveEventTrackers(confirmed);
        }
    }

    /** The event to send, or null when the record cannot go (counted as failed, or shown so in preview). */
    private Outgoing<Event> prepare(RunContext run, EncounterRecord encounter, StageMapping stage,
            EnrollmentRecord enrollment, EnrollmentTracker enrollmentTracker, EventTracker tracker,
            Map<String, String> registrationLocations) {
        String existingUid = tracker == null ? null : tracker.getEventUid();
        EventValues eventValues = EventValues.of(stage, encounter, converter, tracker != null);
        Map<String, String> values = new LinkedHashMap<>(eventValues.getValues());
        String error = eventValues.getError();
        List<String> warnings = new ArrayList<>();
        for (String warning : eventValues.getWarnings()) {
            warnings.add("stage " + stage.getProgramStageUid() + ": " + warning);
        }
        String orgUnit = orgUnitOf(run, encounter, registrationLocations);
        if (error == null && orgUnit == null) {
            error = OrgUnitResolver.noOrgUnitMessage("encounter " + encounter.getUuid(), encounter.getLocationUuid());
        }
        boolean enrollmentInDhis2 = enrollmentTracker != null
                && (enrollmentTracker.isConfirmed() || run.mode() != RunMode.SYNC);
        if (error == null && !enrollmentInDhis2 && run.mode() != RunMode.PREVIEW) {
            error = "its enrollment " + enrollment.getUuid() + (run.mode() == RunMode.VALIDATE
                    ? " is refused by this check (see the enrollment's verdict): DHIS2 would refuse the event"
                    : " is not in DHIS2 yet (see its failure); retried next run");
        }
        if (run.mode() == RunMode.PREVIEW) {
            run.tally().pending(new PendingRecord(SyncCategory.EVENT, encounter.getUuid(),
                    error == null ? (tracker == null ? Decision.NEW : Decision.UPDATE) : null, existingUid,
                    EventStatus.COMPLETED.name(), values, error, warnings));
            return null;
        }
        if (error != null) {
            sender.fail(run, SyncCategory.EVENT, encounter.getUuid(), existingUid, null,
                    "stage " + stage.getProgramStageUid() + ": " + error);
            return null;
        }
        for (String warning : warnings) {
            run.tally().warning(SyncCategory.EVENT, encounter.getUuid(), warning);
        }
        String uid = existingUid == null ? Uid.generate() : existingUid;
        List<DataValue> dataValues = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            dataValues.add(new DataValue(value.getKey(), value.getValue()));
        }
        LocalDate date = encounter.getEncounterDatetime().toLocalDate();
        Event event = new Event(uid, enrollmentTracker.getEnrollmentUid(), enrollmentTracker.getInstanceUid(),
                run.config().getDhis2ProgramUid(), stage.getProgramStageUid(), orgUnit, EventStatus.COMPLETED, date,
                dataValues);
        return new Outgoing<>(encounter.getUuid(), uid, existingUid == null, event);
    }

    /** DESIGN's rule: the encounter's location, else the patient's registration location, else the default. */
    private static String orgUnitOf(RunContext run, EncounterRecord encounter, Map<String, String> registrationLocations) {
        String orgUnit = run.orgUnits().mapped(encounter.getLocationUuid());
        if (orgUnit == null) {
            orgUnit = run.orgUnits().mapped(registrationLocations.get(encounter.getPatientUuid()));
        }
        return orgUnit == null ? run.orgUnits().defaultOrgUnit() : orgUnit;
    }

    /** Registration locations of the patients whose encounter location has no org unit (usually none): one read. */
    private Map<String, String> registrationLocationsWhereNeeded(RunContext run, List<EncounterRecord> encounters) {
        Set<String> patients = new LinkedHashSet<>();
        for (EncounterRecord encounter : encounters) {
            if (run.orgUnits().mapped(encounter.getLocationUuid()) == null) {
                patients.add(encounter.getPatientUuid());
            }
        }
        Map<String, String> locations = new HashMap<>();
        if (!patients.isEmpty()) {
            for (PatientRecord patient : source.loadPatientsByUuid(new ArrayList<>(patients))) {
                locations.put(patient.getUuid(), patient.getRegistrationLocationUuid());
            }
        }
        return locations;
    }

    /** The latest non-voided enrollment of the patient in the program whose dates cover each encounter. */
    private Map<String, EnrollmentRecord> coveringEnrollments(RunContext run, List<EncounterRecord> encounters) {
        Map<String, List<EnrollmentRecord>> byPatient = new HashMap<>();
        Map<String, EnrollmentRecord> covering = new HashMap<>();
        for (EncounterRecord encounter : encounters) {
            List<EnrollmentRecord> enrollments = byPatient.computeIfAbsent(encounter.getPatientUuid(),
                    patient -> source.enrollmentsOfPatient(patient, run.config().getOpenmrsProgramUuid()));
            LocalDate date = encounter.getEncounterDatetime().toLocalDate();
            EnrollmentRecord best = null;
            for (EnrollmentRecord enrollment : enrollments) {
                if (!enrollment.isVoided() && enrollment.covers(date)
                        && (best == null || !enrollment.getDateEnrolled().isBefore(best.getDateEnrolled()))) {
                    best = enrollment;
                }
            }
            if (best != null) {
                covering.put(encounter.getUuid(), best);
            }
        }
        return covering;
    }

    private static String key(String encounterUuid, String stageUid) {
        return encounterUuid + "|" + stageUid;
    }
}
