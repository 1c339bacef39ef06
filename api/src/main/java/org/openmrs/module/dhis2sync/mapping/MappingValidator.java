package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.source.EncounterFeed;
import org.openmrs.module.dhis2sync.source.PatientField;

/**
 * Checks a mapping before it is stored or run, and reports every problem at once, each under the JSON path of
 * its field. It checks the mapping's own consistency; whether the UIDs exist in DHIS2 is for the metadata check.
 */
public final class MappingValidator {

    static final int MAX_NAME_LENGTH = 100;
    /** OpenMRS's uuid columns are char(38). */
    static final int MAX_UUID_LENGTH = 38;
    static final List<String> OPENMRS_GENDERS = Arrays.asList("M", "F", "O", "U");

    private static final String UID_SHAPE = "11 characters: a letter, then letters or digits";

    /** Every problem of the mapping; empty when it can be used. */
    public List<FieldError> validate(MappingConfig config) {
        Errors errors = new Errors();
        if (config == null) {
            errors.add("", "the mapping is empty");
            return errors.list;
        }
        checkName(config.getName(), errors);
        checkUuid("openmrsProgramUuid", config.getOpenmrsProgramUuid(), "the OpenMRS program's uuid", errors);
        checkUid("dhis2ProgramUid", config.getDhis2ProgramUid(), "the DHIS2 program's UID", errors);
        checkUid("trackedEntityTypeUid", config.getTrackedEntityTypeUid(), "the DHIS2 tracked entity type's UID",
                errors);
        checkInstance(config.getInstance(), errors);
        checkEnrollment(config.getEnrollment(), errors);
        checkEvents(config.getEvents(), errors);
        return errors.list;
    }

    /**
     * @throws MappingValidationException listing every problem, when there is any
     */
    public void check(MappingConfig config) {
        List<FieldError> errors = validate(config);
        if (!errors.isEmpty()) {
            throw new MappingValidationException(errors);
        }
    }

