package org.openmrs.module.dhis2sync.dhis2;

import java.io.Closeable;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the module asks of DHIS2, the same for both tracker API generations ({@link LegacyTrackerApi},
 * {@link TrackerApi}); get one from {@link Dhis2Clients#create(Dhis2Connection)}.
 * <p>
 * Every method throws {@link Dhis2UnavailableException} when DHIS2 fails or refuses a whole request, and
 * {@link IllegalArgumentException} naming the field for bad input. Imports never throw for objects DHIS2 refuses:
 * the {@link ImportResult} carries a verdict per object, found by UID.
 */
public interface Dhis2Client extends Closeable {

    /** {@code GET /api/system/info}. */
    SystemInfo systemInfo();

    /** The generation this client speaks. */
    ApiGeneration generation();

    /** {@code GET /api/me}: the username DHIS2 sees (for "test connection"). */
    String currentUser();

    /** Tracked entities of the query's program matching all filters, every page read; without enrollments. */
    List<TrackedEntity> findTrackedEntities(TrackedEntityQuery query);

    /**
     * The enrollments (with their events, without data values) in one program of each of the given tracked entities;
     * every UID asked for is a key, with an empty list when it has none (or DHIS2 does not know it).
     */
    Map<String, List<Enrollment>> enrollmentsOf(Collection<String> trackedEntityUids, String programUid);

    /** Imports tracked entities with their nested enrollments and events (create or update, by UID). */
    ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode);

    /** Imports enrollments with their nested events; each enrollment names its tracked entity. */
    ImportResult importEnrollments(List<Enrollment> enrollments, ImportMode mode);

    /** Imports events; each names its enrollment, program and stage. */
    ImportResult importEvents(List<Event> events, ImportMode mode);

    /** Tracker programs with their stages, data elements and attributes. */
    Page<ProgramInfo> programs(PageRequest page);

    /** One program; {@link Dhis2UnavailableException} with reason NOT_FOUND when DHIS2 has none with that UID. */
    ProgramInfo program(String uid);

    /** Tracked entity attributes whose name contains {@code nameQuery} (all when null or empty). */
    Page<AttributeInfo> trackedEntityAttributes(String nameQuery, PageRequest page);

    /** Tracker data elements whose name contains {@code nameQuery} (all when null or empty). */
    Page<DataElementInfo> dataElements(String nameQuery, PageRequest page);

    /** Option sets, with their options, whose name contains {@code nameQuery} (all when null or empty). */
    Page<OptionSetInfo> optionSets(String nameQuery, PageRequest page);

    /** Org units whose name contains {@code nameQuery} (all when null or empty). */
    Page<OrgUnitInfo> orgUnits(String nameQuery, PageRequest page);

    /** The option sets (with their options) of those UIDs, read in chunks; a UID DHIS2 does not know is left out. */
    List<OptionSetInfo> optionSetsByUid(Collection<String> uids);

    /** The org units of those UIDs (with their paths), read in chunks; a UID DHIS2 does not know is left out. */
    List<OrgUnitInfo> orgUnitsByUid(Collection<String> uids);

    /**
     * The org units the DHIS2 user captures data in ({@code GET /api/me?fields=organisationUnits[id,path]}): the
     * user may write to each of them and to everything below it.
     */
    List<OrgUnitInfo> captureOrgUnits();

    /** Releases the HTTP connections. */
    @Override
    void close();
}
