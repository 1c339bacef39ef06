package org.openmrs.module.dhis2sync.sync.convergence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Random histories of a clinic: the generated operations (see {@link Op}) by weight, sync runs among them. */
final class History {

    /** Steps per history, before the healing runs that end each one. */
    static final int MIN_STEPS = Integer.getInteger("convergence.minSteps", 12);
    static final int MAX_STEPS = Integer.getInteger("convergence.maxSteps", 26);

    private History() {
    }

    static List<Step> generate(long seed) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L);
        List<Op> ops = Arrays.stream(Op.values()).filter(Op::generated).collect(Collectors.toList());
        int total = ops.stream().mapToInt(Op::weight).sum();
        int length = MIN_STEPS + random.nextInt(MAX_STEPS - MIN_STEPS + 1);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int ticket = random.nextInt(total);
            Op chosen = null;
            for (Op op : ops) {
                ticket -= op.weight();
                if (ticket < 0) {
                    chosen = op;
                    break;
                }
            }
            steps.add(new Step(chosen, random.nextInt(1_000_000)));
        }
        return steps;
    }

    /** A history as printed in a failure, e.g. {@code REGISTER:12,SYNC:7}. */
    static List<Step> parse(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Step::parse)
                .collect(Collectors.toList());
    }

    static String print(List<Step> steps) {
        return steps.stream().map(Step::toString).collect(Collectors.joining(","));
    }
}
