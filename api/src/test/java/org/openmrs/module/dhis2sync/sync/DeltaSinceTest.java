package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The "changed since" of a marker across daylight-saving changes: nothing stamped (in wall-clock time of the zone)
 * after the marker may be older than it, on fixed cases of Europe/Berlin and America/Sao_Paulo (which had daylight
 * saving until 2019), and as a property over random markers around the transitions of many zones, the marker read
 * back from a DATETIME column either way when its wall-clock time is ambiguous.
 */
class DeltaSinceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    /** Zones with daylight saving of one hour, half an hour (Lord Howe), in both hemispheres, and historic ones. */
    private static final List<ZoneId> ZONES = List.of(BERLIN, SAO_PAULO, ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Sydney"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Chatham"),
            ZoneId.of("America/Santiago"), ZoneId.of("Africa/Casablanca"), ZoneId.of("Asia/Tehran"),
            ZoneId.of("Europe/London"));

    @ParameterizedTest(name = "{0}: marker {1} ({2}), now {3} ({4}) -> since {5}")
    @CsvSource({
        // Berlin falls back on 2025-10-26 at 03:00 CEST to 02:00 CET: 02:00-02:59 comes twice
        "Europe/Berlin,     2025-10-26T02:49, +02:00, 2025-10-26T02:30, +01:00, 2025-10-26T01:49",
        "Europe/Berlin,     2025-10-25T12:00, +02:00, 2025-10-27T12:00, +01:00, 2025-10-25T11:00",
        // a marker in the repeated hour: read back from DATETIME, 02:10 CET cannot be told from 02:10 CEST, so it
        // is taken as the earlier and moves back, whichever pass it was written in
        "Europe/Berlin,     2025-10-26T02:10, +01:00, 2025-10-26T05:00, +01:00, 2025-10-26T01:10",
        "Europe/Berlin,     2025-10-26T02:10, +02:00, 2025-10-26T05:00, +01:00, 2025-10-26T01:10",
        // spring forward (2025-03-30 02:00 -> 03:00) misses nothing: the marker is kept
        "Europe/Berlin,     2025-03-30T01:30, +01:00, 2025-03-30T04:00, +02:00, 2025-03-30T01:30",
        // no transition between marker and now
        "Europe/Berlin,     2025-07-01T10:00, +02:00, 2025-07-01T11:00, +02:00, 2025-07-01T10:00",
        // Sao Paulo's last fall-back: 2019-02-17 00:00 -02 to 2019-02-16 23:00 -03
        "America/Sao_Paulo, 2019-02-16T23:40, -02:00, 2019-02-16T23:20, -03:00, 2019-02-16T22:40",
        "America/Sao_Paulo, 2019-02-10T08:00, -02:00, 2019-03-01T08:00, -03:00, 2019-02-10T07:00",
        // two fall-backs between a marker and now (a mapping not run for a year): back by both
        "Europe/Berlin,     2024-10-01T12:00, +02:00, 2025-10-27T12:00, +01:00, 2024-10-01T10:00",
        // a zone without daylight saving
        "Asia/Kolkata,      2025-10-26T02:49, +05:30, 2025-10-27T02:30, +05:30, 2025-10-26T02:49",
    })
    void theMarkerMovesBackByTheFallBacksSinceIt(String zone, LocalDateTime marker, ZoneOffset markerOffset,
            LocalDateTime now, ZoneOffset nowOffset, LocalDateTime since) {
        ZoneId zoneId = ZoneId.of(zone);
        Date result = new DeltaSince(() -> zoneId).since(Date.from(marker.atOffset(markerOffset).toInstant()),
                Date.from(now.atOffset(nowOffset).toInstant()));

        assertThat(LocalDateTime.ofInstant(result.toInstant(), zoneId)).isEqualTo(since);
    }

    @Test
    void noMarkerMeansEverything() {
        assertThat(new DeltaSince(() -> BERLIN).since(null, new Date())).isNull();
    }

    @Test
    void aChangeStampedInTheRepeatedHourAfterTheMarkerIsNotOlderThanTheSince() {
        // the run before: its marker 02:49 CEST, the first pass of the repeated hour
        Instant marker = LocalDateTime.of(2025, 10, 26, 2, 49).atOffset(ZoneOffset.ofHours(2)).toInstant();
        // a nurse saves a form at 02:10 CET, the second pass, forty minutes of real time after the marker
        Instant change = LocalDateTime.of(2025, 10, 26, 2, 10).atOffset(ZoneOffset.ofHours(1)).toInstant();
        LocalDateTime stamped = LocalDateTime.ofInstant(change, BERLIN);

        Date since = new DeltaSince(() -> BERLIN).since(Date.from(marker), Date.from(change.plusSeconds(600)));

        assertThat(stamped).as("without the rule the change looks older than the marker")
                .isBefore(LocalDateTime.ofInstant(marker, BERLIN));
        assertThat(stamped).isAfter(LocalDateTime.ofInstant(since.toInstant(), BERLIN));
    }

    /**
     * For random markers near (or far from) the transitions of many zones, read back either way when ambiguous, and
     * random "now" up to 400 days later: every moment between marker and now — sampled at random, at every
     * transition and just after it — has a wall-clock time after the since's (nothing is missed), and the since is at
     * most the repeated hours before the marker (only they are read again).
     */
    @Test
    void nothingStampedAfterTheMarkerIsOlderThanTheSinceInAnyZone() {
        long seed = Long.getLong("dhis2sync.dst.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < 3_000; i++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            Instant marker = randomMarker(random, zone);
            Instant now = marker.plus(Duration.ofMinutes(random.nextInt(random.nextBoolean() ? 300 : 400 * 1440)));
            // the DATETIME column keeps the wall-clock time only: reading it back picks one of its moments
            LocalDateTime stored = LocalDateTime.ofInstant(marker, zone).truncatedTo(ChronoUnit.SECONDS);
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(stored);
            Instant readBack = stored.toInstant(offsets.get(random.nextInt(offsets.size())));
            String context = "seed " + seed + ", case " + i + ": zone " + zone + ", marker " + marker + " (read back "
                    + readBack + "), now " + now;

            Date since = new DeltaSince(() -> zone).since(Date.from(readBack), Date.from(now));

            LocalDateTime sinceWall = LocalDateTime.ofInstant(since.toInstant(), zone);
            int fallBacks = 0;
            for (Instant moment : moments(random, zone, marker, now)) {
                assertThat(LocalDateTime.ofInstant(moment, zone)).as(context + ", moment " + moment)
                        .isAfterOrEqualTo(sinceWall);
            }
            for (ZoneOffsetTransition t = zone.getRules().nextTransition(marker.minus(Duration.ofHours(3)));
                    t != null && !t.getInstant().isAfter(now); t = zone.getRules().nextTransition(t.getInstant())) {
                if (t.isOverlap()) {
                    fallBacks++;
                }
            }
            // measured in moments: a since in a spring gap stands for the moment before the gap
            Instant earliestStored = stored.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
            assertThat(since.toInstant()).as(context + ": read again at most the repeated hours")
                    .isAfterOrEqualTo(earliestStored.minus(Duration.ofHours(fallBacks)).minusSeconds(1));
        }
    }

    /** Within three hours of one of the zone's transitions between 2015 and 2030, or anywhere in those years. */
    private static Instant randomMarker(Random random, ZoneId zone) {
        Instant from = Instant.parse("2015-01-01T00:00:00Z");
        Instant anywhere = from.plusSeconds((long) (random.nextDouble() * 15 * 365 * 86_400L));
        if (random.nextInt(4) == 0) {
            return anywhere;
        }
        ZoneOffsetTransition transition = zone.getRules().nextTransition(anywhere);
        if (transition == null) {
            return anywhere;
        }
        return transition.getInstant().plusSeconds(random.nextInt(6 * 3600) - 3 * 3600);
    }

    /** The marker, now, random moments between, every transition between and the moment after it. */
    private static List<Instant> moments(Random random, ZoneId zone, Instant marker, Instant now) {
        List<Instant> moments = new ArrayList<>(List.of(marker, now));
        long span = Duration.between(marker, now).getSeconds();
        for (int i = 0; i < 50 && span > 0; i++) {
            moments.add(marker.plusSeconds((long) (random.nextDouble() * span)));
        }
        for (ZoneOffsetTransition t = zone.getRules().nextTransition(marker);
                t != null && !t.getInstant().isAfter(now); t = zone.getRules().nextTransition(t.getInstant())) {
            moments.add(t.getInstant());
            moments.add(t.getInstant().minusMillis(1));
        }
        return moments;
    }
}
