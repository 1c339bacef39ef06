package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.reconcile.Drift;
import org.openmrs.module.dhis2sync.reconcile.DriftKind;
import org.openmrs.module.dhis2sync.reconcile.FieldDifference;
import org.openmrs.module.dhis2sync.reconcile.ReconcileReport;
import org.openmrs.module.dhis2sync.reconcile.ReconcileResult;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/** A reconcile: its run (progress, outcome) and, once compared, what it found, each record named. */
public final class ReconcileBody {

    private final String kind;
    private final RunBody run;
    private final Report report;

    private ReconcileBody(ReconcileResult result, RecordNames names) {
        this.kind = result.getKind();
        this.run = RunBody.of(result.getRun());
        this.report = result.getReport() == null ? null : new Report(result.getReport(), names);
    }

    /** @param names the records' names, or null when the user may not read patients */
    public static ReconcileBody of(ReconcileResult result, RecordNames names) {
        return new ReconcileBody(result, names);
    }

    public String getKind() {
        return kind;
    }

    public RunBody getRun() {
        return run;
    }

    public Report getReport() {
        return report;
    }

    /** What the comparison found. */
    public static final class Report {
        private final boolean clean;
        private final String summary;
        private final Map<String, Integer> checked = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final List<Item> drifts;

        Report(ReconcileReport report, RecordNames names) {
            this.clean = report.isClean();
            this.summary = report.summary();
            for (SyncCategory category : SyncCategory.values()) {
                checked.put(category.name(), report.getChecked().get(category));
            }
            for (DriftKind kind : DriftKind.values()) {
                counts.put(kind.name(), report.count(kind));
            }
            List<Item> items = new ArrayList<>();
            for (Drift drift : report.getDrifts()) {
                items.add(new Item(drift, names));
            }
            this.drifts = Collections.unmodifiableList(items);
        }

        /** No record missing or different (extra ones are only reported). */
        public boolean isClean() {
            return clean;
        }

        public String getSummary() {
            return summary;
        }

        public Map<String, Integer> getChecked() {
            return checked;
        }

        public Map<String, Integer> getCounts() {
            return counts;
        }

        public List<Item> getDrifts() {
            return drifts;
        }
    }

    /** One record DHIS2 departs on. */
    public static final class Item {
        private final String kind;
        private final String category;
        private final String openmrsUuid;
        private final String dhis2Uid;
        private final String programStageUid;
        private final String parentUid;
        private final RecordBody record;
        private final List<Field> fields;

        Item(Drift drift, RecordNames names) {
            this.kind = drift.getKind().name();
            this.category = drift.getCategory().name();
            this.openmrsUuid = drift.getOpenmrsUuid();
            this.dhis2Uid = drift.getDhis2Uid();
            this.programStageUid = drift.getProgramStageUid();
            this.parentUid = drift.getParentUid();
            this.record = drift.getOpenmrsUuid() == null ? null
                    : RecordBody.of(names, drift.getCategory(), drift.getOpenmrsUuid());
            List<Field> list = new ArrayList<>();
            for (FieldDifference field : drift.getFields()) {
                list.add(new Field(field));
            }
            this.fields = Collections.unmodifiableList(list);
        }

        public String getKind() {
            return kind;
        }

        public String getCategory() {
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

        public RecordBody getRecord() {
            return record;
        }

        public List<Field> getFields() {
            return fields;
        }
    }

    /** One differing field: attribute or data element UID (or property) and name, DHIS2's and OpenMRS's values. */
    public static final class Field {
        private final String field;
        private final String name;
        private final String dhis2Value;
        private final String openmrsValue;

        Field(FieldDifference difference) {
            this.field = difference.getField();
            this.name = difference.getName();
            this.dhis2Value = difference.getDhis2Value();
            this.openmrsValue = difference.getOpenmrsValue();
        }

        public String getField() {
            return field;
        }

        public String getName() {
            return name;
        }

        public String getDhis2Value() {
            return dhis2Value;
        }

        public String getOpenmrsValue() {
            return openmrsValue;
        }
    }
}