    private static void checkName(String name, Errors errors) {
        if (isBlank(name)) {
            errors.add("name", "required: the mapping's name");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "is " + name.length() + " characters long; at most " + MAX_NAME_LENGTH);
        }
    }

    private static void checkInstance(InstanceMapping instance, Errors errors) {
        if (instance == null) {
            errors.add("instance", "required: the patient's attributes");
            return;
        }
        List<AttributeMapping> attributes = instance.getAttributes();
        if (attributes.isEmpty()) {
            errors.add("instance.attributes", "at least one attribute has to be mapped");
        }
        Map<PatientField, String> sourcesSeen = new HashMap<PatientField, String>();
        Map<String, String> uidsSeen = new HashMap<String, String>();
        for (int i = 0; i < attributes.size(); i++) {
            String path = "instance.attributes[" + i + "]";
            AttributeMapping attribute = attributes.get(i);
            if (attribute == null) {
                errors.add(path, "is empty");
                continue;
            }
            checkSource(path, attribute.getSource(), sourcesSeen, errors);
            if (checkUid(path + ".attributeUid", attribute.getAttributeUid(), "the DHIS2 attribute's UID", errors)) {
                String earlier = uidsSeen.put(attribute.getAttributeUid(), path);
                if (earlier != null) {
                    errors.add(path + ".attributeUid", "attribute " + attribute.getAttributeUid()
                            + " is already mapped at " + earlier);
                }
            }
        }
        for (Map.Entry<String, String> code : instance.getGenderCodes().entrySet()) {
            String path = "instance.genderCodes." + code.getKey();
            if (!OPENMRS_GENDERS.contains(code.getKey())) {
                errors.add(path, "'" + code.getKey() + "' is not an OpenMRS gender; one of " + OPENMRS_GENDERS);
            }
            if (isBlank(code.getValue())) {
                errors.add(path, "required: the DHIS2 code of gender " + code.getKey());
            }
        }
    }

    private static void checkSource(String attributePath, String source, Map<PatientField, String> seen,
            Errors errors) {
        PatientField field;
        try {
            field = PatientField.parse(source);
        } catch (IllegalArgumentException unknown) {
            errors.add(attributePath + ".source", unknown.getMessage());
            return;
        }
        String earlier = seen.put(field, attributePath);
        if (earlier != null) {
            errors.add(attributePath + ".source", "source '" + field + "' is already mapped at " + earlier);
        }
    }

    private static void checkEnrollment(EnrollmentMapping enrollment, Errors errors) {
        if (enrollment == null) {
            errors.add("enrollment", "required: whether to open the latest completed enrollment");
        } else if (!enrollment.isAnswered()) {
            errors.add("enrollment.openLatestCompletedEnrollment",
                    "required: true to reopen the latest completed DHIS2 enrollment, false to create a new one");
        }
    }

    private static void checkEvents(List<StageMapping> events, Errors errors) {
        Map<String, String> stageFeedsSeen = new HashMap<String, String>();
        for (int i = 0; i < events.size(); i++) {
            String path = "events[" + i + "]";
            StageMapping stage = events.get(i);
            if (stage == null) {
                errors.add(path, "is empty");
                continue;
            }
            boolean stageOk = checkUid(path + ".programStageUid", stage.getProgramStageUid(),
                    "the DHIS2 program stage's UID", errors);
            boolean feedOk = checkFeed(path + ".feed", stage, errors);
            if (stageOk && feedOk) {
                String key = stage.getProgramStageUid() + " " + stage.getFeed();
                String earlier = stageFeedsSeen.put(key, path);
                if (earlier != null) {
                    errors.add(path, "stage " + stage.getProgramStageUid() + " fed by " + stage.getFeed()
                            + " is already mapped at " + earlier);
                }
            }
            checkDataElements(path + ".dataElements", stage.getDataElements(), errors);
        }
    }

    private static boolean checkFeed(String path, StageMapping stage, Errors errors) {
        EncounterFeed.Kind kind = stage.getFeedKind();
        String reference = stage.getFeedReference();
        if (kind == null && reference == null) {
            errors.add(path, "required: what feeds the stage (kind " + Arrays.toString(EncounterFeed.Kind.values())
                    + " and reference)");
            return false;
        }
        boolean ok = true;
        if (kind == null) {
            errors.add(path + ".kind", "required: one of " + Arrays.toString(EncounterFeed.Kind.values()));
            ok = false;
        }
        String what = kind == null ? "the feed's reference" : referenceMeaning(kind);
        if (isBlank(reference)) {
            errors.add(path + ".reference", "required: " + what);
            ok = false;
        } else if (kind != EncounterFeed.Kind.FORM && reference.length() > MAX_UUID_LENGTH) {
            errors.add(path + ".reference", "'" + reference + "' is too long for " + what);
            ok = false;
        }
        return ok;
    }

    private static String referenceMeaning(EncounterFeed.Kind kind) {
        switch (kind) {
            case ENCOUNTER_TYPE:
                return "the encounter type's uuid";
            case FORM:
                return "the Bahmni form's name";
            default:
                return "the concept set's uuid";
        }
    }

    private static void checkDataElements(String path, List<DataElementMapping> dataElements, Errors errors) {
        if (dataElements.isEmpty()) {
            errors.add(path, "at least one data element has to be entered");
        }
        Map<String, String> uidsSeen = new HashMap<String, String>();
        for (int i = 0; i < dataElements.size(); i++) {
            String itemPath = path + "[" + i + "]";
            DataElementMapping dataElement = dataElements.get(i);
            if (dataElement == null) {
                errors.add(itemPath, "is empty");
                continue;
            }
            checkUuid(itemPath + ".conceptUuid", dataElement.getConceptUuid(), "the concept's uuid", errors);
            if (checkUid(itemPath + ".dataElementUid", dataElement.getDataElementUid(), "the DHIS2 data element's UID",
                    errors)) {
                String earlier = uidsSeen.put(dataElement.getDataElementUid(), itemPath);
                if (earlier != null) {
                    errors.add(itemPath + ".dataElementUid", "data element " + dataElement.getDataElementUid()
                            + " is already mapped in this stage at " + earlier);
                }
            }
            checkValueType(itemPath + ".valueType", dataElement.getValueType(), errors);
            checkAnswers(itemPath + ".answers", dataElement, errors);
        }
    }

    private static void checkValueType(String path, Dhis2ValueType valueType, Errors errors) {
        if (valueType == null) {
            errors.add(path, "required: the data element's DHIS2 value type");
        } else if (!valueType.takesObservations()) {
            errors.add(path, "a data element of value type " + valueType + " cannot take an OpenMRS observation");
        }
    }

    private static void checkAnswers(String path, DataElementMapping dataElement, Errors errors) {
        Dhis2ValueType valueType = dataElement.getValueType();
        for (Map.Entry<String, String> answer : dataElement.getAnswers().entrySet()) {
            String answerPath = path + "." + answer.getKey();
            if (isBlank(answer.getKey())) {
                errors.add(answerPath, "an answer concept's uuid is empty");
            }
            String code = answer.getValue();
            if (isBlank(code)) {
                errors.add(answerPath, "required: the DHIS2 option code of answer " + answer.getKey());
            } else if ((valueType == Dhis2ValueType.BOOLEAN || valueType == Dhis2ValueType.TRUE_ONLY)
                    && !"true".equals(code) && !"false".equals(code)) {
                errors.add(answerPath, "'" + code + "' is not a " + valueType + " value; use true or false");
            }
        }
    }

    /** @return whether the UID is well-formed */
    private static boolean checkUid(String path, String uid, String what, Errors errors) {
        if (isBlank(uid)) {
            errors.add(path, "required: " + what);
            return false;
        }
        if (!Uid.isValid(uid)) {
            errors.add(path, "'" + uid + "' is not a DHIS2 UID (" + UID_SHAPE + ")");
            return false;
        }
        return true;
    }

    private static void checkUuid(String path, String uuid, String what, Errors errors) {
        if (isBlank(uuid)) {
            errors.add(path, "required: " + what);
        } else if (uuid.length() > MAX_UUID_LENGTH) {
            errors.add(path, "'" + uuid + "' is not an OpenMRS uuid (at most " + MAX_UUID_LENGTH + " characters)");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.trim().isEmpty();
    }

    private static final class Errors {
        private final List<FieldError> list = new ArrayList<FieldError>();

        void add(String field, String message) {
            list.add(new FieldError(field, message));
        }
    }
}
