package org.openmrs.module.dhis2sync.sync.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Issue 13's randomized convergence test: random clinic histories (registrations, edits, enrollments, visits and
 * obs, see {@link Op}), interleaved with sync runs that DHIS2 partly refuses, that die midway or meet a DHIS2 outage;
 * after every run that ends SUCCESS, DHIS2 equals the test's own projection of OpenMRS ({@link Oracle}).
 *
 * <p>{@code -Dconvergence.seeds=N} (200 by default; the {@code convergence} Maven profile runs 10,000),
 * {@code -Dconvergence.firstSeed=S}; a failure prints its seed and the shortest history found that still fails,
 * replayed by {@code -Dconvergence.seed=S -Dconvergence.history=OP:n,OP:n,...}; {@code -Dconvergence.ops=OP,...}
 * switches gated operations on for a trial, {@code -Dconvergence.weights=OP:n,...} makes some more frequent.
 */
class ConvergenceTest {

    private static final int SHRINK_TRIALS = Integer.getInteger("convergence.shrinkTrials", 400);
    /** Failing seeds collected before the test stops looking (the first one is shrunk). */
    private static final int MAX_FAILURES = Integer.getInteger("convergence.maxFailures", 3);

    @Test
    void randomClinicHistoriesConvergeAfterEverySuccessfulRun() {
        String history = System.getProperty("convergence.history");
        if (history != null) {
            long seed = Long.getLong("convergence.seed", 1L);
            Trial.Result result = Trial.run(seed, History.parse(history));
            assertThat(result.failed()).as(() -> report(seed, History.parse(history), result, null)).isFalse();
            return;
        }
        int seeds = Integer.getInteger("convergence.seeds", 200);
        long first = Long.getLong("convergence.firstSeed", Long.getLong("convergence.seed", 1L));
        long started = System.nanoTime();
        List<Long> failing = new ArrayList<>();
        int runs = 0;
        int checked = 0;
        int steps = 0;
        String firstReport = null;
        for (long seed = first; seed < first + seeds && failing.size() < MAX_FAILURES; seed++) {
            List<Step> generated = History.generate(seed);
            Trial.Result result = Trial.run(seed, generated);
            runs += result.runs();
            checked += result.checked();
            steps += generated.size();
            if (result.failed()) {
                failing.add(seed);
                if (firstReport == null) {
                    firstReport = shrinkAndReport(seed, generated, result);
                }
            }
        }
        System.out.printf("convergence: %d seeds from %d, %d steps, %d runs, %d successful runs checked against the "
                + "oracle, %d s (starting installations %d s, in runs %d s); operations generated: %s; gated: %s%n", seeds, first, steps, runs, checked,
                (System.nanoTime() - started) / 1_000_000_000L, Trial.SETUP_NANOS.get() / 1_000_000_000L,
                Trial.RUN_NANOS.get() / 1_000_000_000L,
                Arrays.stream(Op.values()).filter(Op::generated).map(Op::name).collect(Collectors.joining(",")),
                Arrays.stream(Op.values()).filter(op -> !op.generated()).map(Op::name).collect(Collectors.joining(",")));
        String report = firstReport;
        assertThat(failing).as(() -> "failing seeds " + failing + "\n" + report).isEmpty();
    }

    private static String shrinkAndReport(long seed, List<Step> generated, Trial.Result result) {
        List<Step> shortest = new Shrinker(steps -> Trial.run(seed, steps).failed(), SHRINK_TRIALS).shrink(generated);
        Trial.Result shortResult = Trial.run(seed, shortest);
        return report(seed, generated, result, shortResult.failed() ? new Object[] {shortest, shortResult} : null);
    }

    @SuppressWarnings("unchecked")
    private static String report(long seed, List<Step> generated, Trial.Result result, Object[] shortest) {
        StringBuilder text = new StringBuilder();
        text.append("seed ").append(seed).append(" (").append(Trial.setupOf(seed)).append(", batch size ")
                .append(Trial.batchSizeOf(seed)).append("), ").append(generated.size()).append(" steps: ")
                .append(result.failure()).append('\n');
        if (shortest != null) {
            List<Step> steps = (List<Step>) shortest[0];
            Trial.Result shortResult = (Trial.Result) shortest[1];
            text.append("shortest history found (").append(steps.size()).append(" steps), replay with -Dconvergence.seed=")
                    .append(seed).append(" -Dconvergence.history=").append(History.print(steps)).append('\n');
            shortResult.trace().forEach(line -> text.append("  ").append(line).append('\n'));
            text.append(shortResult.failure()).append('\n');
        } else {
            result.trace().forEach(line -> text.append("  ").append(line).append('\n'));
        }
        return text.toString();
    }
}
