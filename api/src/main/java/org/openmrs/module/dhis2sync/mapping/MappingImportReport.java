package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What an import did: the mappings it created, and the ones it left alone because their name exists. */
public final class MappingImportReport {

    private final List<String> imported;
    private final List<String> conflicts;

    public MappingImportReport(List<String> imported, List<String> conflicts) {
        this.imported = Collections.unmodifiableList(new ArrayList<>(imported));
        this.conflicts = Collections.unmodifiableList(new ArrayList<>(conflicts));
    }

    public List<String> getImported() {
        return imported;
    }

    /** Names that already existed: never overwritten. */
    public List<String> getConflicts() {
        return conflicts;
    }
}
