package org.openmrs.module.dhis2sync.api;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.openmrs.api.APIAuthenticationException;
import org.openmrs.api.impl.BaseOpenmrsService;
import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.CompletionDates;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.Page;
import org.openmrs.module.dhis2sync.dhis2.PageRequest;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.SystemInfo;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.health.HealthReport;
import org.openmrs.module.dhis2sync.health.MappingHealth;
import org.openmrs.module.dhis2sync.jobs.JobKind;
import org.openmrs.module.dhis2sync.jobs.JobPage;
import org.openmrs.module.dhis2sync.jobs.JobState;
import org.openmrs.module.dhis2sync.jobs.Jobs;
import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.MappingImportReport;
import org.openmrs.module.dhis2sync.mapping.MappingRegistry;
import org.openmrs.module.dhis2sync.names.MappingNames;
import org.openmrs.module.dhis2sync.names.MappingNamesReader;
import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.settings.Dhis2ClientFactory;
import org.openmrs.module.dhis2sync.settings.InvalidSettingsException;
import org.openmrs.module.dhis2sync.settings.SettingsStore;
import org.openmrs.module.dhis2sync.settings.SettingsUpdate;
import org.openmrs.module.dhis2sync.settings.SyncSettings;
import org.openmrs.module.dhis2sync.source.ConceptItem;
import org.openmrs.module.dhis2sync.source.EncounterSummary;
import org.openmrs.module.dhis2sync.source.EnrollmentSummary;
import org.openmrs.module.dhis2sync.source.MetadataItem;
import org.openmrs.module.dhis2sync.source.MetadataKind;
import org.openmrs.module.dhis2sync.source.PatientDirectory;
import org.openmrs.module.dhis2sync.source.PatientFieldItem;
import org.openmrs.module.dhis2sync.source.PatientSummary;
import org.openmrs.module.dhis2sync.source.SourceMetadata;
import org.openmrs.module.dhis2sync.status.PatientSyncStatus;
import org.openmrs.module.dhis2sync.status.PatientSyncStatusReader;
import org.openmrs.module.dhis2sync.sync.PendingJobs;
import org.openmrs.module.dhis2sync.sync.RunInProgressException;
import org.openmrs.module.dhis2sync.sync.RunRequest;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.reconcile.ReconcileResult;
import org.openmrs.module.dhis2sync.reconcile.Reconciliations;
import org.openmrs.module.dhis2sync.tracking.DailyCount;
import org.openmrs.module.dhis2sync.tracking.FailedRecord;
import org.openmrs.module.dhis2sync.tracking.FailedRecordDao;
import org.openmrs.module.dhis2sync.tracking.LogQuery;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMapping;
import org.openmrs.module.dhis2sync.tracking.OrgUnitMappingDao;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;
import org.openmrs.module.dhis2sync.tracking.SyncLog;
import org.openmrs.module.dhis2sync.tracking.SyncLogDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegates each concern to its collaborator; it holds no logic of its own beyond finding what a request names.
 * Runs commit in their own transactions (see {@link org.openmrs.module.dhis2sync.sync.TrackerStore}), so the
 * run methods are not transactional here.
 */
@Transactional(readOnly = true)
public class Dhis2SyncServiceImpl extends BaseOpenmrsService implements Dhis2SyncService {

    static final String SCHEDULED_COMMENT = "Scheduled sync";
    static final String SCHEDULED_RECONCILE_COMMENT = "Scheduled reconcile";
    static final int MIN_CONCEPT_QUERY = 2;
    static final int MAX_CONCEPT_RESULTS = 100;
    static final int MAX_NAMED_RECORDS = 2000;
    static final int MIN_PATIENT_QUERY = 2;
    static final int MAX_PATIENT_RESULTS = 50;
    private static final Logger log = LoggerFactory.getLogger(Dhis2SyncServiceImpl.class);

    private final SettingsStore settingsStore;
    private final Dhis2ClientFactory clients;
    private final MappingRegistry mappings;
    private final SyncRunner runner;
    private final SyncLogDao logs;
    private final FailedRecordDao failures;
    private final OrgUnitMappingDao orgUnits;
    private final CurrentUser currentUser;
    private final SourceMetadata openmrsMetadata;
    private final PatientDirectory patients;
    private final MappingNamesReader names;
    private final MappingHealth health;
    private final PatientSyncStatusReader patientStatus;
    private final Jobs jobs;
    private final PendingJobs pendingJobs;
    private final Reconciliations reconciliations;

