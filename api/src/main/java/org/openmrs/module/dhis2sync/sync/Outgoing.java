package org.openmrs.module.dhis2sync.sync;

/** One record on its way to DHIS2: the OpenMRS uuid it comes from, the DHIS2 UID it is sent under, the payload. */
final class Outgoing<T> {

    private final String openmrsUuid;
    private final String uid;
    private final boolean created;
    private final T payload;

    /** @param created whether the UID was assigned by this run (a NEW object) */
    Outgoing(String openmrsUuid, String uid, boolean created, T payload) {
        this.openmrsUuid = openmrsUuid;
        this.uid = uid;
        this.created = created;
        this.payload = payload;
    }

    String openmrsUuid() {
        return openmrsUuid;
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
}
