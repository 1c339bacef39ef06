package org.openmrs.module.dhis2sync.sync;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.EnrollmentStatus;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.PatientRecord;
import org.openmrs.module.dhis2sync.tracking.EnrollmentTracker;
import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.InstanceTracker;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/**
 * Steps 2–6 of a run for enrollments (seed 3.2.3): read the patients' enrollments in DHIS2, then send new completed,
 * updated completed, new active and updated active enrollments, in that order. A completed enrollment goes as the
 * seed sends it: first ACTIVE, then COMPLETED — so the Appendix's Conflict rows are DHIS2's own refusal to re-open an
 * enrollment while another is active, reported per record with DHIS2's message. A voided enrollment that was synced
 * is sent CANCELLED.
 */
final class EnrollmentStep {

    private final Dhis2Client client;
    private final ClinicalSource source;
    private final TrackerStore store;
    private final Delivery delivery;
    private final PatientStep patients;
    private final Backfill backfill;

    /** @param backfill where enrollments DHIS2 confirms for the first time are left for their earlier encounters */
    EnrollmentStep(Dhis2Client client, ClinicalSource source, TrackerStore store, Delivery delivery,
            PatientStep patients, Backfill backfill) {
        this.client = client;
        this.source = source;
        this.store = store;
        this.delivery = delivery;
        this.patients = patients;
        this.backfill = backfill;
    }

    void sync(RunContext run, List<EnrollmentRecord> chunk) {
        List<String> uuids = new ArrayList<>();
        Set<String> patientUuids = new LinkedHashSet<>();
        for (EnrollmentRecord enrollment : chunk) {
            uuids.add(enrollment.getUuid());
            patientUuids.add(enrollment.getPatientUuid());
        }
        Map<String, EnrollmentTracker> trackers = store.enrollmentTrackers(uuids);
        Map<String, InstanceTracker> instances = instancesOf(run, patientUuids);

        List<EnrollmentRecord> ordered = new ArrayList<>(chunk);
        ordered.sort(Comparator.comparingInt(e -> sendingOrder(e, trackers.containsKey(e.getUuid()))));

        Map<String, List<Enrollment>> inDhis2 = existingEnrollments(run, ordered, trackers, instances);
        Map<String, Set<String>> claimed = new HashMap<>();
        List<Outgoing<Enrollment>> completed = new ArrayList<>();
        List<Outgoing<Enrollment>> active = new ArrayList<>();
        List<Outgoing<Enrollment>> cancelled = new ArrayList<>();
        Map<String, EnrollmentRecord> byUuid = new HashMap<>();
        for (EnrollmentRecord enrollment : ordered) {
            byUuid.put(enrollment.getUuid(), enrollment);
            EnrollmentTracker tracker = trackers.get(enrollment.getUuid());
            if (enrollment.isVoided() && tracker == null) {
                continue; // never reached DHIS2: nothing to cancel
            }
            InstanceTracker instance = instances.get(enrollment.getPatientUuid());
            String orgUnit = run.orgUnits().resolve(enrollment.getLocationUuid());
            EnrollmentStatus status = statusOf(enrollment);
            if (run.mode() == RunMode.PREVIEW) {
                preview(run, enrollment, tracker, orgUnit, status);
                continue;
            }
            if (instance == null || (!instance.isConfirmed() && run.mode() == RunMode.SYNC)) {
                // its patient was refused (this run sent it first): DHIS2 would refuse the enrollment too
                delivery.sender().fail(run, keyOf(enrollment), tracker == null ? null : tracker.getEnrollmentUid(),
                        null, "patient "
                        + enrollment.getPatientUuid() + " is not in DHIS2 yet (see its failure); retried next run");
                continue;
            }
            if (orgUnit == null) {
                delivery.sender().fail(run, keyOf(enrollment), tracker == null ? null : tracker.getEnrollmentUid(),
                        null, OrgUnitResolver.noOrgUnitMessage("enrollment " + enrollment.getUuid(), enrollment.getLocationUuid()));
                continue;
            }
            boolean isNew = false;
            String uid;
            if (tracker != null) {
                uid = tracker.getEnrollmentUid();
            } else {
                Set<String> taken = claimed.computeIfAbsent(instance.getInstanceUid(),
                        k -> alreadyTracked(instance.getInstanceUid()));
                List<Enrollment> candidates = new ArrayList<>();
                for (Enrollment existing : inDhis2.getOrDefault(instance.getInstanceUid(),
                        Collections.<Enrollment>emptyList())) {
                    if (!taken.contains(existing.getUid())) {
                        candidates.add(existing);
                    }
                }
                uid = EnrollmentDecision.reuse(candidates, run.config().getEnrollment().isOpenLatestCompletedEnrollment());
                if (uid == null) {
                    uid = Uid.generate();
                    isNew = true;
                }
                taken.add(uid);
                tracker = new EnrollmentTracker();
                tracker.setPatientProgramUuid(enrollment.getUuid());
                tracker.setInstanceUid(instance.getInstanceUid());
                tracker.setEnrollmentUid(uid);
                tracker.setProgramUid(run.config().getDhis2ProgramUid());
                tracker.setConfirmed(false);
                tracker.setDateCreated(run.now());
                trackers.put(enrollment.getUuid(), tracker);
            }
            backfill.expect(enrollment, tracker, status);
            tracker.setStatus(status.name());
            tracker.setEnrollmentDate(toDate(enrollment.getDateEnrolled()));
            Outgoing<Enrollment> outgoing = new Outgoing<>(keyOf(enrollment), uid, isNew,
                    payload(run, enrollment, instance.getInstanceUid(), uid, orgUnit, status), tracker);
            if (status == EnrollmentStatus.CANCELLED) {
                cancelled.add(outgoing);
            } else if (status == EnrollmentStatus.COMPLETED) {
                completed.add(outgoing);
            } else {
                active.add(outgoing);
            }
        }
        if (run.mode() == RunMode.PREVIEW) {
            return;
        }
        List<Delivery.Delivered<Enrollment>> accepted = new ArrayList<>();
        accepted.addAll(delivery.deliver(run, SyncCategory.ENROLLMENT, completed, list -> sendCompleted(run, list),
                backfill::holds));
        accepted.addAll(delivery.deliver(run, SyncCategory.ENROLLMENT, active, list -> send(run, list),
                backfill::holds));
        accepted.addAll(delivery.deliver(run, SyncCategory.ENROLLMENT, cancelled, list -> send(run, list),
                o -> false));
        for (Delivery.Delivered<Enrollment> ok : accepted) {
            if (ok.isHeld()) {
                backfill.owe(byUuid.get(ok.outgoing().openmrsUuid()), (EnrollmentTracker) ok.outgoing().tracker());
            }
        }
    }

