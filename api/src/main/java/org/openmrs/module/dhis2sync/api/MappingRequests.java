package org.openmrs.module.dhis2sync.api;

import java.util.ArrayList;
import java.util.List;

import org.openmrs.module.dhis2sync.mapping.Mapping;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.MappingImportReport;
import org.openmrs.module.dhis2sync.mapping.MappingRegistry;
import org.openmrs.module.dhis2sync.sync.RunRequest;

/**
 * The mappings as the service's requests name them: by uuid ({@link NotFoundException} for none), edited in the
 * current user's name, and turned into the {@link RunRequest} of a run (a retired mapping is not synced).
 */
public class MappingRequests {

    private final MappingRegistry mappings;
    private final CurrentUser currentUser;

    public MappingRequests(MappingRegistry mappings, CurrentUser currentUser) {
        this.mappings = mappings;
        this.currentUser = currentUser;
    }

    public List<Mapping> all(boolean includeRetired) {
        return mappings.all(includeRetired);
    }

    /** @throws NotFoundException when no mapping has that uuid */
    public Mapping find(String uuid) {
        Mapping mapping = mappings.find(uuid);
        if (mapping == null) {
            throw new NotFoundException("mapping", uuid);
        }
        return mapping;
    }

    public MappingConfig configOf(Mapping mapping) {
        return mappings.configOf(mapping);
    }

    public MappingConfig config(String uuid) {
        return mappings.configOf(find(uuid));
    }

    public Mapping create(MappingConfig config) {
        return mappings.create(config, currentUser.name());
    }

    public Mapping update(String uuid, MappingConfig config) {
        return mappings.update(find(uuid), config, currentUser.name());
    }

    public Mapping retire(String uuid) {
        return mappings.retire(find(uuid), currentUser.name());
    }

    /** The JSON of the mappings named, or of all unretired ones when none is named. */
    public String export(List<String> uuids) {
        List<Mapping> chosen = new ArrayList<>();
        if (uuids == null || uuids.isEmpty()) {
            chosen.addAll(mappings.all(false));
        } else {
            for (String uuid : uuids) {
                chosen.add(find(uuid));
            }
        }
        return mappings.export(chosen);
    }

    public MappingImportReport importAll(String json) {
        return mappings.importAll(json, currentUser.name());
    }

    /** A run of the mapping with that uuid, asked by the current user. */
    public RunRequest run(String mappingUuid, String comment) {
        return run(find(mappingUuid), comment);
    }

    /** @throws IllegalArgumentException when the mapping is retired */
    public RunRequest run(Mapping mapping, String comment) {
        if (mapping.isRetired()) {
            throw new IllegalArgumentException("mapping '" + mapping.getName() + "' is retired: it is not synced");
        }
        return new RunRequest(mapping.getUuid(), mappings.configOf(mapping), currentUser.name(), comment);
    }

    /** The owner a run started by hand is logged under. */
    public String manualOwner() {
        return "manual:" + currentUser.name();
    }

    /** @throws FieldException "comment" when there is none: a run started by hand says why */
    public static String requireComment(String comment) {
        if (comment == null || comment.trim().isEmpty()) {
            throw new FieldException("comment", "a comment is required to start a sync");
        }
        return comment.trim();
    }
}
