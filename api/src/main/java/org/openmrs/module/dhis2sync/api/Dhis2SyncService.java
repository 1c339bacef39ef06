package org.openmrs.module.dhis2sync.api;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.openmrs.annotation.Authorized;
import org.openmrs.api.OpenmrsService;
import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.Page;
import org.openmrs.module.dhis2sync.dhis2.PageRequest;
import org.openmrs.module.dhis2sync.health.HealthReport;
import org.openmrs.module.dhis2sync.jobs.JobKind;
import org.openmrs.module.dhis2sync.jobs.JobPage;
import org.openmrs.module.dhis2sync.jobs.JobState;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.MappingImportReport;
import org.openmrs.module.dhis2sync.names.MappingNames;
import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.reconcile.ReconcileResult;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.PatientFieldItem;
import org.openmrs.module.dhis2sync.source.PatientSummary;
import org.openmrs.module.dhis2sync.status.PatientSyncStatus;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.tracking.DailyCount;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.LogQuery;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.openmrs.module.dhis2sync.tracking.SyncLog;

/**
 * The module's one entry point, registered with OpenMRS ({@code Context.getService(Dhis2SyncService.class)}).
 * OpenMRS enforces the {@link Authorized} privilege of each method. Methods taking a uuid or id throw
 * {@link NotFoundException} when nothing has it.
 */
public interface Dhis2SyncService extends OpenmrsService {

    // --- settings

    /**
     * @return the settings; the DHIS2 password is never returned, only whether one is set
     * @throws InvalidSettingsException when a stored setting is invalid, naming it
     */
    @Authorized(Dhis2SyncPrivileges.MANAGE_SETTINGS)
    SyncSettings getSettings();

    /** Stores the settings; the password only when the update sets or clears it. */
    @Authorized(Dhis2SyncPrivileges.MANAGE_SETTINGS)
    void saveSettings(SettingsUpdate update);

    /** Asks DHIS2 its version and who the module is there; never throws for DHIS2's failures (they are the answer). */
    @Authorized(Dhis2SyncPrivileges.MANAGE_SETTINGS)
    ConnectionTest testConnection();

    // --- mappings

    /** Also for log viewers: the logs and failures screens filter and name by mapping. */
    @Authorized({Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS})
    List<Mapping> getMappings(boolean includeRetired);

    @Authorized({Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC})
    Mapping getMapping(String uuid);

    @Authorized({Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC})
    MappingConfig getMappingConfig(String uuid);

    /**
     * @throws org.openmrs.module.dhis2sync.mapping.MappingValidationException naming every invalid field
     * @throws org.openmrs.module.dhis2sync.mapping.MappingNameTakenException when the name is taken
     */
    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    Mapping createMapping(MappingConfig config);

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    Mapping updateMapping(String uuid, MappingConfig config);

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    Mapping retireMapping(String uuid);

    /** @param uuids the mappings to export; empty for every active one */
    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    String exportMappings(List<String> uuids);

    /** Never overwrites a mapping of the same name: it is reported as a conflict. */
    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    MappingImportReport importMappings(String json);

    // --- runs

    /**
     * Starts a run of the mapping in the background.
     *
     * @throws org.openmrs.module.dhis2sync.sync.RunInProgressException when one is going
     */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    RunState startSync(String mappingUuid, String comment);

    /** Starts a run of every active mapping that is not running already. */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    List<RunState> startSyncOfAll(String comment);

    /** The scheduler's run: every active mapping in turn, in this thread, with the comment "Scheduled sync". */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    List<RunState> runScheduledSync();

    /** @return the run going now or finished; null when unknown */
    @Authorized({Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS})
    RunState getRun(String runId);

    @Authorized({Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS})
    List<RunState> getActiveRuns();

    /**
     * Frees the mapping locks left by runs that died with a previous start of this server (OpenMRS killed or
     * restarted mid-run) and marks their log rows interrupted. The module does it at start.
     *
     * @return the run ids freed
     */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    List<String> releaseDeadRuns();

    /** What a run would send now, with NEW / UPDATE decisions; nothing is sent or written. */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    RunTally preview(String mappingUuid);

