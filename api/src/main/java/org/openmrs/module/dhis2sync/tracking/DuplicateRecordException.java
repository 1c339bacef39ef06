package org.openmrs.module.dhis2sync.tracking;

/**
 * A save would break one of the module's unique keys. Names the table and the key value so the message alone tells
 * what clashed. When it comes from the database (not from a check before writing) the transaction it happened in
 * must be rolled back: Hibernate's session is no longer usable.
 */
public class DuplicateRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final String key;

    public DuplicateRecordException(String table, String key) {
        this(table, key, null);
    }

    public DuplicateRecordException(String table, String key, Throwable cause) {
        super(table + " already has a row with " + key, cause);
        this.table = table;
        this.key = key;
    }

    public String getTable() {
        return table;
    }

    /** The clashing key, as {@code column=value[, column=value]}. */
    public String getKey() {
        return key;
    }
}
