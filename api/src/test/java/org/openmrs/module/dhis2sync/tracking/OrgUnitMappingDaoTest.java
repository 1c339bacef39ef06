package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;

class OrgUnitMappingDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static OrgUnitMapping mapping(String locationUuid, String orgUnitUid) {
        OrgUnitMapping mapping = new OrgUnitMapping();
        mapping.setLocationUuid(locationUuid);
        mapping.setOrgUnitUid(orgUnitUid);
        return mapping;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void savesFindsChangesAndDeletes(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        OrgUnitMappingDao dao = db.orgUnitMappingDao();
        String location = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(mapping(location, "OrgUnitA001")));

        OrgUnitMapping found = db.inTransaction(() -> dao.findByLocationUuid(location));
        assertThat(found.getOrgUnitUid()).isEqualTo("OrgUnitA001");
        assertThat(found.getDateCreated()).isNotNull();
        assertThat(db.inTransaction(dao::findAll)).extracting(OrgUnitMapping::getLocationUuid).contains(location);

        db.inTransaction(() -> {
            OrgUnitMapping loaded = dao.findByLocationUuid(location);
            loaded.setOrgUnitUid("OrgUnitB001");
            return dao.save(loaded);
        });
        OrgUnitMapping changed = db.inTransaction(() -> dao.findByLocationUuid(location));
        assertThat(changed.getOrgUnitUid()).isEqualTo("OrgUnitB001");
        assertThat(changed.getDateChanged()).isNotNull();

        db.inTransaction(() -> {
            dao.delete(dao.findByLocationUuid(location));
            return null;
        });
        assertThat(db.inTransaction(() -> dao.findByLocationUuid(location))).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aLocationMapsToOneOrgUnit(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        OrgUnitMappingDao dao = db.orgUnitMappingDao();
        String location = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(mapping(location, "OrgUnitA001")));

        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(mapping(location, "OrgUnitB001"))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_org_unit_mapping already has a row with location_uuid=" + location);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void refusesAMissingOrgUnitByName(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);

        assertThatThrownBy(() -> db.inTransaction(
                () -> db.orgUnitMappingDao().save(mapping(UUID.randomUUID().toString(), " "))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("orgUnitUid is required");
    }
}
