package org.openmrs.module.dhis2sync.api;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.openmrs.api.impl.BaseOpenmrsService;
import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Pickers;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.Page;
import org.openmrs.module.dhis2sync.dhis2.PageRequest;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.health.HealthReport;
import org.openmrs.module.dhis2sync.jobs.JobKind;
import org.openmrs.module.dhis2sync.jobs.JobPage;
import org.openmrs.module.dhis2sync.jobs.JobState;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.MappingImportReport;
import org.openmrs.module.dhis2sync.names.MappingNames;
import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.reconcile.ReconcileResult;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.PatientFieldItem;
import org.openmrs.module.dhis2sync.source.PatientSummary;
import org.openmrs.module.dhis2sync.status.PatientSyncStatus;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.tracking.DailyCount;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.LogQuery;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service OpenMRS registers: its transactions (the annotations here) around one call of the collaborator that
 * answers the request. Runs commit in their own transactions (see
 * {@link org.openmrs.module.dhis2sync.sync.TrackerStore}), so the run methods are not transactional here: each of
 * a run's chunks reads and writes in a transaction of its own.
 */
@Transactional(readOnly = true)
public class Dhis2SyncServiceImpl extends BaseOpenmrsService implements Dhis2SyncService {

    private final SettingsAdmin settings;
    private final MappingRequests mappings;
    private final SyncRuns runs;
    private final JobRequests jobs;
    private final ReconcileRuns reconciles;
    private final RunHistory history;
    private final OrgUnitRows orgUnits;
    private final Dhis2Pickers dhis2;
    private final MappingReferences references;
    private final OpenmrsLookups openmrs;

    public Dhis2SyncServiceImpl(SettingsAdmin settings, MappingRequests mappings, SyncRuns runs, JobRequests jobs,
            ReconcileRuns reconciles, RunHistory history, OrgUnitRows orgUnits, Dhis2Pickers dhis2,
            MappingReferences references, OpenmrsLookups openmrs) {
        this.settings = settings;
        this.mappings = mappings;
        this.runs = runs;
        this.jobs = jobs;
        this.reconciles = reconciles;
        this.history = history;
        this.orgUnits = orgUnits;
        this.dhis2 = dhis2;
        this.references = references;
        this.openmrs = openmrs;
    }

    // --- settings

    @Override
    public SyncSettings getSettings() {
        return settings.read();
    }

    @Override
    @Transactional
    public void saveSettings(SettingsUpdate update) {
        settings.save(update);
    }

    @Override
    public ConnectionTest testConnection() {
        return settings.testConnection();
    }

    // --- mappings

    @Override
    public List<Mapping> getMappings(boolean includeRetired) {
        return mappings.all(includeRetired);
    }

    @Override
    public Mapping getMapping(String uuid) {
        return mappings.find(uuid);
    }

    @Override
    public MappingConfig getMappingConfig(String uuid) {
        return mappings.config(uuid);
    }

    @Override
    @Transactional
    public Mapping createMapping(MappingConfig config) {
        return mappings.create(config);
    }

    @Override
    @Transactional
    public Mapping updateMapping(String uuid, MappingConfig config) {
        return mappings.update(uuid, config);
    }

    @Override
    @Transactional
    public Mapping retireMapping(String uuid) {
        return mappings.retire(uuid);
    }

    @Override
    public String exportMappings(List<String> uuids) {
        return mappings.export(uuids);
    }

    @Override
    @Transactional
    public MappingImportReport importMappings(String json) {
        return mappings.importAll(json);
    }

    // --- runs

    @Override
    public RunState startSync(String mappingUuid, String comment) {
        return runs.start(mappingUuid, comment);
    }

    @Override
    public List<RunState> startSyncOfAll(String comment) {
        return runs.startAll(comment);
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED, readOnly = true)
    public List<RunState> runScheduledSync() {
        return runs.runScheduled();
    }

    @Override
    public RunState getRun(String runId) {
        return runs.state(runId);
    }

    @Override
    public List<RunState> getActiveRuns() {
        return runs.active();
    }

    @Override
    public List<String> releaseDeadRuns() {
        return runs.releaseDead();
    }

