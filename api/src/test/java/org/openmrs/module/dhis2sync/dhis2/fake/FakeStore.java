package org.openmrs.module.dhis2sync.dhis2.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fake DHIS2's data: tracked entities, enrollments and events, shared by both API generations. Callers hold
 * the store's monitor ({@code synchronized (store)}) around a read or an import so that each request sees and
 * writes one consistent state.
 */
final class FakeStore {

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class Value {
        String value;
        String created;
        String updated;
        String storedBy;

    }

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class TeRow {
        String uid;
        String type;
        String orgUnit;
        Map<String, Value> attributes = new LinkedHashMap<>();
        String created;
        String updated;
        String createdAtClient;
        String storedBy;
        long seq;

    }

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class EnRow {
        String uid;
        String te;
        String program;
        String orgUnit;
        String status;
        String enrolledAt;
        String occurredAt;
        String completedAt;
        String completedBy;
        String created;
        String updated;
        String createdAtClient;
        String storedBy;
        long seq;

    }

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class EvRow {
        String uid;
        String enrollment;
        String te;
        String program;
        String stage;
        String orgUnit;
        String status;
        String occurredAt;
        String scheduledAt;
        String completedAt;
        String completedBy;
        Map<String, Value> dataValues = new LinkedHashMap<>();
        String created;
        String updated;
        String createdAtClient;
        String storedBy;
        long seq;

    }

    /** What the state file holds. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class Saved {
        Metadata.Snapshot metadata;
        List<TeRow> trackedEntities = new ArrayList<>();
        List<EnRow> enrollments = new ArrayList<>();
        List<EvRow> events = new ArrayList<>();
        List<TeRow> deletedTrackedEntities = new ArrayList<>();
        List<EnRow> deletedEnrollments = new ArrayList<>();
        List<EvRow> deletedEvents = new ArrayList<>();
        List<String> apiTokens = new ArrayList<>();
        long seq;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, TeRow> trackedEntities = new LinkedHashMap<>();
    final Map<String, EnRow> enrollments = new LinkedHashMap<>();
    final Map<String, EvRow> events = new LinkedHashMap<>();
    /*
     * DHIS2 deletes softly: a deleted object keeps its UID, which no import may use again (tracker API E1114, E1113,
     * E1082; deprecated API "... already exists or was deleted earlier"), and no read returns it.
     */
    final Map<String, TeRow> deletedTrackedEntities = new LinkedHashMap<>();
    final Map<String, EnRow> deletedEnrollments = new LinkedHashMap<>();
    final Map<String, EvRow> deletedEvents = new LinkedHashMap<>();
    private long seq;

    /*
     * Indexes, so that the fake answers in about constant time per object with 100,000 tracked entities (the
     * benchmark). Each maps a key to the uids that had it at some write: a superset, since an update that changes the
     * key leaves the old entry; every lookup checks the rows themselves. Writers call indexed(row) after a write.
     */
    private final Map<String, Map<String, Set<String>>> teByAttributeValue = new HashMap<>();
    private final Map<String, Set<String>> enrollmentsByTe = new HashMap<>();
    private final Map<String, Set<String>> eventsByEnrollment = new HashMap<>();

    /** Forgets every tracked entity, enrollment and event, deleted ones included (metadata is not held here). */
    synchronized void clear() {
        trackedEntities.clear();
        enrollments.clear();
        events.clear();
        deletedTrackedEntities.clear();
        deletedEnrollments.clear();
        deletedEvents.clear();
        teByAttributeValue.clear();
        enrollmentsByTe.clear();
        eventsByEnrollment.clear();
    }

    synchronized long nextSeq() {
        return ++seq;
    }

