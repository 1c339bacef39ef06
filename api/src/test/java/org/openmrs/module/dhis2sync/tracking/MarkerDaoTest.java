package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabases;

class MarkerDaoTest {

    private static final TrackingDatabases DATABASES = new TrackingDatabases();

    @AfterAll
    static void dropDatabases() {
        DATABASES.close();
    }

    private static Marker marker(String mappingUuid, SyncCategory category, Date lastSynced) {
        Marker marker = new Marker();
        marker.setMappingUuid(mappingUuid);
        marker.setCategory(category);
        marker.setLastSyncedDate(lastSynced);
        return marker;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void keepsOneMarkerPerCategoryAndAdvancesIt(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        MarkerDao dao = db.markerDao();
        String mapping = UUID.randomUUID().toString();
        Date first = new Date(1_700_000_000_000L);
        Date later = new Date(1_700_000_600_000L);
        db.inTransaction(() -> dao.save(marker(mapping, SyncCategory.EVENT, first)));
        db.inTransaction(() -> dao.save(marker(mapping, SyncCategory.INSTANCE, first)));
        db.inTransaction(() -> dao.save(marker(UUID.randomUUID().toString(), SyncCategory.INSTANCE, first)));

        assertThat(db.inTransaction(() -> dao.find(mapping, SyncCategory.INSTANCE)).getLastSyncedDate())
                .hasSameTimeAs(first);
        assertThat(db.inTransaction(() -> dao.find(mapping, SyncCategory.ENROLLMENT))).isNull();

        db.inTransaction(() -> {
            Marker instance = dao.find(mapping, SyncCategory.INSTANCE);
            instance.setLastSyncedDate(later);
            return dao.save(instance);
        });

        assertThat(db.inTransaction(() -> dao.findByMapping(mapping)))
                .extracting(Marker::getCategory, m -> m.getLastSyncedDate().getTime())
                .containsExactlyInAnyOrder(
                        Tuple.tuple(SyncCategory.INSTANCE, later.getTime()),
                        Tuple.tuple(SyncCategory.EVENT, first.getTime()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void aSecondMarkerForTheCategoryIsADuplicate(TestDatabase.Kind kind) {
        TrackingDatabase db = DATABASES.get(kind);
        MarkerDao dao = db.markerDao();
        String mapping = UUID.randomUUID().toString();
        db.inTransaction(() -> dao.save(marker(mapping, SyncCategory.ENROLLMENT, new Date())));

        assertThatThrownBy(() -> db.inTransaction(() -> dao.save(marker(mapping, SyncCategory.ENROLLMENT, new Date()))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessage("dhis2sync_marker already has a row with mapping_uuid=" + mapping + ", category=ENROLLMENT");
    }
}