    /** OpenMRS is read as the daemon; the records are shown only to a user who may read them in OpenMRS. */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED, readOnly = true)
    public RunTally preview(String mappingUuid) {
        return runs.preview(mappingUuid);
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED, readOnly = true)
    public RunTally validate(String mappingUuid) {
        return runs.validate(mappingUuid);
    }

    @Override
    public RunState retryFailure(Long failureId) {
        return runs.retry(failureId);
    }

    @Override
    public List<RunState> retryFailures(String mappingUuid) {
        return runs.retryAll(mappingUuid);
    }

    // --- background jobs

    @Override
    public JobState startJob(JobKind kind, String mappingUuid, String reason) {
        return jobs.start(kind, mappingUuid, reason);
    }

    @Override
    public JobState getJob(String jobId) {
        return jobs.state(jobId);
    }

    @Override
    public List<JobState> getJobs(JobKind kind, String mappingUuid) {
        return jobs.list(kind, mappingUuid);
    }

    @Override
    public JobState cancelJob(String jobId) {
        return jobs.cancel(jobId);
    }

    @Override
    public JobPage<?> getJobRecords(String jobId, String group, boolean problemsOnly, int offset, int limit) {
        return jobs.records(jobId, group, problemsOnly, offset, limit);
    }

    // --- reconcile and resend

    @Override
    public RunState startReconcile(String mappingUuid, String comment) {
        return reconciles.start(mappingUuid, comment, false);
    }

    @Override
    public RunState startResendDifferences(String mappingUuid, String comment) {
        return reconciles.start(mappingUuid, comment, true);
    }

    @Override
    public ReconcileResult getReconcile(String runId) {
        return reconciles.result(runId);
    }

    @Override
    public ReconcileResult getLatestReconcile(String mappingUuid) {
        return reconciles.latest(mappingUuid);
    }

    @Override
    public Map<SyncCategory, Integer> countResendFromDate(String mappingUuid, Date from) {
        return reconciles.countFrom(mappingUuid, from);
    }

    @Override
    public RunState startResendFromDate(String mappingUuid, Date from, String comment) {
        return reconciles.startFrom(mappingUuid, from, comment);
    }

    @Override
    public List<ReconcileResult> runScheduledReconcile() {
        return reconciles.runScheduled();
    }

    // --- logs and failures

    @Override
    public Date getLastSuccessfulSync(String mappingUuid) {
        return history.lastSuccess(mappingUuid);
    }

    @Override
    public List<SyncLog> getLogs(LogQuery query) {
        return history.logs(query);
    }

    @Override
    public long countLogs(LogQuery query) {
        return history.countLogs(query);
    }

    @Override
    public List<DailyCount> getRecordsPerDay(int days) {
        return history.recordsPerDay(days);
    }

    @Override
    public List<FailedRecord> getFailures(String mappingUuid, int firstResult, int maxResults) {
        return history.failures(mappingUuid, firstResult, maxResults);
    }

    @Override
    public long countFailures(String mappingUuid) {
        return history.countFailures(mappingUuid);
    }

    // --- org units

    @Override
    public List<OrgUnitMapping> getOrgUnitMappings() {
        return orgUnits.all();
    }

    @Override
    @Transactional
    public OrgUnitMapping saveOrgUnitMapping(String locationUuid, String orgUnitUid) {
        return orgUnits.save(locationUuid, orgUnitUid);
    }

    @Override
    @Transactional
    public void deleteOrgUnitMapping(String locationUuid) {
        orgUnits.delete(locationUuid);
    }

    // --- DHIS2 metadata

    @Override
    public Page<ProgramInfo> getDhis2Programs(PageRequest page) {
        return dhis2.programs(page);
    }

    @Override
    public ProgramInfo getDhis2Program(String uid) {
        return dhis2.program(uid);
    }

    @Override
    public Page<AttributeInfo> getDhis2Attributes(String nameQuery, PageRequest page) {
        return dhis2.attributes(nameQuery, page);
    }

    @Override
    public Page<DataElementInfo> getDhis2DataElements(String nameQuery, PageRequest page) {
        return dhis2.dataElements(nameQuery, page);
    }

    @Override
    public Page<OptionSetInfo> getDhis2OptionSets(String nameQuery, PageRequest page) {
        return dhis2.optionSets(nameQuery, page);
    }

    @Override
    public Page<OrgUnitInfo> getDhis2OrgUnits(String nameQuery, PageRequest page) {
        return dhis2.orgUnits(nameQuery, page);
    }

    // --- OpenMRS metadata, names, patients

    @Override
    public List<MetadataItem> getOpenmrsMetadata(MetadataKind kind) {
        return openmrs.metadata(kind);
    }

    @Override
    public List<ConceptItem> searchConcepts(String nameQuery, int limit) {
        return openmrs.concepts(nameQuery, limit);
    }

    @Override
    public List<PatientFieldItem> getPatientFields() {
        return openmrs.patientFields();
    }

    @Override
    public MappingNames getMappingNames(List<String> mappingUuids) {
        return references.names(mappingUuids);
    }

    @Override
    public RecordNames getRecordNames(Collection<String> patientUuids, Collection<String> enrollmentUuids,
            Collection<String> encounterUuids) {
        return openmrs.recordNames(patientUuids, enrollmentUuids, encounterUuids);
    }

    @Override
    public List<PatientSummary> findPatients(String query, int limit) {
        return openmrs.findPatients(query, limit);
    }

    @Override
    public PatientSyncStatus getPatientSyncStatus(String patientUuid) {
        return openmrs.patientSyncStatus(patientUuid);
    }

    // --- mapping health

    @Override
    public HealthReport checkMappingHealth(String mappingUuid) {
        return references.checkHealth(mappingUuid);
    }

    @Override
    public HealthReport checkMappingHealth(MappingConfig config) {
        return references.checkHealth(config);
    }
}
