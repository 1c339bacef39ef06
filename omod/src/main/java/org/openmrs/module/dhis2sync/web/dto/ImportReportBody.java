package org.openmrs.module.dhis2sync.web.dto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.mapping.MappingImportReport;

/**
 * What an import did. An invalid document is refused as a whole with a 400 naming every field, so {@code errors}
 * is always empty here; it stays for the page, which reads it.
 */
public final class ImportReportBody {

    private final List<String> imported;
    private final List<Conflict> conflicts;
    private final List<Object> errors = Collections.emptyList();

    private ImportReportBody(MappingImportReport report) {
        this.imported = report.getImported();
        List<Conflict> list = new ArrayList<>();
        for (String name : report.getConflicts()) {
            list.add(new Conflict(name, "a mapping of that name exists; it was left unchanged (rename the mapping in"
                    + " the file to import it as a new one)"));
        }
        this.conflicts = Collections.unmodifiableList(list);
    }

    public static ImportReportBody of(MappingImportReport report) {
        return new ImportReportBody(report);
    }

    public List<String> getImported() {
        return imported;
    }

    public List<Conflict> getConflicts() {
        return conflicts;
    }

    public List<Object> getErrors() {
        return errors;
    }

    /** A mapping of the file whose name exists. */
    public static final class Conflict {
        private final String name;
        private final String message;

        Conflict(String name, String message) {
            this.name = name;
            this.message = message;
        }

        public String getName() {
            return name;
        }

        public String getMessage() {
            return message;
        }
    }
}
