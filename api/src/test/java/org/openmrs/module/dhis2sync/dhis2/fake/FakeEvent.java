package org.openmrs.module.dhis2sync.dhis2.fake;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event as the fake DHIS2 holds it: data element UID to value. */
public record FakeEvent(String uid, String enrollment, String trackedEntity, String program, String programStage,
        String orgUnit, String status, LocalDateTime occurredAt, Map<String, String> dataValues) {

    public FakeEvent {
        dataValues = Collections.unmodifiableMap(new LinkedHashMap<>(dataValues == null ? Map.of() : dataValues));
    }
}