    /** Records the tracked entity's current attribute values in the index (call after writing it). */
    synchronized void indexed(TeRow row) {
        row.attributes.forEach((attribute, v) -> {
            if (v.value != null) {
                teByAttributeValue.computeIfAbsent(attribute, k -> new HashMap<>())
                        .computeIfAbsent(v.value.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(row.uid);
            }
        });
    }

    /** Records the enrollment's tracked entity in the index (call after writing it). */
    synchronized void indexed(EnRow row) {
        if (row.te != null) {
            enrollmentsByTe.computeIfAbsent(row.te, k -> new LinkedHashSet<>()).add(row.uid);
        }
    }

    /** Records the event's enrollment in the index (call after writing it; null for an event without one). */
    synchronized void indexed(EvRow row) {
        eventsByEnrollment.computeIfAbsent(row.enrollment, k -> new LinkedHashSet<>()).add(row.uid);
    }

    synchronized List<EnRow> enrollmentsOf(String te) {
        List<EnRow> result = new ArrayList<>();
        for (String uid : enrollmentsByTe.getOrDefault(te, Collections.emptySet())) {
            EnRow e = enrollments.get(uid);
            if (e != null && e.te.equals(te)) {
                result.add(e);
            }
        }
        result.sort(Comparator.comparingLong(e -> e.seq));
        return result;
    }

    synchronized List<EvRow> eventsOf(String enrollment) {
        List<EvRow> result = new ArrayList<>();
        for (String uid : eventsByEnrollment.getOrDefault(enrollment, Collections.emptySet())) {
            EvRow e = events.get(uid);
            if (e != null && Objects.equals(e.enrollment, enrollment)) {
                result.add(e);
            }
        }
        result.sort(Comparator.comparingLong(e -> e.seq));
        return result;
    }

    /** The tracked entity, other than {@code exceptTe}, that holds {@code value} for the attribute. */
    synchronized TeRow holderOf(String attribute, String value, String exceptTe) {
        TeRow holder = null;
        for (TeRow te : withValue(attribute, value)) {
            Value v = te.attributes.get(attribute);
            if (v != null && value.equals(v.value) && !te.uid.equals(exceptTe)
                    && (holder == null || te.seq < holder.seq)) {
                holder = te;
            }
        }
        return holder;
    }

    /** Deletes the event (softly). */
    synchronized void deleteEvent(String uid) {
        EvRow row = events.remove(uid);
        if (row != null) {
            deletedEvents.put(uid, row);
        }
    }

    /** Deletes the enrollment and its events (softly), as DHIS2 does. */
    synchronized void deleteEnrollment(String uid) {
        for (EvRow event : eventsOf(uid)) {
            deleteEvent(event.uid);
        }
        EnRow row = enrollments.remove(uid);
        if (row != null) {
            deletedEnrollments.put(uid, row);
        }
    }

    /** Deletes the tracked entity with its enrollments and their events (softly), as DHIS2 does. */
    synchronized void deleteTrackedEntity(String uid) {
        for (EnRow enrollment : enrollmentsOf(uid)) {
            deleteEnrollment(enrollment.uid);
        }
        TeRow row = trackedEntities.remove(uid);
        if (row != null) {
            deletedTrackedEntities.put(uid, row);
        }
    }

    /** Forgets the object and everything under it, leaving no trace of a delete (a restore from an older backup). */
    synchronized void lose(String uid) {
        if (trackedEntities.containsKey(uid)) {
            for (EnRow enrollment : enrollmentsOf(uid)) {
                lose(enrollment.uid);
            }
            trackedEntities.remove(uid);
        } else if (enrollments.containsKey(uid)) {
            for (EvRow event : eventsOf(uid)) {
                events.remove(event.uid);
            }
            enrollments.remove(uid);
        } else {
            events.remove(uid);
        }
    }

    /** Tracked entities that may hold the value (ignoring case) for the attribute: check them. */
    private List<TeRow> withValue(String attribute, String value) {
        List<TeRow> rows = new ArrayList<>();
        Map<String, Set<String>> byValue = teByAttributeValue.get(attribute);
        if (byValue != null) {
            for (String uid : byValue.getOrDefault(value.toLowerCase(Locale.ROOT), Collections.emptySet())) {
                TeRow te = trackedEntities.get(uid);
                if (te != null) {
                    rows.add(te);
                }
            }
        }
        return rows;
    }

    /**
     * The tracked entities a search has to look at: those asked for by uid, else those an equality or IN filter's
     * values select, else all. The caller still applies every filter to each.
     */
    synchronized Collection<TeRow> searchCandidates(List<String> uids, List<AttributeFilter> filters) {
        if (!uids.isEmpty()) {
            Map<String, TeRow> rows = new LinkedHashMap<>();
            for (String uid : uids) {
                TeRow te = trackedEntities.get(uid);
                if (te != null) {
                    rows.put(uid, te);
                }
            }
            return rows.values();
        }
        for (AttributeFilter filter : filters) {
            Set<String> values = filter.exactValues();
            if (values != null) {
                Map<String, TeRow> rows = new LinkedHashMap<>();
                for (String value : values) {
                    withValue(filter.attribute, value).forEach(te -> rows.put(te.uid, te));
                }
                return rows.values();
            }
        }
        return new ArrayList<>(trackedEntities.values());
    }


    synchronized void save(Path file, Metadata metadata, List<String> apiTokens) {
        Saved s = new Saved();
        s.metadata = metadata.snapshot();
        s.trackedEntities.addAll(trackedEntities.values());
        s.enrollments.addAll(enrollments.values());
        s.events.addAll(events.values());
        s.deletedTrackedEntities.addAll(deletedTrackedEntities.values());
        s.deletedEnrollments.addAll(deletedEnrollments.values());
        s.deletedEvents.addAll(deletedEvents.values());
        s.apiTokens.addAll(apiTokens);
        s.seq = seq;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), s);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fake DHIS2 state to " + file, e);
        }
    }

    /** Loads the file into this store and the metadata; returns the saved API tokens. */
    synchronized List<String> load(Path file, Metadata metadata) {
        try {
            Saved s = JSON.readValue(file.toFile(), Saved.class);
            trackedEntities.clear();
            enrollments.clear();
            events.clear();
            deletedTrackedEntities.clear();
            deletedEnrollments.clear();
            deletedEvents.clear();
            teByAttributeValue.clear();
            enrollmentsByTe.clear();
            eventsByEnrollment.clear();
            s.trackedEntities.forEach(r -> {
                trackedEntities.put(r.uid, r);
                indexed(r);
            });
            s.enrollments.forEach(r -> {
                enrollments.put(r.uid, r);
                indexed(r);
            });
            s.events.forEach(r -> {
                events.put(r.uid, r);
                indexed(r);
            });
            s.deletedTrackedEntities.forEach(r -> deletedTrackedEntities.put(r.uid, r));
            s.deletedEnrollments.forEach(r -> deletedEnrollments.put(r.uid, r));
            s.deletedEvents.forEach(r -> deletedEvents.put(r.uid, r));
            seq = s.seq;
            if (s.metadata != null) {
                metadata.restore(s.metadata);
            }
            return s.apiTokens;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fake DHIS2 state from " + file, e);
        }
    }
}
