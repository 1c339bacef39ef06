package org.openmrs.module.dhis2sync.dhis2;

/**
 * What DHIS2 keeps of the completion date the module sends with a COMPLETED (or CANCELLED) enrollment, by version and
 * API; seen on the real servers and in dhis2-core's source. The tracker API of 2.41 ignores the {@code completedAt} it
 * is sent and stores the time of the import ({@code EnrollmentTrackerConverterService}, every 2.41.x); 2.42 and later
 * store the date sent ({@code TrackerObjectsMapper}), and so does the deprecated API. Both APIs change the date only
 * when the status changes: an enrollment sent COMPLETED again keeps the date it has. An event's completion date is the
 * time of the import everywhere: the module does not send one.
 */
public final class CompletionDates {

    private CompletionDates() {
    }

    /** Whether this DHIS2, through this API, replaces an enrollment's completion date with the time of the sync. */
    public static boolean dropsEnrollmentCompletedAt(SystemInfo info, ApiGeneration generation) {
        return generation == ApiGeneration.TRACKER && !info.isAtLeast(2, 42);
    }

    /** For the settings page: what an implementer must know, or null when DHIS2 keeps the dates the module sends. */
    public static String notice(SystemInfo info, ApiGeneration generation) {
        if (!dropsEnrollmentCompletedAt(info, generation)) {
            return null;
        }
        return "DHIS2 " + info.getVersion() + " stores the time of the sync as an enrollment's completion date, not the "
                + "date it was completed in OpenMRS (its tracker API ignores the date sent; DHIS2 2.42 and later keep it, "
                + "and so does the legacy API of 2.41). Reports on completion dates in DHIS2 will show sync times.";
    }
}
