package org.openmrs.module.dhis2sync.dhis2;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * DHIS2's metadata for the mapping editor's pickers, each read with a client of its own for the settings as they
 * are now (the client is closed after the read).
 */
public class Dhis2Pickers {

    private final Supplier<Dhis2Client> clients;

    /** @param clients a new client for each read; the read closes it */
    public Dhis2Pickers(Supplier<Dhis2Client> clients) {
        this.clients = clients;
    }

    public Page<ProgramInfo> programs(PageRequest page) {
        return read(client -> client.programs(page));
    }

    public ProgramInfo program(String uid) {
        return read(client -> client.program(uid));
    }

    public Page<AttributeInfo> attributes(String nameQuery, PageRequest page) {
        return read(client -> client.trackedEntityAttributes(nameQuery, page));
    }

    public Page<DataElementInfo> dataElements(String nameQuery, PageRequest page) {
        return read(client -> client.dataElements(nameQuery, page));
    }

    public Page<OptionSetInfo> optionSets(String nameQuery, PageRequest page) {
        return read(client -> client.optionSets(nameQuery, page));
    }

    public Page<OrgUnitInfo> orgUnits(String nameQuery, PageRequest page) {
        return read(client -> client.orgUnits(nameQuery, page));
    }

    /** Any read of DHIS2, with a client opened for it and closed after it. */
    public <T> T read(Function<Dhis2Client, T> read) {
        try (Dhis2Client client = clients.get()) {
            return read.apply(client);
        }
    }
}
