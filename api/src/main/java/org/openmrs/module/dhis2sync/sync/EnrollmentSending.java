package org.openmrs.module.dhis2sync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.EnrollmentStatus;
import org.openmrs.module.dhis2sync.dhis2.ObjectType;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/** How a batch of enrollments is sent: one import, or for completed ones the seed's two passes. */
final class EnrollmentSending {

    private final Dhis2Client client;
    private final BatchSender sender;

    EnrollmentSending(Dhis2Client client, BatchSender sender) {
        this.client = client;
        this.sender = sender;
    }

    /**
     * Completed enrollments as the seed sends them when DHIS2 has not confirmed them yet (new, or an enrollment of
     * DHIS2 re-used): ACTIVE first (where a re-open that DHIS2 refuses shows up as that record's error), then
     * COMPLETED for those DHIS2 took. One DHIS2 already confirmed goes COMPLETED at once: sending it ACTIVE again
     * would be refused (E1015) while the patient's next enrollment is active.
     */
    List<BatchSender.Accepted<Enrollment>> sendCompleted(RunContext run, List<Outgoing<Enrollment>> batch) {
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
        List<BatchSender.Accepted<Enrollment>> opened = sender.send(run, SyncCategory.ENROLLMENT,
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

    List<BatchSender.Accepted<Enrollment>> send(RunContext run, List<Outgoing<Enrollment>> batch) {
        return sender.send(run, SyncCategory.ENROLLMENT, ObjectType.ENROLLMENT, batch,
                list -> client.importEnrollments(list, run.importMode()));
    }

    private static Enrollment asActive(Enrollment completed) {
        return new Enrollment(completed.getUid(), completed.getTrackedEntityUid(), completed.getProgramUid(),
                completed.getOrgUnit(), EnrollmentStatus.ACTIVE, completed.getEnrolledAt(), completed.getOccurredAt(),
                null, completed.getEvents());
    }
}
