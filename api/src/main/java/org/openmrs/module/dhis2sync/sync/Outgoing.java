package org.openmrs.module.dhis2sync.sync;

import org.openmrs.module.dhis2sync.tracking.FailureKey;
import org.openmrs.module.dhis2sync.tracking.TrackerRow;

/**
 * One DHIS2 object on its way: the exact object it is (its failure key: the OpenMRS record, and the stage for an
 * event), the UID it is sent under, its tracker row (pending until DHIS2 accepts it), the payload.
 */
final class Outgoing<T> {

    private final FailureKey key;
    private final String uid;
    private final boolean created;
    private final T payload;
    private final TrackerRow tracker;

    /**
     * @param created whether the UID was assigned by this run (a NEW object)
     * @param tracker the row holding the UID: saved (unconfirmed) before sending when new, confirmed on acceptance
     */
    Outgoing(FailureKey key, String uid, boolean created, T payload, TrackerRow tracker) {
        this.key = key;
        this.uid = uid;
        this.created = created;
        this.payload = payload;
        this.tracker = tracker;
    }

    /** The same object with another payload (a completed enrollment is first sent ACTIVE). */
    Outgoing<T> with(T otherPayload) {
        return new Outgoing<>(key, uid, created, otherPayload, tracker);
    }

    FailureKey key() {
        return key;
    }

    String openmrsUuid() {
        return key.getOpenmrsUuid();
    }

    String uid() {
        return uid;
    }

    boolean isNew() {
        return created;
    }

    T payload() {
        return payload;
    }

    TrackerRow tracker() {
        return tracker;
    }
}
