package org.openmrs.module.dhis2sync.dhis2.fake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fake DHIS2's metadata: a mutable, thread safe holder. {@link #defaults()} is the metadata of the captured
 * reference replies (test resource /dhis2/2.41.9.1/metadata-request.json). Tests add objects or mark an org
 * unit as outside the user's capture scope.
 */
public final class Metadata {

    public record OrgUnit(String id, String name, String code, String parent) {
    }

    public record Option(String id, String code, String name) {
    }

    public record OptionSet(String id, String name, String valueType, List<Option> options) {
        public OptionSet {
            options = List.copyOf(options);
        }

        public boolean hasCode(String code) {
            return options.stream().anyMatch(o -> o.code().equals(code));
        }

        /**
         * DHIS2's option check of a value (tracker ValidationUtils.validateOptionSet, deprecated DataValueCheck): a
         * MULTI_TEXT value is split at {@code ValueType.MULTI_TEXT_SEPARATOR} "," (String.split, as DHIS2 does) and
         * every part must be a code; any other value must be one.
         */
        public boolean hasCodes(String value, String valueType) {
            if ("MULTI_TEXT".equals(valueType)) {
                return java.util.Arrays.stream(value.split(",")).allMatch(this::hasCode);
            }
            return hasCode(value);
        }
    }

    public record TrackedEntityType(String id, String name) {
    }

    public record TrackedEntityAttribute(String id, String name, String code, String valueType, boolean unique,
            String optionSet) {
    }

    public record DataElement(String id, String name, String code, String valueType, String optionSet) {
    }

    public record ProgramStage(String id, String name, boolean repeatable, List<String> dataElements) {
        public ProgramStage {
            dataElements = List.copyOf(dataElements);
        }
    }

