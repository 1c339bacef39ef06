package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.names.RecordNames;
import org.openmrs.module.dhis2sync.sync.RunTally;
import org.openmrs.module.dhis2sync.sync.ValidationVerdict;

/** DHIS2's verdicts on what a run would send. */
public final class ValidationBody {

    private final String mappingUuid;
    private final List<Verdict> verdicts;

    private ValidationBody(String mappingUuid, RunTally tally, RecordNames names) {
        this.mappingUuid = mappingUuid;
        List<Verdict> list = new ArrayList<>();
        for (ValidationVerdict verdict : tally.verdicts()) {
            list.add(new Verdict(verdict, names));
        }
        this.verdicts = Collections.unmodifiableList(list);
    }

    /** @param names the records' names, or null when the user may not read patients */
    public static ValidationBody of(String mappingUuid, RunTally tally, RecordNames names) {
        return new ValidationBody(mappingUuid, tally, names);
    }

    public String getMappingUuid() {
        return mappingUuid;
    }

    public List<Verdict> getVerdicts() {
        return verdicts;
    }

    /** One record's verdict. */
    public static final class Verdict {
        private final String category;
        private final String openmrsUuid;
        private final String dhis2Uid;
        private final boolean valid;
        private final String errorCode;
        private final String message;
        private final RecordBody record;
        private final String decision;

        /** One verdict, named when names are known. */
        public static Verdict of(ValidationVerdict verdict, RecordNames names) {
            return new Verdict(verdict, names);
        }

        Verdict(ValidationVerdict verdict, RecordNames names) {
            this.decision = verdict.getDecision() == null ? null : verdict.getDecision().name();
            this.category = verdict.getCategory().name();
            this.openmrsUuid = verdict.getOpenmrsUuid();
            this.dhis2Uid = verdict.getDhis2Uid();
            this.valid = verdict.isValid();
            this.errorCode = verdict.getErrorCode();
            this.message = verdict.getMessage();
            this.record = RecordBody.of(names, verdict.getCategory(), verdict.getOpenmrsUuid());
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

        public boolean isValid() {
            return valid;
        }

        public String getErrorCode() {
            return errorCode;
        }

        public String getMessage() {
            return message;
        }

        public RecordBody getRecord() {
            return record;
        }

        /** NEW or UPDATE as the record would be sent; null when the module itself would not send it. */
        public String getDecision() {
            return decision;
        }
    }
}
