package org.openmrs.module.dhis2sync.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The module's privileges (declared in config.xml); every service method and REST resource requires one. */
public final class Dhis2SyncPrivileges {

    public static final String MANAGE_MAPPINGS = "Manage DHIS2 Sync Mappings";
    public static final String RUN_SYNC = "Run DHIS2 Sync";
    public static final String VIEW_LOGS = "View DHIS2 Sync Logs";
    public static final String MANAGE_SETTINGS = "Manage DHIS2 Sync Settings";

    /**
     * OpenMRS core's privilege to read patients: the module names patients (name, preferred identifier) and finds
     * them only for users who hold it.
     */
    public static final String GET_PATIENTS = "Get Patients";

    /**
     * OpenMRS core's privileges to read the records a preview lists with their values (names, identifiers,
     * enrollments, obs): without all of them a preview shows its counts only.
     */
    public static final List<String> RECORD_READS = Collections.unmodifiableList(Arrays.asList(GET_PATIENTS,
        "Get Patient Programs", "Get Encounters", "Get Observations"));

    private Dhis2SyncPrivileges() {
    }

    public static List<String> all() {
        return Collections.unmodifiableList(Arrays.asList(MANAGE_MAPPINGS, RUN_SYNC, VIEW_LOGS, MANAGE_SETTINGS));
    }
}
