package org.openmrs.module.dhis2sync.dhis2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.openmrs.module.dhis2sync.dhis2.Dhis2UnavailableException.Reason;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What both generations share: system info, the current user and metadata (the same endpoints on every DHIS2 version),
 * reading all pages of a list, and chunking UID lists.
 */
abstract class BaseDhis2Client implements Dhis2Client {

    /**
     * UIDs per read by UID list: 50 UIDs make a query of about 600 characters (far below the 8 KiB a servlet container
     * takes) and, at the tracker API's default page size of 50, one page.
     */
    static final int UID_CHUNK = 50;
    /** A guard against a server that ignores {@code page}: no search should need more. */
    private static final int MAX_PAGES = 10_000;

    final Dhis2Http http;

    BaseDhis2Client(Dhis2Http http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public SystemInfo systemInfo() {
        return readSystemInfo(http);
    }

    static SystemInfo readSystemInfo(Dhis2Http http) {
        JsonNode info = http.get("/api/system/info", null);
        try {
            return SystemInfo.of(Json.text(info, "version"), Json.text(info, "revision"));
        } catch (IllegalArgumentException e) {
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, 200, "DHIS2 at " + http.connection().getUrl()
                    + ": /api/system/info: " + e.getMessage() + ": check that the URL is a DHIS2 server", e);
        }
    }

    @Override
    public String currentUser() {
        JsonNode me = http.get("/api/me", QueryParams.of("fields", "id,username"));
        String username = Json.text(me, "username");
        if (username == null) {
            throw new Dhis2UnavailableException(Reason.MALFORMED_REPLY, 200, "DHIS2 at " + http.connection().getUrl()
                    + ": /api/me has no username: check that the URL is a DHIS2 server");
        }
        return username;
    }

    @Override
    public Page<ProgramInfo> programs(PageRequest page) {
        return metadataPage("/api/programs", "programs", MetadataJson.PROGRAM_FIELDS, null, page, MetadataJson::program,
                new QueryParams().add("filter", "programType:eq:WITH_REGISTRATION"));
    }

    @Override
    public ProgramInfo program(String uid) {
        if (!Uid.isValid(uid)) {
            throw new IllegalArgumentException("program uid '" + uid + "' is not a valid DHIS2 UID");
        }
        return MetadataJson.program(http.get("/api/programs/" + uid, QueryParams.of("fields", MetadataJson.PROGRAM_FIELDS)));
    }

    @Override
    public Page<AttributeInfo> trackedEntityAttributes(String nameQuery, PageRequest page) {
        return metadataPage("/api/trackedEntityAttributes", "trackedEntityAttributes", MetadataJson.ATTRIBUTE_FIELDS,
                nameQuery, page, node -> MetadataJson.attribute(node, false), new QueryParams());
    }

    @Override
    public Page<DataElementInfo> dataElements(String nameQuery, PageRequest page) {
        return metadataPage("/api/dataElements", "dataElements", MetadataJson.DATA_ELEMENT_FIELDS, nameQuery, page,
                node -> MetadataJson.dataElement(node, false), new QueryParams().add("filter", "domainType:eq:TRACKER"));
    }

    @Override
    public Page<OptionSetInfo> optionSets(String nameQuery, PageRequest page) {
        return metadataPage("/api/optionSets", "optionSets", MetadataJson.OPTION_SET_FIELDS, nameQuery, page,
                MetadataJson::optionSet, new QueryParams());
    }

    @Override
    public Page<OrgUnitInfo> orgUnits(String nameQuery, PageRequest page) {
        return metadataPage("/api/organisationUnits", "organisationUnits", MetadataJson.ORG_UNIT_FIELDS, nameQuery, page,
                MetadataJson::orgUnit, new QueryParams());
    }

    @Override
    public List<OptionSetInfo> optionSetsByUid(Collection<String> uids) {
        return byUid("/api/optionSets", "optionSets", MetadataJson.OPTION_SET_FIELDS, uids, MetadataJson::optionSet);
    }

    @Override
    public List<OrgUnitInfo> orgUnitsByUid(Collection<String> uids) {
        return byUid("/api/organisationUnits", "organisationUnits", MetadataJson.ORG_UNIT_FIELDS, uids,
                MetadataJson::orgUnit);
    }

    @Override
    public List<OrgUnitInfo> captureOrgUnits() {
        JsonNode me = http.get("/api/me", QueryParams.of("fields", "organisationUnits[" + MetadataJson.ORG_UNIT_FIELDS + "]"));
        List<OrgUnitInfo> orgUnits = new ArrayList<>();
        for (JsonNode node : Json.array(me, "organisationUnits")) {
            orgUnits.add(MetadataJson.orgUnit(node));
        }
        return orgUnits;
    }

