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
 * the {@link ImportResult} carries exactly one verdict per object sent, found by type and UID.
 * <p>
 * <b>Validation never writes.</b> {@link ImportMode#VALIDATE} and {@link #validate(TrackerBundle)} send only the
 * tracker API's {@code POST /api/tracker?importMode=VALIDATE}, read-only on DHIS2 2.41 and later. The deprecated
 * API's {@code dryRun=true} is never sent: on 2.41.9.1 it created the tracked entities it was asked to check. So the
 * deprecated-API client validates through {@code /api/tracker} on a DHIS2 that has it (2.41), and on an older DHIS2
 * throws {@link ValidationUnavailableException} without sending anything.
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

    /**
     * Imports tracked entities with their nested enrollments and events (create or update, by UID). With
     * {@link ImportMode#VALIDATE} nothing is written (see the class comment; may throw
     * {@link ValidationUnavailableException}).
     */
    ImportResult importTrackedEntities(List<TrackedEntity> entities, ImportMode mode);

    /** Imports enrollments with their nested events; each enrollment names its tracked entity. As above for VALIDATE. */
    ImportResult importEnrollments(List<Enrollment> enrollments, ImportMode mode);

    /** Imports events; each names its enrollment, program and stage. As above for VALIDATE. */
    ImportResult importEvents(List<Event> events, ImportMode mode);

    /**
     * Validates tracked entities, enrollments and events together, in one {@code POST /api/tracker} with
     * {@code importMode=VALIDATE} and {@code atomicMode=OBJECT}, as DHIS2 would import them together: an enrollment of
     * a new tracked entity of the same bundle, and the events of a new enrollment of the bundle, are checked against
     * those objects instead of being refused as unknown. Nothing is written, in DHIS2 or anywhere.
     *
     * @return one verdict per object of the bundle (nested ones included), by type and UID: {@link Outcome#ACCEPTED}
     *         when DHIS2 found nothing wrong, {@link Outcome#ERROR} with DHIS2's error code and message otherwise
     *         (an object whose parent is refused gets DHIS2's E5000)
     * @throws ValidationUnavailableException on a DHIS2 below 2.41 (deprecated API only), before sending anything
     */
    ImportResult validate(TrackerBundle bundle);

    /**
     * Deletes events by UID. Tracker API: {@code POST /api/tracker?importStrategy=DELETE} in requests of up to
     * {@value TrackerImports#DELETE_CHUNK}; deprecated API: {@code DELETE /api/events/{uid}}, one request each. DHIS2
     * deletes softly: a deleted UID can never be created again (tracker API E1082/E1113/E1114 "is already deleted and
     * cannot be modified"; deprecated API "… already exists or was deleted earlier"), so a record sent again after a
     * delete needs a new UID.
     *
     * @return one verdict per UID: {@link Outcome#DELETED} (also when DHIS2 says it was already deleted, with its
     *         code and message), {@link Outcome#IGNORED} when DHIS2 never had it (E1032/E1081/E1063, or the deprecated
     *         API's "cannot be deleted as it is not present"), {@link Outcome#ERROR} for any other refusal (no access,
     *         a missing cascade-delete authority: E1100/E1103)
     */
    ImportResult deleteEvents(Collection<String> uids);

    /**
     * Deletes enrollments by UID, and with them their events (DHIS2 deletes them too; the tracker API needs the user
     * to hold {@code F_ENROLLMENT_CASCADE_DELETE} when undeleted events remain, else E1103). Verdicts as
     * {@link #deleteEvents}; deprecated API: {@code DELETE /api/enrollments/{uid}}.
     */
    ImportResult deleteEnrollments(Collection<String> uids);

    /**
     * Deletes tracked entities by UID, and with them their enrollments and events (the tracker API needs
     * {@code F_TEI_CASCADE_DELETE} when undeleted enrollments remain, else E1100). Verdicts as {@link #deleteEvents};
     * deprecated API: {@code DELETE /api/trackedEntityInstances/{uid}}.
     */
    ImportResult deleteTrackedEntities(Collection<String> uids);

    /**
     * Tracked entities by UID, with their attributes (those of the type, and of the programs the entity is enrolled
     * in), without enrollments: read {@value BaseDhis2Client#UID_CHUNK} UIDs per request, every page read. Tracker API
     * {@code GET /api/tracker/trackedEntities?trackedEntities=a,b,…&orgUnitMode=ACCESSIBLE}; deprecated API
     * {@code GET /api/trackedEntityInstances?trackedEntityInstance=a;b;…&ouMode=ACCESSIBLE&includeAllAttributes=true}.
     *
     * @return those DHIS2 holds and lets the user read, in the order asked; a UID it does not know, or deleted, is
     *         simply not in the list
     */
    List<TrackedEntity> trackedEntitiesByUid(Collection<String> uids);

    /**
     * Enrollments by UID (tracked entity, program, org unit, status, enrollment, incident and completion dates), without
     * events. Tracker API {@code GET /api/tracker/enrollments?enrollments=a,b,…&orgUnitMode=ACCESSIBLE}, 50 UIDs per
     * request (2.41 and 2.42 read {@code enrollments}; they silently ignore {@code trackedEntities} there); deprecated
     * API {@code GET /api/enrollments/{uid}}, one request each (its {@code ?enrollment=a;b} list fails with a
     * NullPointerException on an unknown UID in 2.41). Missing or deleted UIDs are left out, as above.
     */
    List<Enrollment> enrollmentsByUid(Collection<String> uids);

    /**
     * Events by UID (enrollment, tracked entity, program, stage, org unit, status, date) with their data values.
     * Tracker API {@code GET /api/tracker/events?events=a,b,…&orgUnitMode=ACCESSIBLE}; deprecated API
     * {@code GET /api/events?event=a;b;…&ouMode=ACCESSIBLE}; 50 UIDs per request, every page read. Missing or deleted
     * UIDs are left out, as above.
     */
    List<Event> eventsByUid(Collection<String> uids);

    /**
     * Every enrollment, in any program, of one tracked entity that the user can see (status and program; without
     * events). Tracker API {@code GET /api/tracker/enrollments?trackedEntity=…&orgUnitMode=ACCESSIBLE}; deprecated API
     * {@code GET /api/enrollments?trackedEntityInstance=…&ouMode=ACCESSIBLE}; every page read. Empty when DHIS2 does
     * not know the tracked entity.
     */
    List<Enrollment> enrollmentsOfTrackedEntity(String trackedEntityUid);

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