    public record Program(String id, String name, String trackedEntityType, boolean onlyEnrollOnce,
            boolean displayIncidentDate, List<String> attributes, List<ProgramStage> stages, List<String> orgUnits) {
        public Program {
            attributes = List.copyOf(attributes);
            stages = List.copyOf(stages);
            orgUnits = List.copyOf(orgUnits);
        }

        public Optional<ProgramStage> stage(String id) {
            return stages.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        public Program withOnlyEnrollOnce(boolean only) {
            return new Program(id, name, trackedEntityType, only, displayIncidentDate, attributes, stages, orgUnits);
        }
    }

    /** Serialisable copy of everything, for the state file. */
    public record Snapshot(List<OrgUnit> orgUnits, List<OptionSet> optionSets, List<TrackedEntityType> trackedEntityTypes,
            List<TrackedEntityAttribute> attributes, List<DataElement> dataElements, List<Program> programs,
            List<String> inaccessibleOrgUnits) {
    }

    private final Map<String, OrgUnit> orgUnits = new LinkedHashMap<>();
    private final Map<String, OptionSet> optionSets = new LinkedHashMap<>();
    private final Map<String, TrackedEntityType> trackedEntityTypes = new LinkedHashMap<>();
    private final Map<String, TrackedEntityAttribute> attributes = new LinkedHashMap<>();
    private final Map<String, DataElement> dataElements = new LinkedHashMap<>();
    private final Map<String, Program> programs = new LinkedHashMap<>();
    private final Set<String> inaccessibleOrgUnits = new HashSet<>();
    /** Program id + "/" + attribute id of the program attributes marked mandatory. */
    private final Set<String> mandatoryAttributes = new HashSet<>();

    public static Metadata empty() {
        return new Metadata();
    }

    public static Metadata defaults() {
        Metadata m = new Metadata();
        m.addOrgUnit(new OrgUnit("OuVerify001", "Verify Clinic", "VERIFY_CLINIC", null));
        m.addOptionSet(new OptionSet("OsSexOpts01", "Verify Sex", "TEXT", List.of(
                new Option("OptSexMale1", "MALE", "Male"), new Option("OptSexFeml1", "FEMALE", "Female"))));
        m.addOptionSet(new OptionSet("OsResult001", "Verify Test Result", "TEXT", List.of(
                new Option("OptResPos01", "POSITIVE", "Positive"), new Option("OptResNeg01", "NEGATIVE", "Negative"))));
        m.addTrackedEntityType(new TrackedEntityType("TetPerson01", "Person"));
        m.addAttribute(new TrackedEntityAttribute("TeaFirstNm1", "Verify First name", "FIRST_NAME", "TEXT", false, null));
        m.addAttribute(new TrackedEntityAttribute("TeaLastNme1", "Verify Last name", "LAST_NAME", "TEXT", false, null));
        m.addAttribute(new TrackedEntityAttribute("TeaSexAttr1", "Verify Sex", "SEX", "TEXT", false, "OsSexOpts01"));
        m.addAttribute(new TrackedEntityAttribute("TeaNatIdNo1", "Verify National ID", "NATIONAL_ID", "TEXT", true, null));
        m.addDataElement(new DataElement("DeNoteText1", "Verify Visit note", "VISIT_NOTE", "TEXT", null));
        m.addDataElement(new DataElement("DeWeightKg1", "Verify Weight kg", "WEIGHT_KG", "NUMBER", null));
        m.addDataElement(new DataElement("DeResultOs1", "Verify Test result", "TEST_RESULT", "TEXT", "OsResult001"));
        m.addProgram(new Program("PrgVerify01", "Verify Tracker Program", "TetPerson01", false, true,
                List.of("TeaFirstNm1", "TeaLastNme1", "TeaSexAttr1", "TeaNatIdNo1"),
                List.of(new ProgramStage("StgVisit001", "Verify Visit", true,
                        List.of("DeNoteText1", "DeWeightKg1", "DeResultOs1"))),
                List.of("OuVerify001")));
        m.setMandatory("PrgVerify01", "TeaFirstNm1", true).setMandatory("PrgVerify01", "TeaLastNme1", true);
        return m;
    }

    /** The multi-select data element of the tests: "Verify Symptoms", MULTI_TEXT, in the visit stage. */
    public static final String SYMPTOMS = "DeSymptoms1";

    /**
     * Adds {@link #SYMPTOMS}, a MULTI_TEXT data element with its MULTI_TEXT option set (COUGH, FEVER, RASH), to the
     * program's visit stage, as a DHIS2 configured for multi-select answers has it.
     */
    public synchronized Metadata addSymptomsToVisitStage() {
        addOptionSet(new OptionSet("OsSymptom01", "Verify Symptoms", "MULTI_TEXT", List.of(
                new Option("OptSymCough", "COUGH", "Cough"), new Option("OptSymFever", "FEVER", "Fever"),
                new Option("OptSymRash1", "RASH", "Rash"))));
        addDataElement(new DataElement(SYMPTOMS, "Verify Symptoms", "SYMPTOMS", "MULTI_TEXT", "OsSymptom01"));
        Program program = programs.get("PrgVerify01");
        List<ProgramStage> stages = new ArrayList<>();
        for (ProgramStage stage : program.stages()) {
            List<String> elements = new ArrayList<>(stage.dataElements());
            if (stage.id().equals("StgVisit001") && !elements.contains(SYMPTOMS)) {
                elements.add(SYMPTOMS);
            }
            stages.add(new ProgramStage(stage.id(), stage.name(), stage.repeatable(), elements));
        }
        return addProgram(new Program(program.id(), program.name(), program.trackedEntityType(),
                program.onlyEnrollOnce(), program.displayIncidentDate(), program.attributes(), stages,
                program.orgUnits()));
    }

    /** Marks a program attribute mandatory (shown in the program's metadata; imports do not enforce it). */
    public synchronized Metadata setMandatory(String program, String attribute, boolean mandatory) {
        if (mandatory) {
            mandatoryAttributes.add(program + "/" + attribute);
        } else {
            mandatoryAttributes.remove(program + "/" + attribute);
        }
        return this;
    }

    public synchronized boolean isMandatory(String program, String attribute) {
        return mandatoryAttributes.contains(program + "/" + attribute);
    }

    public synchronized Metadata addOrgUnit(OrgUnit ou) {
        orgUnits.put(ou.id(), ou);
        return this;
    }

    public synchronized Metadata addOptionSet(OptionSet os) {
        optionSets.put(os.id(), os);
        return this;
    }

    public synchronized Metadata addTrackedEntityType(TrackedEntityType t) {
        trackedEntityTypes.put(t.id(), t);
        return this;
    }

    public synchronized Metadata addAttribute(TrackedEntityAttribute a) {
        attributes.put(a.id(), a);
        return this;
    }

    public synchronized Metadata addDataElement(DataElement de) {
        dataElements.put(de.id(), de);
        return this;
    }

    /** Adds or replaces a program (with its stages). */
    public synchronized Metadata addProgram(Program p) {
        programs.put(p.id(), p);
        return this;
    }

    /** Sets the program's onlyEnrollOnce flag (DHIS2 then refuses a second enrollment with E1016). */
    public synchronized Metadata setOnlyEnrollOnce(String programId, boolean onlyEnrollOnce) {
        Program p = programs.get(programId);
        if (p == null) {
            throw new IllegalArgumentException("unknown program " + programId);
        }
        programs.put(programId, p.withOnlyEnrollOnce(onlyEnrollOnce));
        return this;
    }

    /** Takes the org unit out of (or back into) the user's capture and search scope. */
    public synchronized Metadata setOrgUnitAccessible(String orgUnitId, boolean accessible) {
        if (accessible) {
            inaccessibleOrgUnits.remove(orgUnitId);
        } else {
            inaccessibleOrgUnits.add(orgUnitId);
        }
        return this;
    }

    public synchronized boolean isAccessible(String orgUnitId) {
        return orgUnits.containsKey(orgUnitId) && !inaccessibleOrgUnits.contains(orgUnitId);
    }

    public synchronized Optional<OrgUnit> orgUnit(String id) {
        return Optional.ofNullable(id == null ? null : orgUnits.get(id));
    }

    public synchronized Optional<OptionSet> optionSet(String id) {
        return Optional.ofNullable(id == null ? null : optionSets.get(id));
    }

    public synchronized Optional<TrackedEntityType> trackedEntityType(String id) {
        return Optional.ofNullable(id == null ? null : trackedEntityTypes.get(id));
    }

    public synchronized Optional<TrackedEntityAttribute> attribute(String id) {
        return Optional.ofNullable(id == null ? null : attributes.get(id));
    }

    public synchronized Optional<DataElement> dataElement(String id) {
        return Optional.ofNullable(id == null ? null : dataElements.get(id));
    }

    public synchronized Optional<Program> program(String id) {
        return Optional.ofNullable(id == null ? null : programs.get(id));
    }

    public synchronized List<OrgUnit> orgUnits() {
        return new ArrayList<>(orgUnits.values());
    }

    public synchronized List<OptionSet> optionSets() {
        return new ArrayList<>(optionSets.values());
    }

    public synchronized List<TrackedEntityType> trackedEntityTypes() {
        return new ArrayList<>(trackedEntityTypes.values());
    }

    public synchronized List<TrackedEntityAttribute> attributes() {
        return new ArrayList<>(attributes.values());
    }

    public synchronized List<DataElement> dataElements() {
        return new ArrayList<>(dataElements.values());
    }

    public synchronized List<Program> programs() {
        return new ArrayList<>(programs.values());
    }

    /** The org unit and all org units below it. */
    public synchronized Set<String> withDescendants(Collection<String> roots) {
        Set<String> result = new HashSet<>(roots);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (OrgUnit ou : orgUnits.values()) {
                if (ou.parent() != null && result.contains(ou.parent()) && result.add(ou.id())) {
                    grew = true;
                }
            }
        }
        return result;
    }

