package org.openmrs.module.dhis2sync.sync;

import java.util.Comparator;
import java.util.List;

import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.EnrollmentStatus;

/**
 * Which DHIS2 enrollment an OpenMRS enrollment that is not tracked yet lands in: the Appendix tables of the seed
 * design. An ACTIVE enrollment in DHIS2 is always reused (DHIS2 allows one per program); otherwise, with "open latest
 * completed enrollment", the latest COMPLETED one is re-opened; otherwise a new enrollment is created.
 * <p>
 * A tracked enrollment keeps its UID whatever DHIS2 holds (the "Update" tables): the conflicts of those tables are
 * DHIS2's own refusals (re-opening a completed enrollment while another is active), reported per record.
 */
public final class EnrollmentDecision {

    private EnrollmentDecision() {
    }

    /**
     * @param existing the tracked entity's enrollments in the program as DHIS2 holds them
     * @return the UID of the DHIS2 enrollment to update, or null to create a new one
     */
    public static String reuse(List<Enrollment> existing, boolean openLatestCompletedEnrollment) {
        Comparator<Enrollment> byDate = Comparator.comparing(EnrollmentDecision::dateOf,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Enrollment latestActive = existing.stream().filter(e -> e.getStatus() == EnrollmentStatus.ACTIVE)
                .max(byDate).orElse(null);
        if (latestActive != null) {
            return latestActive.getUid();
        }
        if (!openLatestCompletedEnrollment) {
            return null;
        }
        return existing.stream().filter(e -> e.getStatus() == EnrollmentStatus.COMPLETED).max(byDate)
                .map(Enrollment::getUid).orElse(null);
    }

    private static java.time.LocalDate dateOf(Enrollment enrollment) {
        return enrollment.getEnrolledAt();
    }
}