    /** @param jobs the background jobs, of which pendingJobs starts previews and checks */
    public Dhis2SyncServiceImpl(SettingsStore settingsStore, Dhis2ClientFactory clients, MappingRegistry mappings,
            SyncRunner runner, SyncLogDao logs, FailedRecordDao failures, OrgUnitMappingDao orgUnits,
            CurrentUser currentUser, SourceMetadata openmrsMetadata, PatientDirectory patients,
            MappingNamesReader names, MappingHealth health, PatientSyncStatusReader patientStatus, Jobs jobs,
            PendingJobs pendingJobs, Reconciliations reconciliations) {
        this.jobs = jobs;
        this.pendingJobs = pendingJobs;
        this.reconciliations = reconciliations;
        this.settingsStore = settingsStore;
        this.clients = clients;
        this.mappings = mappings;
        this.runner = runner;
        this.logs = logs;
        this.failures = failures;
        this.orgUnits = orgUnits;
        this.currentUser = currentUser;
        this.openmrsMetadata = openmrsMetadata;
        this.patients = patients;
        this.names = names;
        this.health = health;
        this.patientStatus = patientStatus;
    }

    // --- settings

    @Override
    public SyncSettings getSettings() {
        return settingsStore.read();
    }

    @Override
    @Transactional
    public void saveSettings(SettingsUpdate update) {
        if (update == null) {
            throw new IllegalArgumentException("settings update is required");
        }
        SyncSettings stored;
        try {
            stored = settingsStore.read();
        } catch (InvalidSettingsException e) {
            stored = null; // unreadable: the secret, if any, is bound to no known server
        }
        update.requireSecretFor(stored == null ? null : stored.getUrl(), stored == null || stored.isPasswordSet());
        settingsStore.write(update);
    }

    @Override
    public ConnectionTest testConnection() {
        try (Dhis2Client client = clients.open()) {
            SystemInfo info = client.systemInfo();
            return new ConnectionTest(true, info.getVersion(), client.generation().name(), client.currentUser(), null,
                    CompletionDates.notice(info, client.generation()));
        } catch (Dhis2UnavailableException | Dhis2ClientFactory.NotConfiguredException e) {
            return new ConnectionTest(false, null, null, null, e.getMessage());
        }
    }

    // --- mappings

    @Override
    public List<Mapping> getMappings(boolean includeRetired) {
        return mappings.all(includeRetired);
    }

    @Override
    public Mapping getMapping(String uuid) {
        Mapping mapping = mappings.find(uuid);
        if (mapping == null) {
            throw new NotFoundException("mapping", uuid);
        }
        return mapping;
    }

    @Override
    public MappingConfig getMappingConfig(String uuid) {
        return mappings.configOf(getMapping(uuid));
    }

    @Override
    @Transactional
    public Mapping createMapping(MappingConfig config) {
        return mappings.create(config, currentUser.name());
    }

    @Override
    @Transactional
    public Mapping updateMapping(String uuid, MappingConfig config) {
        return mappings.update(getMapping(uuid), config, currentUser.name());
    }

    @Override
    @Transactional
    public Mapping retireMapping(String uuid) {
        return mappings.retire(getMapping(uuid), currentUser.name());
    }

    @Override
    public String exportMappings(List<String> uuids) {
        List<Mapping> chosen = new ArrayList<>();
        if (uuids == null || uuids.isEmpty()) {
            chosen.addAll(mappings.all(false));
        } else {
            for (String uuid : uuids) {
                chosen.add(getMapping(uuid));
            }
        }
        return mappings.export(chosen);
    }

    @Override
    @Transactional
    public MappingImportReport importMappings(String json) {
        return mappings.importAll(json, currentUser.name());
    }

    // --- runs

    @Override
    public RunState startSync(String mappingUuid, String comment) {
        return runner.start(request(getMapping(mappingUuid), requireComment(comment)), "manual:" + currentUser.name());
    }

