package org.openmrs.module.dhis2sync.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Date;
import java.util.function.Supplier;

/**
 * Turns a marker into the "changed since" a run asks OpenMRS with, so that no change is missed across a
 * daylight-saving fall-back.
 * <p>
 * OpenMRS stamps its changes ({@code date_created}, {@code date_changed}, {@code date_voided}) with the wall-clock
 * time of the server's zone, in {@code DATETIME} columns without zone; the module's markers are stored the same way
 * and the delta queries compare wall-clock times. Wall-clock time is not monotonic: when the zone falls back, an hour
 * repeats (in Europe/Berlin, 02:00–02:59 on the last Sunday of October comes twice). A change made after the marker
 * but in the repeated hour is then stamped earlier than the marker, and "changed after the marker" misses it for ever.
 * <p>
 * The rule: the wall-clock time asked with is the marker's, moved back by every backward transition of the zone that
 * lies between the marker and now. For every moment t after the marker m, wall(t) − wall(m) = (t − m) + offset(t) −
 * offset(m) ≥ −(the sum of the backward transitions between m and t), so nothing stamped after m is earlier than
 * that. A marker whose wall-clock time is itself ambiguous (written in the repeated hour) is read as the earlier of
 * its two moments, so the transition after it is counted. The price is re-reading at most the repeated hour once:
 * re-sending only updates DHIS2. Forward transitions (spring) lose no change and are left alone. In a zone without
 * daylight saving the marker is used as it is.
 * <p>
 * The zone is the JVM's (OpenMRS writes its dates with Java's clock and the JDBC driver turns them into wall-clock
 * time in the JVM's zone); tests give a fixed one.
 */
final class DeltaSince {

    private final Supplier<ZoneId> zone;

    DeltaSince(Supplier<ZoneId> zone) {
        this.zone = zone;
    }

    /**
     * @param marker the category's marker as read back from the database (null before the first finished run)
     * @param now    the run's start
     * @return the "changed since" to query with: a moment whose wall-clock time in the zone is the marker's moved
     *         back by the fall-backs since; null when the marker is null
     */
    Date since(Date marker, Date now) {
        if (marker == null) {
            return null;
        }
        ZoneId zoneId = zone.get();
        ZoneRules rules = zoneId.getRules();
        LocalDateTime wall = LocalDateTime.ofInstant(marker.toInstant(), zoneId);
        Instant earliest = ZonedDateTime.ofLocal(wall, zoneId, null).withEarlierOffsetAtOverlap().toInstant();
        Duration back = Duration.ZERO;
        for (ZoneOffsetTransition transition = rules.nextTransition(earliest);
                transition != null && !transition.getInstant().isAfter(now.toInstant());
                transition = rules.nextTransition(transition.getInstant())) {
            if (transition.isOverlap()) {
                back = back.plus(transition.getDuration().negated());
            }
        }
        if (back.isZero()) {
            return marker;
        }
        return Date.from(momentAt(wall.minus(back), zoneId));
    }

    /**
     * A moment whose wall-clock time in the zone is {@code wall}, or just before it: the earlier of two in an
     * overlap; in a gap (a wall-clock time that never happened), the second before the gap.
     */
    private static Instant momentAt(LocalDateTime wall, ZoneId zoneId) {
        ZoneRules rules = zoneId.getRules();
        if (rules.getValidOffsets(wall).isEmpty()) {
            return rules.getTransition(wall).getInstant().minusSeconds(1);
        }
        return ZonedDateTime.ofLocal(wall, zoneId, null).withEarlierOffsetAtOverlap().toInstant();
    }
}
