package org.openmrs.module.dhis2sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;
import org.openmrs.module.dhis2sync.tracking.DuplicateRecordException;

class MappingDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static Mapping mapping(String name) {
        Mapping mapping = new Mapping();
        mapping.setName(name);
        mapping.setConfig("{\"name\":\"" + name + "\"}");
        mapping.setOpenmrsProgramUuid(UUID.randomUUID().toString());
        mapping.setDhis2ProgramUid("PrgVerify01");
        mapping.setCreatedBy("admin");
        return mapping;
    }

    private static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void savesAndFindsByUuidAndName(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        MappingDao dao = db.mappingDao();
        Mapping mapping = mapping(uniqueName("HTS"));
        // a real config is tens of KB; past TEXT's 64 KiB the column must be LONGTEXT
        String config = "{\"padding\":\"" + String.join("", Collections.nCopies(70_000, "x")) + "\"}";
        mapping.setConfig(config);
        Mapping saved = db.inTransaction(() -> dao.save(mapping));
        assertThat(saved.getId()).isNotNull();
        assertThat(saved.getUuid()).hasSize(36);
        assertThat(saved.getDateCreated()).isNotNull();

        Mapping byUuid = db.inTransaction(() -> dao.findByUuid(saved.getUuid()));
        assertThat(byUuid.getName()).isEqualTo(mapping.getName());
        assertThat(byUuid.getConfig()).isEqualTo(config);
        assertThat(byUuid.getOpenmrsProgramUuid()).isEqualTo(mapping.getOpenmrsProgramUuid());
        assertThat(byUuid.getDhis2ProgramUid()).isEqualTo("PrgVerify01");
        assertThat(byUuid.getCreatedBy()).isEqualTo("admin");
        assertThat(byUuid.isRetired()).isFalse();
        assertThat(db.inTransaction(() -> dao.findByName(mapping.getName())).getUuid()).isEqualTo(saved.getUuid());
        assertThat(db.inTransaction(() -> dao.findByUuid(UUID.randomUUID().toString()))).isNull();
        assertThat(db.inTransaction(() -> dao.findByName("no such mapping"))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void updatesAndRetires(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        MappingDao dao = db.mappingDao();
        String name = uniqueName("ANC");
        String uuid = db.inTransaction(() -> dao.save(mapping(name))).getUuid();

        db.inTransaction(() -> {
            Mapping loaded = dao.findByUuid(uuid);
            loaded.setRetired(true);
            loaded.setChangedBy("manager");
            loaded.setDateChanged(new java.util.Date());
            return dao.save(loaded);
        });

        Mapping retired = db.inTransaction(() -> dao.findByUuid(uuid));
        assertThat(retired.isRetired()).isTrue();
        assertThat(retired.getChangedBy()).isEqualTo("manager");
        assertThat(db.inTransaction(() -> dao.findAll(false))).extracting(Mapping::getUuid).doesNotContain(uuid);
        assertThat(db.inTransaction(() -> dao.findAll(true))).extracting(Mapping::getUuid).contains(uuid);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void listsByName(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        MappingDao dao = db.mappingDao();
        String prefix = "List " + UUID.randomUUID().toString().substring(0, 8);
        db.inTransaction(() -> {
            dao.save(mapping(prefix + " c"));
            dao.save(mapping(prefix + " a"));
            dao.save(mapping(prefix + " b"));
            return null;
        });

        assertThat(db.inTransaction(() -> dao.findAll(false))).extracting(Mapping::getName)
                .filteredOn(n -> n.startsWith(prefix))
                .containsExactly(prefix + " a", prefix + " b", prefix + " c");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void refusesATakenNameOrUuidBeforeWriting(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        MappingDao dao = db.mappingDao();
        String name = uniqueName("TB");
        Mapping first = db.inTransaction(() -> dao.save(mapping(name)));

        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(mapping(name.toUpperCase()))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_mapping already has a row with name=" + name.toUpperCase());
        Mapping sameUuid = mapping(uniqueName("TB"));
        sameUuid.setUuid(first.getUuid());
        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(sameUuid)))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_mapping already has a row with uuid=" + first.getUuid());

        // renaming a mapping onto another's name, within one transaction
        Mapping second = db.inTransaction(() -> dao.save(mapping(uniqueName("TB"))));
        assertThatThrownBy(() -> db.inTransaction(() -> {
            Mapping loaded = dao.findByUuid(second.getUuid());
            loaded.setName(name);
            return dao.save(loaded);
        })).isInstanceOf(DuplicateRecordException.class).hasMessageEndingWith("name=" + name);
        // saving a mapping unchanged is not a clash with itself
        db.inTransaction(() -> dao.save(dao.findByUuid(first.getUuid())));
        assertThat(db.inTransaction(() -> dao.findByUuid(second.getUuid())).getName()).isEqualTo(second.getName());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void refusesMissingOrOverlongFieldsByName(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        Mapping noConfig = mapping(uniqueName("X"));
        noConfig.setConfig(null);
        Mapping longName = mapping(String.join("", Collections.nCopies(101, "n")));

        assertThatThrownBy(() -> db.inTransaction(() -> db.mappingDao().save(noConfig)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("config is required");
        assertThatThrownBy(() -> db.inTransaction(() -> db.mappingDao().save(longName)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name must be at most 100 characters, was 101");
    }
}
