package org.openmrs.module.dhis2sync.health;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openmrs.module.dhis2sync.mapping.Dhis2ValueType;

/**
 * Which DHIS2 value types an OpenMRS concept's datatype can fill, as the converter writes them (the table in the
 * README, "Mapping health check"). A coded concept fills any value type when its data element has an option set:
 * its answers become the set's codes.
 */
public final class ValueTypeFit {

    private static final Set<Dhis2ValueType> NUMBERS = EnumSet.of(Dhis2ValueType.NUMBER, Dhis2ValueType.INTEGER,
            Dhis2ValueType.INTEGER_POSITIVE, Dhis2ValueType.INTEGER_NEGATIVE, Dhis2ValueType.INTEGER_ZERO_OR_POSITIVE,
            Dhis2ValueType.PERCENTAGE, Dhis2ValueType.UNIT_INTERVAL, Dhis2ValueType.TEXT, Dhis2ValueType.LONG_TEXT);
    private static final Set<Dhis2ValueType> CODED = EnumSet.of(Dhis2ValueType.TEXT, Dhis2ValueType.LONG_TEXT,
            Dhis2ValueType.MULTI_TEXT, Dhis2ValueType.BOOLEAN, Dhis2ValueType.TRUE_ONLY);
    private static final Set<Dhis2ValueType> TEXT = EnumSet.of(Dhis2ValueType.TEXT, Dhis2ValueType.LONG_TEXT,
            Dhis2ValueType.LETTER, Dhis2ValueType.PHONE_NUMBER, Dhis2ValueType.EMAIL, Dhis2ValueType.URL,
            Dhis2ValueType.USERNAME);
    private static final Set<Dhis2ValueType> BOOLEAN = EnumSet.of(Dhis2ValueType.BOOLEAN, Dhis2ValueType.TRUE_ONLY,
            Dhis2ValueType.TEXT);
    private static final Set<Dhis2ValueType> DATE = EnumSet.of(Dhis2ValueType.DATE, Dhis2ValueType.DATETIME,
            Dhis2ValueType.AGE, Dhis2ValueType.TEXT);
    private static final Set<Dhis2ValueType> DATETIME = EnumSet.of(Dhis2ValueType.DATETIME, Dhis2ValueType.DATE,
            Dhis2ValueType.TIME, Dhis2ValueType.TEXT);
    private static final Set<Dhis2ValueType> TIME = EnumSet.of(Dhis2ValueType.TIME, Dhis2ValueType.TEXT);

    /** OpenMRS datatype name (lower case) → the value types it fills. */
    private static final Map<String, Set<Dhis2ValueType>> TABLE;

    static {
        Map<String, Set<Dhis2ValueType>> table = new LinkedHashMap<>();
        table.put("numeric", NUMBERS);
        table.put("structured numeric", NUMBERS);
        table.put("coded", CODED);
        table.put("text", TEXT);
        table.put("boolean", BOOLEAN);
        table.put("date", DATE);
        table.put("datetime", DATETIME);
        table.put("time", TIME);
        TABLE = Collections.unmodifiableMap(table);
    }

    private ValueTypeFit() {
    }

    /**
     * @param openmrsDatatype OpenMRS's datatype name (Numeric, Coded, Text, Boolean, Date, Datetime, Time, N/A...)
     * @param hasOptionSet whether the data element has an option set
     */
    public static boolean fits(String openmrsDatatype, Dhis2ValueType valueType, boolean hasOptionSet) {
        String key = key(openmrsDatatype);
        if ("coded".equals(key) && hasOptionSet) {
            return valueType.takesObservations();
        }
        Set<Dhis2ValueType> fitting = TABLE.get(key);
        return fitting != null && fitting.contains(valueType);
    }

    /** The value types the datatype fills, for a message; empty when it fills none (N/A, Document, Complex). */
    public static Set<Dhis2ValueType> fitting(String openmrsDatatype) {
        Set<Dhis2ValueType> fitting = TABLE.get(key(openmrsDatatype));
        return fitting == null ? Collections.<Dhis2ValueType>emptySet() : Collections.unmodifiableSet(fitting);
    }

    /** The datatypes of the table, as OpenMRS names them. */
    public static java.util.List<String> datatypes() {
        return Arrays.asList("Numeric", "Structured Numeric", "Coded", "Text", "Boolean", "Date", "Datetime", "Time");
    }

    private static String key(String datatype) {
        return datatype == null ? "" : datatype.trim().toLowerCase(Locale.ROOT);
    }
}
