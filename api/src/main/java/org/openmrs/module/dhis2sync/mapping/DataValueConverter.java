package org.openmrs.module.dhis2sync.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.openmrs.module.dhis2sync.source.ObsValue;

/**
 * Writes an obs value the way the data element's DHIS2 value type takes it. A coded answer is first replaced
 * by its option code when the data element has an answers map (else its name is the text); the text is then
 * checked and formatted for the value type. A value DHIS2 would refuse is reported here, naming the concept,
 * so that the record fails alone with a message a clinician can act on.
 */
public final class DataValueConverter {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** OpenMRS's REST form: offset without a colon, e.g. 2024-03-01T10:15:00.000+0300. */
    private static final DateTimeFormatter OPENMRS_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

    public Converted convert(DataElementMapping dataElement, ObsValue obs) {
        String text = obs.getValue();
        ObsValue.Type sourceType = obs.getType();
        if (sourceType == ObsValue.Type.CODED && dataElement.hasAnswers()) {
            String code = dataElement.getAnswers().get(obs.getCodedAnswerUuid());
            if (code == null) {
                return Converted.error("no option code mapped for answer '" + obs.getValue() + "' ("
                        + obs.getCodedAnswerUuid() + ") of concept '" + obs.getConceptName() + "'");
            }
            text = code;
            sourceType = ObsValue.Type.TEXT;
        }
        if (text == null || text.trim().isEmpty()) {
            return Converted.leftOut();
        }
        return new Conversion(dataElement, obs, text.trim(), sourceType).run();
    }

    /** One conversion: the value in hand and what to name in an error. */
    private static final class Conversion {
        private final DataElementMapping dataElement;
        private final ObsValue obs;
        private final String text;
        private final ObsValue.Type sourceType;
        private final Dhis2ValueType valueType;

        Conversion(DataElementMapping dataElement, ObsValue obs, String text, ObsValue.Type sourceType) {
            this.dataElement = dataElement;
            this.obs = obs;
            this.text = text;
            this.sourceType = sourceType;
            this.valueType = dataElement.getValueType();
        }

        Converted run() {
            if (valueType == null) {
                return Converted.error("data element " + dataElement.getDataElementUid() + " of concept '"
                        + obs.getConceptName() + "' has no value type");
            }
            if (valueType.isInteger()) {
                return integer();
            }
            if (valueType.isDecimal()) {
                return decimal();
            }
            switch (valueType) {
                case BOOLEAN:
                    return bool(false);
                case TRUE_ONLY:
                    return bool(true);
                case DATE:
                case AGE:
                    LocalDateTime date = dateTime();
                    return date == null ? refuse("a date") : Converted.value(date.toLocalDate().toString());
                case DATETIME:
                    LocalDateTime dateTime = dateTime();
                    return dateTime == null ? refuse("a date and time") : Converted.value(dateTime.format(DATETIME));
                case TIME:
                    return time();
                case LETTER:
                    return text.length() == 1 && Character.isLetter(text.charAt(0)) ? Converted.value(text)
                            : refuse("a single letter");
                default:
                    if (valueType.isText()) {
                        return Converted.value(sourceType == ObsValue.Type.NUMERIC ? plainNumberOrText() : text);
                    }
                    return Converted.error("data element " + dataElement.getDataElementUid() + " has value type "
                            + valueType + ", which an OpenMRS observation cannot fill (concept '"
                            + obs.getConceptName() + "')");
            }
        }

        private Converted integer() {
            BigDecimal number = number();
            if (number == null) {
                return refuse("a number");
            }
            if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                return refuse("a whole number");
            }
            int sign = number.signum();
            if (valueType == Dhis2ValueType.INTEGER_POSITIVE && sign <= 0) {
                return refuse("a positive whole number");
            }
            if (valueType == Dhis2ValueType.INTEGER_NEGATIVE && sign >= 0) {
                return refuse("a negative whole number");
            }
            if (valueType == Dhis2ValueType.INTEGER_ZERO_OR_POSITIVE && sign < 0) {
                return refuse("zero or a positive whole number");
            }
            return Converted.value(number.toBigInteger().toString());
        }

        private Converted decimal() {
            BigDecimal number = number();
            if (number == null) {
                return refuse("a number");
            }
            if (valueType == Dhis2ValueType.UNIT_INTERVAL
                    && (number.signum() < 0 || number.compareTo(BigDecimal.ONE) > 0)) {
                return refuse("a number between 0 and 1");
            }
            if (valueType == Dhis2ValueType.PERCENTAGE && (number.signum() < 0 || number.compareTo(HUNDRED) > 0)) {
                return refuse("a percentage between 0 and 100");
            }
            return Converted.value(plain(number));
        }

        private Converted bool(boolean trueOnly) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if ("true".equals(lower)) {
                return Converted.value("true");
            }
            if ("false".equals(lower)) {
                return trueOnly ? Converted.leftOut() : Converted.value("false");
            }
            String hint = obs.getType() == ObsValue.Type.CODED ? " (map its answers to true or false)" : "";
            return refuse("true or false" + hint);
        }

        private Converted time() {
            if (sourceType == ObsValue.Type.DATETIME) {
                LocalDateTime dateTime = dateTime();
                return dateTime == null ? refuse("a time") : Converted.value(dateTime.format(TIME));
            }
            try {
                return Converted.value(LocalTime.parse(text).format(TIME));
            } catch (DateTimeParseException notATime) {
                return refuse("a time (HH:mm)");
            }
        }

        private BigDecimal number() {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }

        private String plainNumberOrText() {
            BigDecimal number = number();
            return number == null ? text : plain(number);
        }

        /** A date, or a date and time in the ISO forms OpenMRS writes; null when it is neither. */
        private LocalDateTime dateTime() {
            String iso = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11) : text;
            try {
                return LocalDateTime.parse(iso);
            } catch (DateTimeParseException notLocal) {
                // try the next form
            }
            try {
                return OffsetDateTime.parse(iso).toLocalDateTime();
            } catch (DateTimeParseException notIsoOffset) {
                // try the next form
            }
            try {
                return OffsetDateTime.parse(iso, OPENMRS_DATETIME).toLocalDateTime();
            } catch (DateTimeParseException notOpenmrsOffset) {
                // try the next form
            }
            try {
                return LocalDate.parse(iso).atStartOfDay();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }

        private Converted refuse(String expected) {
            return Converted.error("value '" + text + "' of concept '" + obs.getConceptName() + "' is not "
                    + expected + ", as data element " + dataElement.getDataElementUid() + " (" + valueType
                    + ") needs");
        }
    }

    /** Plain decimal notation without trailing zeros: 72.0 -> 72, 1E+3 -> 1000, 0.50 -> 0.5. */
    static String plain(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        return number.stripTrailingZeros().toPlainString();
    }
}