    @Override
    public List<RunState> startSyncOfAll(String comment) {
        String why = requireComment(comment);
        List<RunState> started = new ArrayList<>();
        for (Mapping mapping : mappings.all(false)) {
            try {
                started.add(runner.start(request(mapping, why), "manual:" + currentUser.name()));
            } catch (RunInProgressException e) {
                log.info("not starting mapping '{}': {}", LogText.of(mapping.getName()), e.getMessage());
            }
        }
        return started;
    }

    /** No transaction around the run: each of its chunks reads and writes in a transaction of its own. */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED, readOnly = true)
    public List<RunState> runScheduledSync() {
        List<RunState> done = new ArrayList<>();
        for (Mapping mapping : mappings.all(false)) {
            try {
                done.add(runner.runNow(request(mapping, SCHEDULED_COMMENT), "scheduler"));
            } catch (RunInProgressException e) {
                log.info("scheduled sync skips mapping '{}': {}", LogText.of(mapping.getName()), e.getMessage());
            }
        }
        return done;
    }

    @Override
    public RunState getRun(String runId) {
        return runner.state(runId);
    }

    @Override
    public List<RunState> getActiveRuns() {
        return runner.activeRuns();
    }

    @Override
    public List<String> releaseDeadRuns() {
        return runner.releaseDeadRuns();
    }

    /**
     * No transaction around the run: each of its chunks reads and writes in a transaction of its own. OpenMRS is
     * read as the daemon; the records themselves (names, identifiers, obs) are shown only to a user who may read
     * them in OpenMRS, everyone else sees the counts.
     */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED, readOnly = true)
    public RunTally preview(String mappingUuid) {
        RunTally tally = runner.preview(request(getMapping(mappingUuid), null));
        List<String> missing = missingRecordReads();
        return missing.isEmpty() ? tally : tally.countsOnly(recordsWithheld(missing));
    }

    /** No transaction around the run: each of its chunks reads and writes in a transaction of its own. */
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED, readOnly = true)
    public RunTally validate(String mappingUuid) {
        return runner.validate(request(getMapping(mappingUuid), null));
    }

    // --- background jobs

    @Override
    public JobState startJob(JobKind kind, String mappingUuid, String reason) {
        if (kind == null) {
            throw new FieldException("kind", "must be one of " + java.util.Arrays.toString(JobKind.values()));
        }
        String why = reason == null || reason.trim().isEmpty() ? null : reason.trim();
        return pendingJobs.start(kind, request(getMapping(mappingUuid), why));
    }

    @Override
    public JobState getJob(String jobId) {
        JobState state = jobs.state(jobId);
        if (state == null) {
            throw new NotFoundException("job", jobId);
        }
        return state;
    }

    @Override
    public List<JobState> getJobs(JobKind kind, String mappingUuid) {
        return jobs.list(kind, mappingUuid);
    }

    @Override
    public JobState cancelJob(String jobId) {
        JobState state = jobs.cancel(jobId);
        if (state == null) {
            throw new NotFoundException("job", jobId);
        }
        return state;
    }

    @Override
    public JobPage<?> getJobRecords(String jobId, String group, boolean problemsOnly, int offset, int limit) {
        // a job's records carry the patients' values (preview) or DHIS2's word on them (check): record-level
        List<String> missing = missingRecordReads();
        if (!missing.isEmpty()) {
            throw new APIAuthenticationException(recordsWithheld(missing) + " The job's counts are in the job itself.");
        }
        JobPage<?> page = jobs.page(jobId, group, problemsOnly, offset, limit);
        if (page == null) {
            throw new NotFoundException("job", jobId);
        }
        return page;
    }

    @Override
    public Date getLastSuccessfulSync(String mappingUuid) {
        SyncLog last = logs.lastSuccess(mappingUuid);
        return last == null ? null : last.getEndDate();
    }

    // --- reconcile and resend

    @Override
    public RunState startReconcile(String mappingUuid, String comment) {
        return reconciliations.start(request(getMapping(mappingUuid), requireComment(comment)),
                "manual:" + currentUser.name(), false);
    }

    @Override
    public RunState startResendDifferences(String mappingUuid, String comment) {
        return reconciliations.start(request(getMapping(mappingUuid), requireComment(comment)),
                "manual:" + currentUser.name(), true);
    }

    @Override
    public ReconcileResult getReconcile(String runId) {
        return reconciliations.result(runId);
    }

    @Override
    public ReconcileResult getLatestReconcile(String mappingUuid) {
        return reconciliations.latest(getMapping(mappingUuid).getUuid());
    }

    @Override
    public Map<SyncCategory, Integer> countResendFromDate(String mappingUuid, Date from) {
        return reconciliations.countFrom(request(getMapping(mappingUuid), null), requireDate(from));
    }

    @Override
    public RunState startResendFromDate(String mappingUuid, Date from, String comment) {
        return reconciliations.startFrom(request(getMapping(mappingUuid), requireComment(comment)),
                "manual:" + currentUser.name(), requireDate(from));
    }

    @Override
    public List<ReconcileResult> runScheduledReconcile() {
        List<ReconcileResult> done = new ArrayList<>();
        for (Mapping mapping : mappings.all(false)) {
            try {
                RunState run = reconciliations.runNow(request(mapping, SCHEDULED_RECONCILE_COMMENT), "scheduler");
                ReconcileResult result = reconciliations.result(run.getRunId());
                done.add(result == null ? new ReconcileResult("RECONCILE", run, null) : result);
            } catch (RunInProgressException e) {
                log.info("scheduled reconcile skips mapping '{}': {}", mapping.getName(), e.getMessage());
            }
        }
        return done;
    }

    private static Date requireDate(Date from) {
        if (from == null) {
            throw new FieldException("from", "a date to resend from is required");
        }
        return from;
    }

    private RunRequest request(Mapping mapping, String comment) {
        if (mapping.isRetired()) {
            throw new IllegalArgumentException("mapping '" + mapping.getName() + "' is retired: it is not synced");
        }
        return new RunRequest(mapping.getUuid(), mappings.configOf(mapping), currentUser.name(), comment);
    }

    private static String requireComment(String comment) {
        if (comment == null || comment.trim().isEmpty()) {
            throw new FieldException("comment", "a comment is required to start a sync");
        }
        return comment.trim();
    }

    // --- logs and failures

    @Override
    public List<SyncLog> getLogs(LogQuery query) {
        return logs.search(query);
    }

    @Override
    public long countLogs(LogQuery query) {
        return logs.count(query);
    }

    @Override
    public List<DailyCount> getRecordsPerDay(int days) {
        if (days < 1 || days > 366) {
            throw new FieldException("days", "must be between 1 and 366");
        }
        Calendar from = Calendar.getInstance();
        from.add(Calendar.DAY_OF_MONTH, -(days - 1));
        from.set(Calendar.HOUR_OF_DAY, 0);
        from.set(Calendar.MINUTE, 0);
        from.set(Calendar.SECOND, 0);
        from.set(Calendar.MILLISECOND, 0);
        return logs.countRecordsPerDay(from.getTime());
    }

    @Override
    public List<FailedRecord> getFailures(String mappingUuid, int firstResult, int maxResults) {
        return mappingUuid == null ? failures.findAll(firstResult, maxResults)
                : failures.findByMapping(mappingUuid, firstResult, maxResults);
    }

    @Override
    public long countFailures(String mappingUuid) {
        return mappingUuid == null ? failures.count() : failures.countByMapping(mappingUuid);
    }

    @Override
    public RunState retryFailure(Long failureId) {
        FailedRecord failure = failures.find(failureId);
        if (failure == null) {
            throw new NotFoundException("failed record", String.valueOf(failureId));
        }
        return startSync(failure.getMappingUuid(), "Retry of failed records");
    }

    @Override
    public List<RunState> retryFailures(String mappingUuid) {
        Set<String> mappingUuids = new LinkedHashSet<>();
        if (mappingUuid != null) {
            mappingUuids.add(getMapping(mappingUuid).getUuid());
        } else {
            for (FailedRecord failure : failures.findAll(0, 10_000)) {
                mappingUuids.add(failure.getMappingUuid());
            }
        }
        List<RunState> started = new ArrayList<>();
        for (String uuid : mappingUuids) {
            try {
                started.add(startSync(uuid, "Retry of failed records"));
            } catch (RunInProgressException | NotFoundException e) {
                log.info("not retrying mapping {}: {}", uuid, e.getMessage());
            }
        }
        return started;
    }

    // --- org units

    @Override
    public List<OrgUnitMapping> getOrgUnitMappings() {
        return orgUnits.findAll();
    }

    @Override
    @Transactional
    public OrgUnitMapping saveOrgUnitMapping(String locationUuid, String orgUnitUid) {
        if (locationUuid == null || locationUuid.trim().isEmpty()) {
            throw new FieldException("locationUuid", "an OpenMRS location is required");
        }
        if (!Uid.isValid(orgUnitUid)) {
            throw new FieldException("orgUnitUid", "'" + orgUnitUid + "' is not a DHIS2 UID (11 letters and digits, a"
                    + " letter first)");
        }
        OrgUnitMapping row = orgUnits.findByLocationUuid(locationUuid.trim());
        if (row == null) {
            row = new OrgUnitMapping();
            row.setLocationUuid(locationUuid.trim());
        }
        row.setOrgUnitUid(orgUnitUid);
        return orgUnits.save(row);
    }

    @Override
    @Transactional
    public void deleteOrgUnitMapping(String locationUuid) {
        OrgUnitMapping row = orgUnits.findByLocationUuid(locationUuid);
        if (row == null) {
            throw new NotFoundException("org unit mapping for location", locationUuid);
        }
        orgUnits.delete(row);
    }

    // --- DHIS2 metadata

    @Override
    public Page<ProgramInfo> getDhis2Programs(PageRequest page) {
        return withDhis2(client -> client.programs(page));
    }

    @Override
    public ProgramInfo getDhis2Program(String uid) {
        return withDhis2(client -> client.program(uid));
    }

    @Override
    public Page<AttributeInfo> getDhis2Attributes(String nameQuery, PageRequest page) {
        return withDhis2(client -> client.trackedEntityAttributes(nameQuery, page));
    }

    @Override
    public Page<DataElementInfo> getDhis2DataElements(String nameQuery, PageRequest page) {
        return withDhis2(client -> client.dataElements(nameQuery, page));
    }

    @Override
    public Page<OptionSetInfo> getDhis2OptionSets(String nameQuery, PageRequest page) {
        return withDhis2(client -> client.optionSets(nameQuery, page));
    }

    @Override
    public Page<OrgUnitInfo> getDhis2OrgUnits(String nameQuery, PageRequest page) {
        return withDhis2(client -> client.orgUnits(nameQuery, page));
    }

    private <T> T withDhis2(Function<Dhis2Client, T> read) {
        try (Dhis2Client client = clients.open()) {
            return read.apply(client);
        }
    }

    // --- OpenMRS metadata

    @Override
    public List<MetadataItem> getOpenmrsMetadata(MetadataKind kind) {
        if (kind == null) {
            throw new FieldException("kind", "must be one of " + MetadataKind.keys());
        }
        return openmrsMetadata.list(kind);
    }

    @Override
    public List<ConceptItem> searchConcepts(String nameQuery, int limit) {
        if (nameQuery == null || nameQuery.trim().length() < MIN_CONCEPT_QUERY) {
            throw new FieldException("q", "type at least " + MIN_CONCEPT_QUERY + " characters of the concept's name");
        }
        if (limit < 1 || limit > MAX_CONCEPT_RESULTS) {
            throw new FieldException("limit", "must be from 1 to " + MAX_CONCEPT_RESULTS + ", was " + limit);
        }
        return openmrsMetadata.concepts(nameQuery.trim(), limit);
    }

    @Override
    public List<PatientFieldItem> getPatientFields() {
        return openmrsMetadata.patientFields();
    }

    // --- names

    @Override
    public MappingNames getMappingNames(List<String> mappingUuids) {
        Map<String, MappingConfig> configs = new LinkedHashMap<>();
        if (mappingUuids == null || mappingUuids.isEmpty()) {
            for (Mapping mapping : mappings.all(false)) {
                configs.put(mapping.getUuid(), mappings.configOf(mapping));
            }
        } else {
            for (String uuid : new LinkedHashSet<>(mappingUuids)) {
                configs.put(uuid, getMappingConfig(uuid));
            }
        }
        Map<String, String> table = new LinkedHashMap<>();
        for (OrgUnitMapping row : orgUnits.findAll()) {
            table.put(row.getLocationUuid(), row.getOrgUnitUid());
        }
        return names.read(configs, table, settingsStore.read().getDefaultOrgUnitUid(), clients);
    }

    @Override
    public RecordNames getRecordNames(Collection<String> patientUuids, Collection<String> enrollmentUuids,
            Collection<String> encounterUuids) {
        requirePatientReader();
        int asked = size(patientUuids) + size(enrollmentUuids) + size(encounterUuids);
        if (asked > MAX_NAMED_RECORDS) {
            throw new FieldException("uuids", "at most " + MAX_NAMED_RECORDS + " records can be named at once, "
                    + asked + " were asked");
        }
        Map<String, EnrollmentSummary> enrollments = size(enrollmentUuids) == 0
                ? new LinkedHashMap<String, EnrollmentSummary>() : patients.enrollments(enrollmentUuids);
        Map<String, EncounterSummary> encounters = size(encounterUuids) == 0
                ? new LinkedHashMap<String, EncounterSummary>() : patients.encounters(encounterUuids);
        Set<String> people = new LinkedHashSet<>();
        if (patientUuids != null) {
            people.addAll(patientUuids);
        }
        enrollments.values().forEach(enrollment -> people.add(enrollment.getPatientUuid()));
        encounters.values().forEach(encounter -> people.add(encounter.getPatientUuid()));
        Map<String, PatientSummary> named = people.isEmpty() ? new LinkedHashMap<String, PatientSummary>()
                : patients.patients(people);
        return new RecordNames(named, enrollments, encounters);
    }

    // --- one patient

    @Override
    public List<PatientSummary> findPatients(String query, int limit) {
        requirePatientReader();
        if (query == null || query.trim().length() < MIN_PATIENT_QUERY) {
            throw new FieldException("q", "type at least " + MIN_PATIENT_QUERY + " characters of an identifier or a"
                    + " name");
        }
        if (limit < 1 || limit > MAX_PATIENT_RESULTS) {
            throw new FieldException("limit", "must be from 1 to " + MAX_PATIENT_RESULTS + ", was " + limit);
        }
        return patients.search(query.trim(), limit);
    }

    @Override
    public PatientSyncStatus getPatientSyncStatus(String patientUuid) {
        requirePatientReader();
        PatientSyncStatus status = patientStatus.read(patientUuid, settingsStore.read(), currentUser.name());
        if (status == null) {
            throw new NotFoundException("patient", patientUuid);
        }
        return status;
    }

    /** OpenMRS's read privileges on the records a preview lists that the user lacks; empty when all are held. */
    private List<String> missingRecordReads() {
        List<String> missing = new ArrayList<>();
        for (String privilege : Dhis2SyncPrivileges.RECORD_READS) {
            if (!currentUser.hasPrivilege(privilege)) {
                missing.add(privilege);
            }
        }
        return missing;
    }

    private static String recordsWithheld(List<String> missing) {
        return "The records are listed only for users with the OpenMRS privileges "
                + String.join(", ", Dhis2SyncPrivileges.RECORD_READS) + "; missing: " + String.join(", ", missing) + ".";
    }

    private void requirePatientReader() {
        if (!currentUser.hasPrivilege(Dhis2SyncPrivileges.GET_PATIENTS)) {
            throw new APIAuthenticationException("This needs the OpenMRS privilege '" + Dhis2SyncPrivileges.GET_PATIENTS
                    + "' (patients are shown by name and identifier)");
        }
    }

    private static int size(Collection<String> uuids) {
        return uuids == null ? 0 : uuids.size();
    }

    // --- mapping health

    @Override
    public HealthReport checkMappingHealth(String mappingUuid) {
        return checkMappingHealth(getMappingConfig(mappingUuid));
    }

    @Override
    public HealthReport checkMappingHealth(MappingConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("a mapping is required");
        }
        String defaultOrgUnit = settingsStore.read().getDefaultOrgUnitUid();
        return withDhis2(client -> health.check(config, client, defaultOrgUnit));
    }
}
