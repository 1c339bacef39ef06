package org.openmrs.module.dhis2sync.testsupport;

import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link TrackingDatabase} per kind, made on first use and shared by a test class's tests (which use their own
 * random keys): hold it in a static field and {@link #close()} it in {@code @AfterAll}.
 */
public final class TrackingDatabases implements AutoCloseable {

    private final Map<TestDatabase.Kind, TrackingDatabase> databases = new EnumMap<>(TestDatabase.Kind.class);

    public synchronized TrackingDatabase get(TestDatabase.Kind kind) {
        return databases.computeIfAbsent(kind, TrackingDatabase::create);
    }

    @Override
    public synchronized void close() {
        databases.values().forEach(TrackingDatabase::close);
        databases.clear();
    }
}