    /** DHIS2's verdict on what a run would send, from its validation-only import; nothing is written anywhere. */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    RunTally validate(String mappingUuid);

    // --- background jobs: preview and check of everything pending

    /**
     * Starts a background job of the mapping: a {@link JobKind#PREVIEW} of what a sync would send now, or a
     * {@link JobKind#CHECK} of all of it by DHIS2's validation-only import. Nothing is written anywhere.
     *
     * @param reason why, in the user's words (may be null)
     * @throws org.openmrs.module.dhis2sync.jobs.JobRunningException when one of that kind and mapping is going
     * @throws org.openmrs.module.dhis2sync.dhis2.ValidationUnavailableException a check of a DHIS2 below 2.41
     */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    JobState startJob(JobKind kind, String mappingUuid, String reason);

    /** @throws NotFoundException when no job has the id (never started, or forgotten since) */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    JobState getJob(String jobId);

    /** The jobs whose results are kept, optionally of one kind and/or mapping (null for any). */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    List<JobState> getJobs(JobKind kind, String mappingUuid);

    /** Asks the job to stop after its current chunk; what it found so far is kept. */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    JobState cancelJob(String jobId);

    /**
     * A page of the job's records.
     *
     * @param group a category (INSTANCE, ENROLLMENT, EVENT), or null for all
     * @param problemsOnly only the records with a problem
     */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    JobPage<?> getJobRecords(String jobId, String group, boolean problemsOnly, int offset, int limit);

    /** @return the end of the mapping's last run that finished (fully or with some records refused), or null */
    @Authorized({Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS})
    Date getLastSuccessfulSync(String mappingUuid);

    // --- reconcile and resend

    /**
     * Starts a reconcile of the mapping in the background: what DHIS2 holds for the records the mapping sent, compared
     * with what OpenMRS says now; nothing is written (but its log row). A run of its own: refused while a run of the
     * mapping goes.
     *
     * @param comment why (kept in the log); required
     * @throws org.openmrs.module.dhis2sync.sync.RunInProgressException when a run of the mapping goes
     */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    RunState startReconcile(String mappingUuid, String comment);

    /**
     * Starts a reconcile that sends again, in the same run, every record it finds missing (under a new UID) or
     * different; extra records are left as they are.
     */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    RunState startResendDifferences(String mappingUuid, String comment);

    /** The reconcile (or resend of differences) of that run, kept since this server started; null when unknown. */
    @Authorized({Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS})
    ReconcileResult getReconcile(String runId);

    /** The mapping's latest reconcile (or resend of differences) since this server started, or null. */
    @Authorized({Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS})
    ReconcileResult getLatestReconcile(String mappingUuid);

    /** How many records a resend from that date would send again, per category (those changed since). */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    Map<SyncCategory, Integer> countResendFromDate(String mappingUuid, Date from);

    /**
     * Moves the mapping's markers back to the date and starts a sync from there, in the background: everything
     * changed since then is sent again as OpenMRS and the mapping say now.
     */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    RunState startResendFromDate(String mappingUuid, Date from, String comment);

    /** The scheduler's reconcile: every active mapping in turn, in this thread, comment "Scheduled reconcile". */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    List<ReconcileResult> runScheduledReconcile();

    // --- logs and failures

    @Authorized(Dhis2SyncPrivileges.VIEW_LOGS)
    List<SyncLog> getLogs(LogQuery query);

    @Authorized(Dhis2SyncPrivileges.VIEW_LOGS)
    long countLogs(LogQuery query);

    @Authorized(Dhis2SyncPrivileges.VIEW_LOGS)
    List<DailyCount> getRecordsPerDay(int days);

    /** @param mappingUuid one mapping's failures, or null for all */
    @Authorized(Dhis2SyncPrivileges.VIEW_LOGS)
    List<FailedRecord> getFailures(String mappingUuid, int firstResult, int maxResults);

    @Authorized(Dhis2SyncPrivileges.VIEW_LOGS)
    long countFailures(String mappingUuid);

