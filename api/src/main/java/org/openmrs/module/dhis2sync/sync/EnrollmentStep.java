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

    static final String NO_DATE = "no enrollment date: OpenMRS allows a program enrollment without date_enrolled,"
            + " DHIS2 does not; set the date in the patient's program enrollment (this enrollment and its encounters"
            + " wait; the rest of the run goes on)";

    private final Dhis2Client client;
    private final ClinicalSource source;
    private final TrackerStore store;
    private final Delivery delivery;
    private final PatientStep patients;
    private final Backfill backfill;
    private final EnrollmentSending sending;

    /** @param backfill where enrollments DHIS2 confirms for the first time are left for their earlier encounters */
    EnrollmentStep(Dhis2Client client, ClinicalSource source, TrackerStore store, Delivery delivery,
            PatientStep patients, Backfill backfill) {
        this.client = client;
        this.source = source;
        this.store = store;
        this.delivery = delivery;
        this.patients = patients;
        this.backfill = backfill;
        this.sending = new EnrollmentSending(client, delivery.sender());
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
        Map<String, Set<String>> claimed = alreadyTracked(run, ordered, trackers, instances);
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
                        null, "patient " + enrollment.getPatientUuid() + (run.mode() == RunMode.VALIDATE
                        ? " is refused by this check (see the patient's verdict): DHIS2 would refuse its enrollment"
                        : " is not in DHIS2 yet (see its failure); retried next run"));
                continue;
            }
            if (orgUnit == null) {
                delivery.sender().fail(run, keyOf(enrollment), tracker == null ? null : tracker.getEnrollmentUid(),
                        null, OrgUnitResolver.noOrgUnitMessage("enrollment " + enrollment.getUuid(), enrollment.getLocationUuid()));
                continue;
            }
            if (enrollment.getDateEnrolled() == null) {
                delivery.sender().fail(run, keyOf(enrollment), tracker == null ? null : tracker.getEnrollmentUid(),
                        null, NO_DATE);
                continue;
            }
            boolean isNew = false;
            String uid;
            if (tracker != null) {
                uid = tracker.getEnrollmentUid();
            } else {
                Set<String> taken = claimed.computeIfAbsent(instance.getInstanceUid(), k -> new HashSet<>());
                List<Enrollment> candidates = new ArrayList<>();
                for (Enrollment existing : inDhis2.getOrDefault(instance.getInstanceUid(),
                        Collections.<Enrollment>emptyList())) {
                    if (!taken.contains(existing.getUid())) {
                        candidates.add(existing);
                    }
                }
                uid = EnrollmentDecision.reuse(candidates, run.config().getEnrollment().isOpenLatestCompletedEnrollment());
                for (Enrollment candidate : candidates) {
                    if (candidate.getUid().equals(uid) && candidate.getOrgUnit() != null) {
                        orgUnit = candidate.getOrgUnit(); // registered elsewhere: DHIS2's owner org unit stays
                    }
                }
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
            String held = ownerOrgUnit(inDhis2, instance.getInstanceUid(), uid);
            if (held != null) {
                orgUnit = held; // an enrollment DHIS2 holds keeps its org unit: the module never moves ownership
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
        accepted.addAll(delivery.deliver(run, SyncCategory.ENROLLMENT, completed, list -> sending.sendCompleted(run, list),
                backfill::holds));
        accepted.addAll(delivery.deliver(run, SyncCategory.ENROLLMENT, active, list -> sending.send(run, list),
                backfill::holds));
        accepted.addAll(delivery.deliver(run, SyncCategory.ENROLLMENT, cancelled, list -> sending.send(run, list),
                o -> false));
        for (Delivery.Delivered<Enrollment> ok : accepted) {
            if (ok.isHeld()) {
                backfill.owe(byUuid.get(ok.outgoing().openmrsUuid()), (EnrollmentTracker) ok.outgoing().tracker());
            }
        }
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
                        + enrollment.getUuid(), enrollment.getLocationUuid())
                        : enrollment.getDateEnrolled() == null ? NO_DATE : null));
    }

    /**
     * Instance trackers of the chunk's patients. Patients DHIS2 never confirmed go first: those never sent (enrolled
     * after their last change, so not in the patients' delta) and those left pending by a run that died (no failure
     * keeps them for a retry); a patient refused before is retried by its failure, not here.
     */
    private Map<String, InstanceTracker> instancesOf(RunContext run, Set<String> patientUuids) {
        Map<String, InstanceTracker> instances = store.instanceTrackers(patientUuids);
        if (run.mode() == RunMode.PREVIEW) {
            return instances;
        }
        List<String> pending = new ArrayList<>();
        for (InstanceTracker instance : instances.values()) {
            if (!instance.isConfirmed()) {
                pending.add(instance.getPatientUuid());
            }
        }
        Set<String> failing = store.failing(run.mappingUuid(), SyncCategory.INSTANCE, pending);
        List<String> missing = new ArrayList<>();
        for (String uuid : patientUuids) {
            InstanceTracker instance = instances.get(uuid);
            if (instance == null || (!instance.isConfirmed() && !failing.contains(uuid))) {
                missing.add(uuid);
            }
        }
        if (!missing.isEmpty()) {
            List<PatientRecord> loaded = source.loadPatientsByUuid(missing);
            patients.sync(run, loaded);
            run.tally().alsoLookedAt(SyncCategory.INSTANCE, loaded.size());
            if (run.mode() != RunMode.PREVIEW) { // a check's accepted patients are in its own trackers
                instances = store.instanceTrackers(patientUuids);
            }
        }
        return instances;
    }

    /** The org unit DHIS2 holds that enrollment in, or null when it does not hold it. */
    private static String ownerOrgUnit(Map<String, List<Enrollment>> inDhis2, String instanceUid, String uid) {
        for (Enrollment existing : inDhis2.getOrDefault(instanceUid, Collections.<Enrollment>emptyList())) {
            if (existing.getUid().equals(uid)) {
                return existing.getOrgUnit();
            }
        }
        return null;
    }

    /**
     * Step 2 of the seed: the DHIS2 enrollments of the chunk's patients, to re-use one for a new enrollment and to
     * keep the org unit of those DHIS2 holds. Tracked entities DHIS2 created in this run are not asked about: they
     * hold nothing yet (on a clinic's first sync, that is every one of them).
     */
    private Map<String, List<Enrollment>> existingEnrollments(RunContext run, List<EnrollmentRecord> chunk,
            Map<String, EnrollmentTracker> trackers, Map<String, InstanceTracker> instances) {
        if (run.mode() == RunMode.PREVIEW) {
            return Collections.emptyMap();
        }
        Set<String> instanceUids = new LinkedHashSet<>();
        for (EnrollmentRecord enrollment : chunk) {
            InstanceTracker instance = instances.get(enrollment.getPatientUuid());
            if (instance != null && (trackers.containsKey(enrollment.getUuid()) || !enrollment.isVoided())
                    && !run.createdInThisRun(instance.getInstanceUid())) {
                instanceUids.add(instance.getInstanceUid());
            }
        }
        if (instanceUids.isEmpty()) {
            return Collections.emptyMap();
        }
        return client.enrollmentsOf(instanceUids, run.config().getDhis2ProgramUid());
    }

    /**
     * The enrollment UIDs this installation already tracks for the tracked entities of the chunk's new enrollments
     * (so they are not re-used for others), in one query for the chunk.
     */
    private Map<String, Set<String>> alreadyTracked(RunContext run, List<EnrollmentRecord> chunk,
            Map<String, EnrollmentTracker> trackers, Map<String, InstanceTracker> instances) {
        if (run.mode() == RunMode.PREVIEW) {
            return new HashMap<>();
        }
        Set<String> instanceUids = new LinkedHashSet<>();
        for (EnrollmentRecord enrollment : chunk) {
            InstanceTracker instance = instances.get(enrollment.getPatientUuid());
            if (!trackers.containsKey(enrollment.getUuid()) && instance != null) {
                instanceUids.add(instance.getInstanceUid());
            }
        }
        return store.enrollmentUidsOfInstances(instanceUids);
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
