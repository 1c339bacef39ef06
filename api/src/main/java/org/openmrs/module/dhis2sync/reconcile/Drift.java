package org.openmrs.module.dhis2sync.reconcile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/** One record on which DHIS2 departs from OpenMRS: missing, different (with its fields) or extra. */
public final class Drift {

    private final DriftKind kind;
    private final SyncCategory category;
    private final String openmrsUuid;
    private final String dhis2Uid;
    private final String programStageUid;
    private final String parentUid;
    private final List<FieldDifference> fields;

    /**
     * @param openmrsUuid     the patient, patient program or encounter it comes from; null for an EXTRA record
     * @param programStageUid the event's stage, else null
     * @param parentUid       where DHIS2 holds an EXTRA record (its tracked entity or enrollment), else null
     */
    public Drift(DriftKind kind, SyncCategory category, String openmrsUuid, String dhis2Uid, String programStageUid,
            String parentUid, List<FieldDifference> fields) {
        this.kind = kind;
        this.category = category;
        this.openmrsUuid = openmrsUuid;
        this.dhis2Uid = dhis2Uid;
        this.programStageUid = programStageUid;
        this.parentUid = parentUid;
        this.fields = fields == null ? Collections.<FieldDifference>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(fields));
    }

    public DriftKind getKind() {
        return kind;
    }

    public SyncCategory getCategory() {
        return category;
    }

    public String getOpenmrsUuid() {
        return openmrsUuid;
    }

    public String getDhis2Uid() {
        return dhis2Uid;
    }

    public String getProgramStageUid() {
        return programStageUid;
    }

    public String getParentUid() {
        return parentUid;
    }

    public List<FieldDifference> getFields() {
        return fields;
    }

    /** One line for the log: kind, record, and the differing fields. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(kind.name()).append(' ').append(category).append(' ');
        if (openmrsUuid != null) {
            line.append(openmrsUuid).append(" → ");
        }
        line.append(dhis2Uid);
        if (programStageUid != null) {
            line.append(" (stage ").append(programStageUid).append(')');
        }
        if (parentUid != null) {
            line.append(" in ").append(parentUid).append(", not sent by the module");
        }
        if (!fields.isEmpty()) {
            line.append(": ");
            for (int i = 0; i < fields.size(); i++) {
                line.append(i == 0 ? "" : "; ").append(fields.get(i));
            }
        }
        return line.toString();
    }
}