    public synchronized Set<String> children(Collection<String> parents) {
        Set<String> result = new HashSet<>(parents);
        for (OrgUnit ou : orgUnits.values()) {
            if (ou.parent() != null && parents.contains(ou.parent())) {
                result.add(ou.id());
            }
        }
        return result;
    }

    public synchronized Set<String> accessibleOrgUnits() {
        Set<String> result = new HashSet<>(orgUnits.keySet());
        result.removeAll(inaccessibleOrgUnits);
        return result;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(orgUnits(), optionSets(), trackedEntityTypes(), attributes(), dataElements(), programs(),
                new ArrayList<>(inaccessibleOrgUnits));
    }

    synchronized void restore(Snapshot s) {
        orgUnits.clear();
        optionSets.clear();
        trackedEntityTypes.clear();
        attributes.clear();
        dataElements.clear();
        programs.clear();
        inaccessibleOrgUnits.clear();
        s.orgUnits().forEach(this::addOrgUnit);
        s.optionSets().forEach(this::addOptionSet);
        s.trackedEntityTypes().forEach(this::addTrackedEntityType);
        s.attributes().forEach(this::addAttribute);
        s.dataElements().forEach(this::addDataElement);
        s.programs().forEach(this::addProgram);
        inaccessibleOrgUnits.addAll(s.inaccessibleOrgUnits());
    }
}