    /**
     * Completed enrollments as the seed sends them when DHIS2 has not confirmed them yet (new, or an enrollment of
     * DHIS2 re-used): ACTIVE first (where a re-open that DHIS2 refuses shows up as that record's error), then
     * COMPLETED for those DHIS2 took. One DHIS2 already confirmed goes COMPLETED at once: sending it ACTIVE again
     * would be refused (E1015) while the patient's next enrollment is active.
     */
    private List<BatchSender.Accepted<Enrollment>> sendCompleted(RunContext run, List<Outgoing<Enrollment>> batch) {
        List<Outgoing<Enrollment>> completed = new ArrayList<>();
        List<Outgoing<Enrollment>> confirmedBefore = new ArrayList<>();
        for (Outgoing<Enrollment> outgoing : batch) {
            (outgoing.tracker().isConfirmed() ? confirmedBefore : completed).add(outgoing);
        }
        List<BatchSender.Accepted<Enrollment>> result = new ArrayList<>(send(run, confirmedBefore));
        if (completed.isEmpty() || run.mode() == RunMode.VALIDATE) {
            result.addAll(send(run, completed));
            return result;
        }
        List<Outgoing<Enrollment>> asActive = new ArrayList<>();
        for (Outgoing<Enrollment> outgoing : completed) {
            asActive.add(outgoing.with(asActive(outgoing.payload())));
        }
        // successes are counted once, by the second pass; refusals of the first are the record's error
        List<BatchSender.Accepted<Enrollment>> opened = delivery.sender().send(run, SyncCategory.ENROLLMENT,
                ObjectType.ENROLLMENT,
                asActive, list -> client.importEnrollments(list, run.importMode()), false);
        Map<String, Boolean> createdByFirstPass = new HashMap<>();
        for (BatchSender.Accepted<Enrollment> ok : opened) {
            createdByFirstPass.put(ok.outgoing().openmrsUuid(), ok.created());
        }
        List<Outgoing<Enrollment>> toComplete = new ArrayList<>();
        for (Outgoing<Enrollment> outgoing : completed) {
            if (createdByFirstPass.containsKey(outgoing.openmrsUuid())) {
                toComplete.add(outgoing);
            }
        }
        for (BatchSender.Accepted<Enrollment> ok : send(run, toComplete)) {
            boolean created = createdByFirstPass.get(ok.outgoing().openmrsUuid()) || ok.created();
            result.add(new BatchSender.Accepted<>(ok.outgoing(), created));
        }
        return result;
    }

    private List<BatchSender.Accepted<Enrollment>> send(RunContext run, List<Outgoing<Enrollment>> batch) {
        return delivery.sender().send(run, SyncCategory.ENROLLMENT, ObjectType.ENROLLMENT, batch,
                list -> client.importEnrollments(list, run.importMode()));
    }

