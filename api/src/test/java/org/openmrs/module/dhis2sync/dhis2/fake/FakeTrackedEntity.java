package org.openmrs.module.dhis2sync.dhis2.fake;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tracked entity as the fake DHIS2 holds it: attribute UID to value, in the order they were first set. */
public record FakeTrackedEntity(String uid, String trackedEntityType, String orgUnit, Map<String, String> attributes,
        LocalDateTime created, LocalDateTime updated) {

    public FakeTrackedEntity {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes == null ? Map.of() : attributes));
    }

    /** For seeding: timestamps are set to now. */
    public static FakeTrackedEntity of(String uid, String trackedEntityType, String orgUnit, Map<String, String> attributes) {
        LocalDateTime now = LocalDateTime.now();
        return new FakeTrackedEntity(uid, trackedEntityType, orgUnit, attributes, now, now);
    }
}
