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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
        List<String> apiTokens = new ArrayList<>();
        long seq;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, TeRow> trackedEntities = new LinkedHashMap<>();
    final Map<String, EnRow> enrollments = new LinkedHashMap<>();
    final Map<String, EvRow> events = new LinkedHashMap<>();
    private long seq;

    synchronized long nextSeq() {
        return ++seq;
    }

    synchronized List<EnRow> enrollmentsOf(String te) {
        return enrollments.values().stream().filter(e -> e.te.equals(te)).collect(Collectors.toList());
    }

    synchronized List<EvRow> eventsOf(String enrollment) {
        return events.values().stream().filter(e -> Objects.equals(e.enrollment, enrollment))
                .sorted(Comparator.comparingLong(e -> e.seq)).collect(Collectors.toList());
    }

    /** The tracked entity, other than {@code exceptTe}, that holds {@code value} for the attribute. */
    synchronized TeRow holderOf(String attribute, String value, String exceptTe) {
        for (TeRow te : trackedEntities.values()) {
            Value v = te.attributes.get(attribute);
            if (v != null && value.equals(v.value) && !te.uid.equals(exceptTe)) {
                return te;
            }
        }
        return null;
    }


    synchronized void save(Path file, Metadata metadata, List<String> apiTokens) {
        Saved s = new Saved();
        s.metadata = metadata.snapshot();
        s.trackedEntities.addAll(trackedEntities.values());
        s.enrollments.addAll(enrollments.values());
        s.events.addAll(events.values());
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
            s.trackedEntities.forEach(r -> trackedEntities.put(r.uid, r));
            s.enrollments.forEach(r -> enrollments.put(r.uid, r));
            s.events.forEach(r -> events.put(r.uid, r));
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