    /** Retries now: starts a run of the failure's mapping (failures go first in a run). */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    RunState retryFailure(Long failureId);

    /** @param mappingUuid the mapping whose failures to retry, or null for every mapping with failures */
    @Authorized(Dhis2SyncPrivileges.RUN_SYNC)
    List<RunState> retryFailures(String mappingUuid);

    // --- org units

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    List<OrgUnitMapping> getOrgUnitMappings();

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    OrgUnitMapping saveOrgUnitMapping(String locationUuid, String orgUnitUid);

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    void deleteOrgUnitMapping(String locationUuid);

    // --- DHIS2 metadata, for the mapping editor's pickers (the browser never holds DHIS2 credentials)

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    Page<ProgramInfo> getDhis2Programs(PageRequest page);

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    ProgramInfo getDhis2Program(String uid);

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    Page<AttributeInfo> getDhis2Attributes(String nameQuery, PageRequest page);

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    Page<DataElementInfo> getDhis2DataElements(String nameQuery, PageRequest page);

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    Page<OptionSetInfo> getDhis2OptionSets(String nameQuery, PageRequest page);

    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    Page<OrgUnitInfo> getDhis2OrgUnits(String nameQuery, PageRequest page);

    // --- OpenMRS metadata, for the mapping editor's pickers

    /** The non-retired programs, encounter types, forms, ... of this OpenMRS, by name. */
    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    List<MetadataItem> getOpenmrsMetadata(MetadataKind kind);

    /**
     * Concepts found by name, with their answers and set members.
     *
     * @throws FieldException "q" when the query has fewer than 2 characters, "limit" when not within 1..100
     */
    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    List<ConceptItem> searchConcepts(String nameQuery, int limit);

    /** The source fields a mapping can send as tracked entity attributes, with labels. */
    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    List<PatientFieldItem> getPatientFields();

    // --- names, for every screen (the page reads them once per kind and page load)

    /**
     * The names of everything the mappings refer to, in OpenMRS and in DHIS2 (with the installation's org unit
     * table); a part that cannot be read (DHIS2 down) is a problem of the result, not a failure.
     *
     * @param mappingUuids the mappings; empty for every active one
     */
    @Authorized({Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS})
    MappingNames getMappingNames(List<String> mappingUuids);

    /**
     * Patients (name, preferred identifier), enrollments and encounters by uuid, with the patients of the
     * enrollments and encounters. Also needs OpenMRS's "Get Patients" (APIAuthenticationException without it).
     *
     * @throws FieldException "uuids" when more than {@value OpenmrsLookups#MAX_NAMED_RECORDS} are asked at once
     */
    @Authorized({Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC, Dhis2SyncPrivileges.VIEW_LOGS})
    RecordNames getRecordNames(Collection<String> patientUuids, Collection<String> enrollmentUuids,
            Collection<String> encounterUuids);

    // --- one patient's sync status

    /**
     * Patients by identifier (its start) or name (every word starts one of the names). Also needs "Get Patients".
     *
     * @throws FieldException "q" when the query has fewer than 2 characters
     */
    @Authorized(Dhis2SyncPrivileges.VIEW_LOGS)
    List<PatientSummary> findPatients(String query, int limit);

    /**
     * Where the patient stands with DHIS2: UIDs, what was sent and when, what DHIS2 refused last, what is pending
     * (the engine's preview of this patient alone). Also needs "Get Patients".
     */
    @Authorized(Dhis2SyncPrivileges.VIEW_LOGS)
    PatientSyncStatus getPatientSyncStatus(String patientUuid);

    // --- mapping health

    /** The saved mapping checked against DHIS2's live metadata (what every run checks before it sends). */
    @Authorized({Dhis2SyncPrivileges.MANAGE_MAPPINGS, Dhis2SyncPrivileges.RUN_SYNC})
    HealthReport checkMappingHealth(String mappingUuid);

    /** An unsaved (valid) mapping, from the editor, checked against DHIS2's live metadata. */
    @Authorized(Dhis2SyncPrivileges.MANAGE_MAPPINGS)
    HealthReport checkMappingHealth(MappingConfig config);
}
