package org.openmrs.module.dhis2sync.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.openmrs.module.dhis2sync.dhis2.ApiGeneration;
import org.openmrs.module.dhis2sync.dhis2.AttributeInfo;
import org.openmrs.module.dhis2sync.dhis2.DataElementInfo;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.ImportMode;
import org.openmrs.module.dhis2sync.dhis2.ImportResult;
import org.openmrs.module.dhis2sync.dhis2.OptionSetInfo;
import org.openmrs.module.dhis2sync.dhis2.OrgUnitInfo;
import org.openmrs.module.dhis2sync.dhis2.Page;
import org.openmrs.module.dhis2sync.dhis2.PageRequest;
import org.openmrs.module.dhis2sync.dhis2.ProgramInfo;
import org.openmrs.module.dhis2sync.dhis2.SystemInfo;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.TrackerBundle;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntityQuery;

/**
 * The real client, with its non-empty import calls counted by what they carry: the fake DHIS2 counts HTTP requests by
 * path, and every import goes to the same {@code POST /api/tracker}; this tells those posts apart.
 */
final class ImportCountingClient implements Dhis2Client {

    private final Dhis2Client client;
    private final Map<String, AtomicInteger> imports = new ConcurrentHashMap<>();

    ImportCountingClient(Dhis2Client client) {
        this.client = client;
    }

    /** Import calls by object type ({@code tracked entities}, {@code enrollments}, {@code events}). */
    Map<String, Integer> importCalls() {
        Map<String, Integer> counts = new TreeMap<>();
        imports.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    void clear() {
        imports.clear();
    }

    private void count(String type, Collection<?> objects) {
        if (!objects.isEmpty()) {
            imports.computeIfAbsent(type, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Override
    public ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode) {
        count("tracked entities", entities);
        return client.importTrackedEntities(entities, mode);
    }

    @Override
    public ImportResult importEnrollments(List<Enrollment> enrollments, ImportMode mode) {
        count("enrollments", enrollments);
        return client.importEnrollments(enrollments, mode);
    }

    @Override
    public ImportResult importEvents(List<Event> events, ImportMode mode) {
        count("events", events);
        return client.importEvents(events, mode);
    }

    @Override
    public ImportResult validate(TrackerBundle bundle) {
        return client.validate(bundle);
    }

    @Override
    public ImportResult deleteEvents(Collection<String> uids) {
        return client.deleteEvents(uids);
    }

    @Override
    public ImportResult deleteEnrollments(Collection<String> uids) {
        return client.deleteEnrollments(uids);
    }

    @Override
    public ImportResult deleteTrackedEntities(Collection<String> uids) {
        return client.deleteTrackedEntities(uids);
    }

    @Override
    public List<TrackedEntity> trackedEntitiesByUid(Collection<String> uids) {
        return client.trackedEntitiesByUid(uids);
    }

    @Override
    public List<Enrollment> enrollmentsByUid(Collection<String> uids) {
        return client.enrollmentsByUid(uids);
    }

    @Override
    public List<Enrollment> enrollmentsOfTrackedEntity(String trackedEntityUid) {
        return client.enrollmentsOfTrackedEntity(trackedEntityUid);
    }

    @Override
    public List<Event> eventsByUid(Collection<String> uids) {
        return client.eventsByUid(uids);
    }

    @Override
    public SystemInfo systemInfo() {
        return client.systemInfo();
    }

    @Override
    public ApiGeneration generation() {
        return client.generation();
    }

    @Override
    public String currentUser() {
        return client.currentUser();
    }

    @Override
    public List<TrackedEntity> findTrackedEntities(TrackedEntityQuery query) {
        return client.findTrackedEntities(query);
    }

    @Override
    public Map<String, List<Enrollment>> enrollmentsOf(Collection<String> trackedEntityUids, String programUid) {
        return client.enrollmentsOf(trackedEntityUids, programUid);
    }

    @Override
    public Page<ProgramInfo> programs(PageRequest page) {
        return client.programs(page);
    }

    @Override
    public ProgramInfo program(String uid) {
        return client.program(uid);
    }

    @Override
    public Page<AttributeInfo> trackedEntityAttributes(String nameQuery, PageRequest page) {
        return client.trackedEntityAttributes(nameQuery, page);
    }

    @Override
    public Page<DataElementInfo> dataElements(String nameQuery, PageRequest page) {
        return client.dataElements(nameQuery, page);
    }

    @Override
    public Page<OptionSetInfo> optionSets(String nameQuery, PageRequest page) {
        return client.optionSets(nameQuery, page);
    }

    @Override
    public Page<OrgUnitInfo> orgUnits(String nameQuery, PageRequest page) {
        return client.orgUnits(nameQuery, page);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public List<OptionSetInfo> optionSetsByUid(Collection<String> uids) {
        return client.optionSetsByUid(uids);
    }

    @Override
    public List<OrgUnitInfo> orgUnitsByUid(Collection<String> uids) {
        return client.orgUnitsByUid(uids);
    }

    @Override
    public List<OrgUnitInfo> captureOrgUnits() {
        return client.captureOrgUnits();
    }
}