    /** Metadata objects by UID: an {@code id:in:[...]} filter per chunk of {@link #UID_CHUNK} distinct UIDs. */
    private <T> List<T> byUid(String path, String key, String fields, Collection<String> uids,
            Function<JsonNode, T> reader) {
        Objects.requireNonNull(uids, "uids");
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(uids));
        for (String uid : distinct) {
            if (!Uid.isValid(uid)) {
                throw new IllegalArgumentException("uids: '" + uid + "' is not a valid DHIS2 UID");
            }
        }
        List<T> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += UID_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + UID_CHUNK));
            QueryParams params = new QueryParams().add("fields", fields)
                    .add("filter", "id:in:[" + String.join(",", chunk) + "]").add("page", 1)
                    .add("pageSize", chunk.size());
            for (JsonNode node : Json.listOf(http.get(path, params), key, "GET " + path)) {
                found.add(reader.apply(node));
            }
        }
        return found;
    }

    private <T> Page<T> metadataPage(String path, String key, String fields, String nameQuery, PageRequest page,
            Function<JsonNode, T> reader, QueryParams extra) {
        Objects.requireNonNull(page, "page");
        QueryParams params = extra.copy().add("fields", fields).add("page", page.getPage())
                .add("pageSize", page.getPageSize());
        if (nameQuery != null && !nameQuery.trim().isEmpty()) {
            params.add("filter", "name:ilike:" + nameQuery.trim());
        }
        JsonNode reply = http.get(path, params);
        List<T> items = new ArrayList<>();
        for (JsonNode node : Json.listOf(reply, key, "GET " + path)) {
            items.add(reader.apply(node));
        }
        return new Page<>(items, page.getPage(), page.getPageSize(), PagedReads.total(reply), PagedReads.pageCount(reply));
    }

    /** Every page of a tracked entity list, deduplicated by UID (pages can shift while they are read). */
    List<TrackedEntity> readAllPages(String path, QueryParams params, String listKey, int pageSize,
            Function<JsonNode, TrackedEntity> reader) {
        return readAllPages(path, params, listKey, pageSize, reader, TrackedEntity::getUid);
    }

    /** Every page of a list, deduplicated by UID (pages can shift while they are read). */
    <T> List<T> readAllPages(String path, QueryParams params, String listKey, int pageSize,
            Function<JsonNode, T> reader, Function<T, String> uidOf) {
        Map<String, T> byUid = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode reply = http.get(path, params.copy().add("page", page).add("pageSize", pageSize));
            List<JsonNode> items = Json.listOf(reply, listKey, "GET " + path);
            for (JsonNode item : items) {
                T object = reader.apply(item);
                if (uidOf.apply(object) != null) {
                    byUid.put(uidOf.apply(object), object);
                }
            }
            if (items.isEmpty() || !PagedReads.hasNext(reply, page, pageSize, items.size())) {
                break;
            }
        }
        return new ArrayList<>(byUid.values());
    }

    /**
     * Objects read by UID, {@link #UID_CHUNK} UIDs per {@code readChunk}: each once, in the order asked; the UIDs DHIS2
     * did not return (unknown, deleted, out of the user's reach) are left out.
     */
    static <T> List<T> byUids(Collection<String> uids, String field, Function<List<String>, List<T>> readChunk,
            Function<T, String> uidOf) {
        Objects.requireNonNull(uids, field);
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(uids));
        for (String uid : wanted) {
            if (!Uid.isValid(uid)) {
                throw new IllegalArgumentException(field + ": '" + uid + "' is not a valid DHIS2 UID");
            }
        }
        Map<String, T> found = new LinkedHashMap<>();
        for (int from = 0; from < wanted.size(); from += UID_CHUNK) {
            for (T object : readChunk.apply(wanted.subList(from, Math.min(wanted.size(), from + UID_CHUNK)))) {
                found.put(uidOf.apply(object), object);
            }
        }
        List<T> result = new ArrayList<>();
        for (String uid : wanted) {
            if (found.containsKey(uid)) {
                result.add(found.get(uid));
            }
        }
        return result;
    }

    List<TrackedEntity> search(TrackedEntityQuery query, Function<TrackedEntityQuery, List<TrackedEntity>> onePart) {
        Objects.requireNonNull(query, "query");
        Map<String, TrackedEntity> byUid = new LinkedHashMap<>();
        for (TrackedEntityQuery part : query.splitInFilter()) {
            for (TrackedEntity te : onePart.apply(part)) {
                byUid.put(te.getUid(), te);
            }
        }
        return new ArrayList<>(byUid.values());
    }

    /** Enrollments in one program of each tracked entity, read in chunks of {@link #UID_CHUNK}. */
    Map<String, List<Enrollment>> enrollmentsByChunk(Collection<String> trackedEntityUids, String programUid,
            Function<List<String>, List<TrackedEntity>> readChunk) {
        if (!Uid.isValid(programUid)) {
            throw new IllegalArgumentException("programUid '" + programUid + "' is not a valid DHIS2 UID");
        }
        Objects.requireNonNull(trackedEntityUids, "trackedEntityUids");
        List<String> uids = new ArrayList<>(new LinkedHashSet<>(trackedEntityUids));
        Map<String, List<Enrollment>> result = new LinkedHashMap<>();
        for (String uid : uids) {
            if (!Uid.isValid(uid)) {
                throw new IllegalArgumentException("trackedEntityUids: '" + uid + "' is not a valid DHIS2 UID");
            }
            result.put(uid, new ArrayList<Enrollment>());
        }
        for (int from = 0; from < uids.size(); from += UID_CHUNK) {
            List<String> chunk = uids.subList(from, Math.min(uids.size(), from + UID_CHUNK));
            for (TrackedEntity te : readChunk.apply(chunk)) {
                List<Enrollment> enrollments = result.get(te.getUid());
                if (enrollments == null) {
                    continue;
                }
                for (Enrollment enrollment : te.getEnrollments()) {
                    // a DHIS2 that ignores the program parameter for nested enrollments must not leak other programs
                    if (enrollment.getProgramUid() == null || programUid.equals(enrollment.getProgramUid())) {
                        enrollments.add(enrollment);
                    }
                }
            }
        }
        return result;
    }

    static String where(Dhis2Http http, String method, String path) {
        return "DHIS2 at " + http.connection().getUrl() + ": " + method + " " + path;
    }

    @Override
    public void close() {
        http.close();
    }
}