    private void preview(RunContext run, EnrollmentRecord enrollment, EnrollmentTracker tracker, String orgUnit,
            EnrollmentStatus status) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        // a value the record lacks is left out (never the text "null"): the error says why it cannot be sent
        if (enrollment.getDateEnrolled() != null) {
            values.put("enrolledAt", enrollment.getDateEnrolled().toString());
        }
        if (enrollment.getDateCompleted() != null) {
            values.put("completedAt", enrollment.getDateCompleted().toString());
        }
        if (orgUnit != null) {
            values.put("orgUnit", orgUnit);
        }
        run.tally().pending(new PendingRecord(SyncCategory.ENROLLMENT, enrollment.getUuid(),
                tracker == null ? Decision.NEW : Decision.UPDATE, tracker == null ? null : tracker.getEnrollmentUid(),
                status.name(), values, orgUnit == null ? OrgUnitResolver.noOrgUnitMessage("enrollment "
                        + enrollment.getUuid(), enrollment.getLocationUuid()) : null));
    }

    /** Instance trackers of the chunk's patients; patients never sent (e.g. enrolled after their last change) go first. */
    private Map<String, InstanceTracker> instancesOf(RunContext run, Set<String> patientUuids) {
        Map<String, InstanceTracker> instances = store.instanceTrackers(patientUuids);
        if (run.mode() == RunMode.PREVIEW) {
            return instances;
        }
        List<String> missing = new ArrayList<>();
        for (String uuid : patientUuids) {
            if (!instances.containsKey(uuid)) {
                missing.add(uuid);
            }
        }
        if (!missing.isEmpty()) {
            List<PatientRecord> loaded = source.loadPatientsByUuid(missing);
            patients.sync(run, loaded);
            run.tally().alsoLookedAt(SyncCategory.INSTANCE, loaded.size());
            if (run.mode() == RunMode.SYNC) {
                instances = store.instanceTrackers(patientUuids);
            }
        }
        return instances;
    }

    /** Step 2 of the seed: the DHIS2 enrollments of the patients whose enrollments are new here. */
    private Map<String, List<Enrollment>> existingEnrollments(RunContext run, List<EnrollmentRecord> chunk,
            Map<String, EnrollmentTracker> trackers, Map<String, InstanceTracker> instances) {
        if (run.mode() == RunMode.PREVIEW) {
            return Collections.emptyMap();
        }
        Set<String> instanceUids = new LinkedHashSet<>();
        for (EnrollmentRecord enrollment : chunk) {
            InstanceTracker instance = instances.get(enrollment.getPatientUuid());
            if (!trackers.containsKey(enrollment.getUuid()) && !enrollment.isVoided() && instance != null) {
                instanceUids.add(instance.getInstanceUid());
            }
        }
        if (instanceUids.isEmpty()) {
            return Collections.emptyMap();
        }
        return client.enrollmentsOf(instanceUids, run.config().getDhis2ProgramUid());
    }

    private Set<String> alreadyTracked(String instanceUid) {
        Set<String> uids = new HashSet<>();
        for (EnrollmentTracker tracker : store.enrollmentTrackersOfInstance(instanceUid)) {
            uids.add(tracker.getEnrollmentUid());
        }
        return uids;
    }

    private static FailureKey keyOf(EnrollmentRecord enrollment) {
        return FailureKey.of(SyncCategory.ENROLLMENT, enrollment.getUuid());
    }

    /** The seed's order: new completed, updated completed, new active, updated active; cancellations last. */
    private static int sendingOrder(EnrollmentRecord enrollment, boolean tracked) {
        if (enrollment.isVoided()) {
            return 4;
        }
        return (enrollment.isCompleted() ? 0 : 2) + (tracked ? 1 : 0);
    }

    private static EnrollmentStatus statusOf(EnrollmentRecord enrollment) {
        if (enrollment.isVoided()) {
            return EnrollmentStatus.CANCELLED;
        }
        return enrollment.isCompleted() ? EnrollmentStatus.COMPLETED : EnrollmentStatus.ACTIVE;
    }

    private static Enrollment asActive(Enrollment completed) {
        return new Enrollment(completed.getUid(), completed.getTrackedEntityUid(), completed.getProgramUid(),
                completed.getOrgUnit(), EnrollmentStatus.ACTIVE, completed.getEnrolledAt(), completed.getOccurredAt(),
                null, completed.getEvents());
    }

    private static Enrollment payload(RunContext run, EnrollmentRecord enrollment, String instanceUid, String uid,
            String orgUnit, EnrollmentStatus status) {
        return new Enrollment(uid, instanceUid, run.config().getDhis2ProgramUid(), orgUnit, status,
                enrollment.getDateEnrolled(), enrollment.getDateEnrolled(),
                status == EnrollmentStatus.COMPLETED ? enrollment.getDateCompleted() : null,
                Collections.emptyList());
    }

    private static Date toDate(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
