package org.openmrs.module.dhis2sync.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openmrs.module.dhis2sync.dhis2.AttributeValue;
import org.openmrs.module.dhis2sync.dhis2.DataValue;
import org.openmrs.module.dhis2sync.dhis2.Enrollment;
import org.openmrs.module.dhis2sync.dhis2.Event;
import org.openmrs.module.dhis2sync.dhis2.TrackedEntity;

/**
 * The fields on which what DHIS2 holds differs from what a sync would send, only those a sync sends (so that sending
 * again makes them equal): a tracked entity's attributes that OpenMRS has a value for; an enrollment's status,
 * enrollment and incident dates and org unit (not its completion date, which DHIS2 2.41's tracker API sets itself);
 * an event's date, org unit, status and every data element of its stage.
 */
final class Differences {

    private Differences() {
    }

    static List<FieldDifference> of(TrackedEntity wanted, TrackedEntity held, Map<String, String> names) {
        Map<String, String> values = new HashMap<>();
        for (AttributeValue value : held.getAttributes()) {
            values.put(value.getAttributeUid(), value.getValue());
        }
        List<FieldDifference> differences = new ArrayList<>();
        for (AttributeValue value : wanted.getAttributes()) {
            String heldValue = values.get(value.getAttributeUid());
            if (!SameValue.same(heldValue, value.getValue())) {
                differences.add(new FieldDifference(value.getAttributeUid(), names.get(value.getAttributeUid()),
                        SameValue.blankToNull(heldValue), SameValue.blankToNull(value.getValue())));
            }
        }
        return differences;
    }

    static List<FieldDifference> of(Enrollment wanted, Enrollment held) {
        List<FieldDifference> differences = new ArrayList<>();
        property(differences, "status", name(held.getStatus()), name(wanted.getStatus()));
        property(differences, "enrolledAt", date(held.getEnrolledAt()), date(wanted.getEnrolledAt()));
        property(differences, "occurredAt", date(held.getOccurredAt()), date(wanted.getOccurredAt()));
        property(differences, "orgUnit", held.getOrgUnit(), wanted.getOrgUnit());
        return differences;
    }

    static List<FieldDifference> of(Event wanted, Event held, Map<String, String> names) {
        List<FieldDifference> differences = new ArrayList<>();
        property(differences, "occurredAt", date(held.getOccurredAt()), date(wanted.getOccurredAt()));
        property(differences, "orgUnit", held.getOrgUnit(), wanted.getOrgUnit());
        property(differences, "status", name(held.getStatus()), name(wanted.getStatus()));
        Map<String, String> values = new HashMap<>();
        for (DataValue value : held.getDataValues()) {
            values.put(value.getDataElementUid(), value.getValue());
        }
        for (DataValue value : wanted.getDataValues()) {
            String heldValue = values.get(value.getDataElementUid());
            if (!SameValue.same(heldValue, value.getValue())) {
                differences.add(new FieldDifference(value.getDataElementUid(), names.get(value.getDataElementUid()),
                        SameValue.blankToNull(heldValue), SameValue.blankToNull(value.getValue())));
            }
        }
        return differences;
    }

    private static void property(List<FieldDifference> differences, String field, String held, String wanted) {
        if (!Objects.equals(held, wanted)) {
            differences.add(new FieldDifference(field, field, held, wanted));
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
