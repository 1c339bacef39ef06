package org.openmrs.module.dhis2sync.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.api.APIAuthenticationException;
import org.openmrs.module.dhis2sync.api.LogText;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.MappingRegistry;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.source.PatientDirectory;
import org.openmrs.module.dhis2sync.source.PatientSummary;
import org.openmrs.module.dhis2sync.sync.OrgUnitResolver;
import org.openmrs.module.dhis2sync.sync.PendingRecord;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.sync.TrackerStore;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.EventTracker;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecordDao;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts together where one patient stands: its tracked entity, and for every active mapping of a program the patient
 * is (or was) enrolled in, its enrollments and events as the tracker tables know them, its records DHIS2 refused,
 * and what a run would send now of this patient — the engine's own preview, run over the source seen through this
 * patient. Needs the caller's read-only transaction.
 */
public final class PatientSyncStatusReader {

    private static final Logger log = LoggerFactory.getLogger(PatientSyncStatusReader.class);

    private final PatientDirectory directory;
    private final MappingRegistry mappings;
    private final TrackerStore store;
    private final FailedRecordDao failures;
    private final SyncRunner runner;

    public PatientSyncStatusReader(PatientDirectory directory, MappingRegistry mappings, TrackerStore store,
            FailedRecordDao failures, SyncRunner runner) {
        this.directory = directory;
        this.mappings = mappings;
        this.store = store;
        this.failures = failures;
        this.runner = runner;
    }

    /** @return null when no patient has that uuid */
    public PatientSyncStatus read(String patientUuid, SyncSettings settings, String user) {
        PatientSummary patient = directory.patients(Collections.singletonList(patientUuid)).get(patientUuid);
        if (patient == null) {
            return null;
        }
        List<EnrollmentSummary> enrollments = directory.enrollmentsOf(patientUuid);
        List<EncounterSummary> encounters = directory.encountersOf(patientUuid);
        InstanceTracker instance = store.instanceTrackers(Collections.singletonList(patientUuid)).get(patientUuid);
        Set<String> uuids = new LinkedHashSet<>();
        uuids.add(patientUuid);
        Set<String> enrollmentUuids = new LinkedHashSet<>();
        for (EnrollmentSummary enrollment : enrollments) {
            enrollmentUuids.add(enrollment.getUuid());
        }
        Map<String, EncounterSummary> encounterByUuid = new HashMap<>();
        for (EncounterSummary encounter : encounters) {
            encounterByUuid.put(encounter.getUuid(), encounter);
        }
        uuids.addAll(enrollmentUuids);
        uuids.addAll(encounterByUuid.keySet());
        Map<String, EnrollmentTracker> enrollmentTrackers = enrollmentUuids.isEmpty()
                ? Collections.<String, EnrollmentTracker>emptyMap() : store.enrollmentTrackers(enrollmentUuids);
        List<EventTracker> eventTrackers = encounterByUuid.isEmpty() ? Collections.<EventTracker>emptyList()
                : store.eventTrackers(encounterByUuid.keySet());
        List<FailedRecord> failed = failures.findByOpenmrsUuids(uuids);
        OrgUnitResolver orgUnits = new OrgUnitResolver(store.orgUnitByLocation(), settings.getDefaultOrgUnitUid());

        List<MappingSyncStatus> statuses = new ArrayList<>();
        for (Mapping mapping : mappings.all(false)) {
            List<EnrollmentSummary> inProgram = new ArrayList<>();
            for (EnrollmentSummary enrollment : enrollments) {
                if (mapping.getOpenmrsProgramUuid().equals(enrollment.getProgramUuid())) {
                    inProgram.add(enrollment);
                }
            }
            if (inProgram.isEmpty()) {
                continue;
            }
            MappingConfig config = mappings.configOf(mapping);
            String programUid = config.getDhis2ProgramUid();
            List<SentRecord> sentEnrollments = new ArrayList<>();
            for (EnrollmentSummary enrollment : inProgram) {
                EnrollmentTracker tracker = enrollmentTrackers.get(enrollment.getUuid());
                sentEnrollments.add(tracker == null
                        ? new SentRecord(SyncCategory.ENROLLMENT, enrollment.getUuid(), null, null, null,
                                atStart(enrollment), false, null, null, null)
                        : new SentRecord(SyncCategory.ENROLLMENT, enrollment.getUuid(), tracker.getEnrollmentUid(),
                                null, tracker.getStatus(), atStart(enrollment), tracker.isConfirmed(),
                                tracker.getDateCreated(), confirmedAt(tracker.isConfirmed(), tracker.getDateChanged(),
                                        tracker.getDateCreated()),
                                CaptureLinks.enrollment(settings.getUrl(), tracker.getEnrollmentUid(),
                                        orgUnits.resolve(enrollment.getLocationUuid()), tracker.getProgramUid(),
                                        tracker.getInstanceUid())));
            }
            List<SentRecord> sentEvents = new ArrayList<>();
            for (EventTracker tracker : eventTrackers) {
                if (!programUid.equals(tracker.getProgramUid())) {
                    continue;
                }
                EncounterSummary encounter = encounterByUuid.get(tracker.getEncounterUuid());
                sentEvents.add(new SentRecord(SyncCategory.EVENT, tracker.getEncounterUuid(), tracker.getEventUid(),
                        tracker.getProgramStageUid(), null, encounter == null ? null : encounter.getEncounterDatetime(),
                        tracker.isConfirmed(), tracker.getDateCreated(), confirmedAt(tracker.isConfirmed(),
                                tracker.getDateChanged(), tracker.getDateCreated()), null));
            }
            List<FailedRecord> mappingFailures = new ArrayList<>();
            for (FailedRecord failure : failed) {
                if (failure.getMappingUuid().equals(mapping.getUuid())) {
                    mappingFailures.add(failure);
                }
            }
            List<PendingRecord> pending = Collections.emptyList();
            String pendingProblem = null;
            try {
                pending = runner.preview(new RunRequest(mapping.getUuid(), config, user, null),
                        directory.clinicalSourceOf(patientUuid)).pendingRecords();
            } catch (APIAuthenticationException e) {
                pendingProblem = "What is pending needs OpenMRS's read privileges on the patient's records ("
                        + e.getMessage() + ")";
            } catch (RuntimeException e) {
                log.warn("What a run of mapping '{}' would send of patient {} could not be worked out",
                        LogText.of(mapping.getName()), patientUuid, e);
                pendingProblem = "What is pending could not be worked out: " + e.getMessage();
            }
            statuses.add(new MappingSyncStatus(mapping.getUuid(), mapping.getName(), programUid, sentEnrollments,
                    sentEvents, mappingFailures, pending, pendingProblem));
        }
        SentRecord trackedEntity = instance == null ? null
                : new SentRecord(SyncCategory.INSTANCE, patientUuid, instance.getInstanceUid(), null, null, null,
                        instance.isConfirmed(), instance.getDateCreated(), confirmedAt(instance.isConfirmed(),
                                instance.getDateChanged(), instance.getDateCreated()), null);
        return new PatientSyncStatus(patient, trackedEntity, statuses);
    }

    private static java.time.LocalDateTime atStart(EnrollmentSummary enrollment) {
        return enrollment.getDateEnrolled() == null ? null : enrollment.getDateEnrolled().atStartOfDay();
    }

    /** A confirmed row was last confirmed when it last changed (or, never changed since, when it was written). */
    private static java.util.Date confirmedAt(boolean confirmed, java.util.Date changed, java.util.Date created) {
        if (!confirmed) {
            return null;
        }
        return changed != null ? changed : created;
    }
}
