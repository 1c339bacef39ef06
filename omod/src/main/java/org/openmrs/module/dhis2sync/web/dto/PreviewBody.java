package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.sync.PendingRecord;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.tracking.SyncCategory;

/** What a run would send now: complete counts per category, the first records. */
public final class PreviewBody {

    private final String mappingUuid;
    private final Map<String, Integer> counts;
    private final List<Record> records;
    private final boolean truncated;
    private final String recordsWithheld;

    private PreviewBody(String mappingUuid, RunTally tally, RecordNames names) {
        this.mappingUuid = mappingUuid;
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        int total = 0;
        for (SyncCategory category : SyncCategory.values()) {
            int count = tally.pendingCount(category);
            byCategory.put(category.name(), count);
            total += count;
        }
        this.counts = Collections.unmodifiableMap(byCategory);
        List<Record> list = new ArrayList<>();
        for (PendingRecord record : tally.pendingRecords()) {
            list.add(new Record(record, names));
        }
        this.records = Collections.unmodifiableList(list);
        this.recordsWithheld = tally.recordsWithheld();
        this.truncated = recordsWithheld == null && list.size() < total;
    }

    /** @param names the records' names, or null when the user may not read patients */
    public static PreviewBody of(String mappingUuid, RunTally tally, RecordNames names) {
        return new PreviewBody(mappingUuid, tally, names);
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public Map<String, Integer> getCounts() {
        return counts;
    }

    public List<Record> getRecords() {
        return records;
    }

    public boolean isTruncated() {
        return truncated;
    }

    /** Why {@link #getRecords()} is empty although records are waiting (the user's OpenMRS privileges), else null. */
    public String getRecordsWithheld() {
        return recordsWithheld;
    }

    /** One pending record. */
    public static final class Record {
        private final String category;
        private final String openmrsUuid;
        private final String decision;
        private final String dhis2Uid;
        private final String status;
        private final Map<String, String> values;
        private final String error;
        private final List<String> warnings;
        private final RecordBody recordName;

        Record(PendingRecord record, RecordNames names) {
            this.category = record.getCategory().name();
            this.openmrsUuid = record.getOpenmrsUuid();
            this.decision = record.getDecision() == null ? null : record.getDecision().name();
            this.dhis2Uid = record.getDhis2Uid();
            this.status = record.getStatus();
            this.values = record.getValues();
            this.error = record.getError();
            this.warnings = record.getWarnings();
            this.recordName = RecordBody.of(names, record.getCategory(), record.getOpenmrsUuid());
        }

        /** One record, named when names are known. */
        public static Record of(PendingRecord record, RecordNames names) {
            return new Record(record, names);
        }

        /** Records of a list, with their names when known. */
        public static List<Record> of(List<PendingRecord> records, RecordNames names) {
            List<Record> list = new ArrayList<>();
            for (PendingRecord record : records) {
                list.add(new Record(record, names));
            }
            return list;
        }

        public String getCategory() {
            return category;
        }

        public String getOpenmrsUuid() {
            return openmrsUuid;
        }

        public String getDecision() {
            return decision;
        }

        public String getDhis2Uid() {
            return dhis2Uid;
        }

        public String getStatus() {
            return status;
        }

        public Map<String, String> getValues() {
            return values;
        }

        public String getError() {
            return error;
        }

        /** What the record loses as sent, e.g. one of several values of a concept; empty for none. */
        public List<String> getWarnings() {
            return warnings;
        }

        /** What the record is (its patient's name and identifier, its program or encounter type, its date). */
        @com.fasterxml.jackson.annotation.JsonProperty("record")
        public RecordBody getRecordName() {
            return recordName;
        }
    }
}
