package org.openmrs.module.dhis2sync.api;

import java.util.ArrayList;
import java.util.List;

import org.openmrs.api.APIAuthenticationException;

/**
 * The user's own OpenMRS read privileges on the records the module shows: patients are shown by name and identifier
 * only to a user who may read them in OpenMRS; a preview's records (names, identifiers, obs) only to one holding
 * every {@link Dhis2SyncPrivileges#RECORD_READS}, everyone else sees the counts.
 */
public class RecordReads {

    private final CurrentUser currentUser;

    public RecordReads(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** OpenMRS's read privileges on the records a preview lists that the user lacks; empty when all are held. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String privilege : Dhis2SyncPrivileges.RECORD_READS) {
            if (!currentUser.hasPrivilege(privilege)) {
                missing.add(privilege);
            }
        }
        return missing;
    }

    /** Why the records are withheld from a user lacking the {@link #missing()} privileges. */
    public static String withheld(List<String> missing) {
        return "The records are listed only for users with the OpenMRS privileges "
                + String.join(", ", Dhis2SyncPrivileges.RECORD_READS) + "; missing: " + String.join(", ", missing)
                + ".";
    }

    /** @throws APIAuthenticationException when the user lacks any of the record reads */
    public void requireAll(String countsAre) {
        List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new APIAuthenticationException(withheld(missing) + " " + countsAre);
        }
    }

    /** @throws APIAuthenticationException when the user may not read patients in OpenMRS */
    public void requirePatientReader() {
        if (!currentUser.hasPrivilege(Dhis2SyncPrivileges.GET_PATIENTS)) {
            throw new APIAuthenticationException("This needs the OpenMRS privilege '" + Dhis2SyncPrivileges.GET_PATIENTS
                    + "' (patients are shown by name and identifier)");
        }
    }
}
