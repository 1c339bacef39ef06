package org.openmrs.module.dhis2sync.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.openmrs.module.dhis2sync.dhis2.AttributeFilter;
import org.openmrs.module.dhis2sync.dhis2.DataValue;
import org.openmrs.module.dhis2sync.dhis2.Dhis2Client;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.EnrollmentStatus;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.EventStatus;
import org.openmrs.module.dhis2sync.dhis2.ImportMode;
import org.openmrs.module.dhis2sync.dhis2.ImportResult;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntityQuery;
import org.openmrs.module.dhis2sync.dhis2.Uid;
import org.openmrs.module.dhis2sync.mapping.Converted;
import org.openmrs.module.dhis2sync.mapping.DataElementMapping;
import org.openmrs.module.dhis2sync.mapping.DataValueConverter;
import org.openmrs.module.dhis2sync.mapping.MappingConfig;
import org.openmrs.module.dhis2sync.mapping.AttributeValues;
import org.openmrs.module.dhis2sync.mapping.StageMapping;
import org.openmrs.module.dhis2sync.source.EncounterRecord;
import org.openmrs.module.dhis2sync.source.EnrollmentRecord;
import org.openmrs.module.dhis2sync.source.ObsValue;
import org.openmrs.module.dhis2sync.source.PatientRecord;

/**
 * The way the older integrations send the same data, for the benchmark's comparison: for each patient one search by
 * its national id (an EQ filter), then one import request per tracked entity, per enrollment and per event, through
 * the same client. It keeps no trackers (those integrations search DHIS2 every time instead).
 */
final class PerRecordSync {

    private final Dhis2Client client;
    private final MappingConfig mapping = BenchMapping.mapping();
    private final DataValueConverter converter = new DataValueConverter();

    PerRecordSync(Dhis2Client client) {
        this.client = client;
    }

    /** Sends patients 1..{@code patients} of the source, one request per object. */
    void sync(SyntheticClinicalSource source, int patients) {
        StageMapping stage = mapping.getEvents().get(0);
        for (int id = 1; id <= patients; id++) {
            PatientRecord patient = source.patient(id);
            List<TrackedEntity> found = client.findTrackedEntities(TrackedEntityQuery
                    .ofTrackedEntityType(mapping.getTrackedEntityTypeUid())
                    .withFilters(AttributeFilter.eq(BenchMapping.NATIONAL_ID_ATTRIBUTE, SyntheticClinicalSource.nationalId(id))));
            String te = found.size() == 1 ? found.get(0).getUid() : Uid.generate();
            check(client.importTrackedEntities(Collections.singletonList(new TrackedEntity(te,
                    mapping.getTrackedEntityTypeUid(), BenchMapping.ORG_UNIT,
                    AttributeValues.of(mapping.getInstance(), patient), Collections.emptyList())), ImportMode.COMMIT));

            EnrollmentRecord record = source.enrollment(id);
            String enrollment = Uid.generate();
            EnrollmentStatus status = record.isCompleted() ? EnrollmentStatus.COMPLETED : EnrollmentStatus.ACTIVE;
            check(client.importEnrollments(Collections.singletonList(new Enrollment(enrollment, te,
                    mapping.getDhis2ProgramUid(), BenchMapping.ORG_UNIT, status, record.getDateEnrolled(),
                    record.getDateEnrolled(), record.getDateCompleted(), Collections.emptyList())), ImportMode.COMMIT));

            for (int k = 1; k <= SyntheticClinicalSource.ENCOUNTERS_PER_PATIENT; k++) {
                EncounterRecord encounter = source.encounter((id - 1) * SyntheticClinicalSource.ENCOUNTERS_PER_PATIENT + k);
                check(client.importEvents(Collections.singletonList(new Event(Uid.generate(), enrollment, te,
                        mapping.getDhis2ProgramUid(), stage.getProgramStageUid(), BenchMapping.ORG_UNIT,
                        EventStatus.COMPLETED, encounter.getEncounterDatetime().toLocalDate(),
                        dataValues(stage, encounter))), ImportMode.COMMIT));
            }
        }
    }

    private List<DataValue> dataValues(StageMapping stage, EncounterRecord encounter) {
        List<DataValue> values = new ArrayList<>();
        for (ObsValue obs : stage.obsFor(encounter)) {
            for (DataElementMapping element : stage.dataElementsFor(obs.getConceptUuid())) {
                Converted converted = converter.convert(element, obs);
                if (converted.isValue()) {
                    values.add(new DataValue(element.getDataElementUid(), converted.getValue()));
                }
            }
        }
        return values;
    }

    private static void check(ImportResult result) {
        if (result.hasErrors()) {
            throw new IllegalStateException("DHIS2 refused a record of the per-record sync: " + result.errors());
        }
    }
}
