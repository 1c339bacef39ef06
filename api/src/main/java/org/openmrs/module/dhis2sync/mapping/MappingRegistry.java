package org.openmrs.module.dhis2sync.mapping;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The mappings as an administrator manages them: every config is validated (errors name their field) before it is
 * stored as JSON, names are unique, an import never overwrites a mapping with the same name. Runs in the caller's
 * transaction.
 */
public class MappingRegistry {

    private final MappingDao dao;
    private final MappingJson json;
    private final MappingValidator validator;

    public MappingRegistry(MappingDao dao, MappingJson json, MappingValidator validator) {
        this.dao = dao;
        this.json = json;
        this.validator = validator;
    }

    public List<Mapping> all(boolean includeRetired) {
        return dao.findAll(includeRetired);
    }

    /** @return the mapping, or null */
    public Mapping find(String uuid) {
        return dao.findByUuid(uuid);
    }

    public MappingConfig configOf(Mapping mapping) {
        return json.read(mapping.getConfig());
    }

    /**
     * @throws MappingValidationException naming every invalid field
     * @throws MappingNameTakenException when the name is another mapping's
     */
    public Mapping create(MappingConfig config, String user) {
        validator.check(config);
        if (dao.findByName(config.getName()) != null) {
            throw new MappingNameTakenException(config.getName());
        }
        Mapping mapping = new Mapping();
        mapping.setCreatedBy(user);
        mapping.setDateCreated(new Date());
        return store(mapping, config);
    }

    /** Replaces the config of an existing mapping (its uuid, trackers and markers stay). */
    public Mapping update(Mapping mapping, MappingConfig config, String user) {
        validator.check(config);
        Mapping sameName = dao.findByName(config.getName());
        if (sameName != null && !sameName.getUuid().equals(mapping.getUuid())) {
            throw new MappingNameTakenException(config.getName());
        }
        mapping.setChangedBy(user);
        mapping.setDateChanged(new Date());
        return store(mapping, config);
    }

    /** A retired mapping is not synced any more; its trackers and logs are kept. */
    public Mapping retire(Mapping mapping, String user) {
        mapping.setRetired(true);
        mapping.setChangedBy(user);
        mapping.setDateChanged(new Date());
        return dao.save(mapping);
    }

    /** The configs of the mappings as one JSON document ({@code {"mappings":[...]}}). */
    public String export(List<Mapping> mappings) {
        List<MappingConfig> configs = new ArrayList<>();
        for (Mapping mapping : mappings) {
            configs.add(configOf(mapping));
        }
        return json.writeAll(configs);
    }

    /**
     * Creates the mappings of a JSON document (one mapping or {@code {"mappings":[...]}}); a name that exists is
     * reported and left alone. Nothing is stored when any mapping of the document is invalid.
     *
     * @throws MappingValidationException for malformed JSON or an invalid mapping, naming the field
     */
    public MappingImportReport importAll(String document, String user) {
        List<MappingConfig> configs = json.readAll(document);
        List<String> imported = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (MappingConfig config : configs) {
            if (dao.findByName(config.getName()) != null) {
                conflicts.add(config.getName());
            } else {
                create(config, user);
                imported.add(config.getName());
            }
        }
        return new MappingImportReport(imported, conflicts);
    }

    private Mapping store(Mapping mapping, MappingConfig config) {
        mapping.setName(config.getName());
        mapping.setConfig(json.write(config));
        mapping.setOpenmrsProgramUuid(config.getOpenmrsProgramUuid());
        mapping.setDhis2ProgramUid(config.getDhis2ProgramUid());
        return dao.save(mapping);
    }
}
