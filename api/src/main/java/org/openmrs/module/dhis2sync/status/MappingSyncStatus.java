package org.openmrs.module.dhis2sync.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.sync.PendingRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;

/** One patient under one mapping: what was sent, what DHIS2 refused last, what a run would send now. */
public final class MappingSyncStatus {

    private final String mappingUuid;
    private final String mappingName;
    private final String dhis2ProgramUid;
    private final List<SentRecord> enrollments;
    private final List<SentRecord> events;
    private final List<FailedRecord> failures;
    private final List<PendingRecord> pending;
    private final String pendingProblem;

    /** @param pendingProblem why what is pending could not be worked out, or null */
    public MappingSyncStatus(String mappingUuid, String mappingName, String dhis2ProgramUid,
            List<SentRecord> enrollments, List<SentRecord> events, List<FailedRecord> failures,
            List<PendingRecord> pending, String pendingProblem) {
        this.mappingUuid = mappingUuid;
        this.mappingName = mappingName;
        this.dhis2ProgramUid = dhis2ProgramUid;
        this.enrollments = Collections.unmodifiableList(new ArrayList<>(enrollments));
        this.events = Collections.unmodifiableList(new ArrayList<>(events));
        this.failures = Collections.unmodifiableList(new ArrayList<>(failures));
        this.pending = Collections.unmodifiableList(new ArrayList<>(pending));
        this.pendingProblem = pendingProblem;
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public String getMappingName() {
        return mappingName;
    }

    public String getDhis2ProgramUid() {
        return dhis2ProgramUid;
    }

    /** The patient's enrollments in the mapping's OpenMRS program, sent or not. */
    public List<SentRecord> getEnrollments() {
        return enrollments;
    }

    /** The events sent for the patient's encounters in the mapping's DHIS2 program. */
    public List<SentRecord> getEvents() {
        return events;
    }

    /** The patient's records DHIS2 refused (or that could not be sent) and that the next run retries. */
    public List<FailedRecord> getFailures() {
        return failures;
    }

    /** The patient's records a run of the mapping would send now, decided as preview decides them. */
    public List<PendingRecord> getPending() {
        return pending;
    }

    public String getPendingProblem() {
        return pendingProblem;
    }
}
