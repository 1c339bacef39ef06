package org.openmrs.module.dhis2sync.api.openmrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.sync.ServerInstance;

class OpenmrsServerNameTest {

    @Test
    void namesTheServerByItsHostAndDataDirectory() {
        OpenmrsServerName name = new OpenmrsServerName(() -> "bahmni-openmrs", () -> "/openmrs/data/");

        assertThat(name.get()).isEqualTo("bahmni-openmrs:/openmrs/data/");
        assertThat(name.instance().getServerName()).isEqualTo("bahmni-openmrs:/openmrs/data/");
    }

    @Test
    void twoStartsOfOneServerShareItsNameNotTheirInstance() {
        OpenmrsServerName name = new OpenmrsServerName(() -> "bahmni-openmrs", () -> "/openmrs/data/");

        ServerInstance first = name.instance();
        ServerInstance second = name.instance();

        assertThat(second.getServerName()).isEqualTo(first.getServerName());
        assertThat(second.getInstanceId()).isNotEqualTo(first.getInstanceId());
    }

    @Test
    void withoutADataDirectoryTheHostNamesTheServer() {
        OpenmrsServerName name = new OpenmrsServerName(() -> "bahmni-openmrs", () -> {
            throw new IllegalStateException("no runtime properties");
        });

        assertThat(name.get()).isEqualTo("bahmni-openmrs");
    }

    @Test
    void withoutAHostNameTheServerIsUnnamedAndFreesNoOtherLock() {
        OpenmrsServerName name = new OpenmrsServerName(() -> null, () -> "/openmrs/data/");

        assertThat(name.get()).isNull();
        ServerInstance first = name.instance();
        ServerInstance second = name.instance();
        assertThat(first.getServerName()).startsWith("unnamed server ").isNotEqualTo(second.getServerName());
    }
}
