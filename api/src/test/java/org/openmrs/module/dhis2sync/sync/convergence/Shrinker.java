package org.openmrs.module.dhis2sync.sync.convergence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin) over the steps of a failing history: the shortest sub-list it finds that still
 * fails, 1-minimal (removing any single step makes it pass) unless the budget of trials runs out first.
 */
final class Shrinker {

    private final Predicate<List<Step>> fails;
    private int trialsLeft;

    Shrinker(Predicate<List<Step>> fails, int maxTrials) {
        this.fails = fails;
        this.trialsLeft = maxTrials;
    }

    List<Step> shrink(List<Step> failing) {
        List<Step> steps = new ArrayList<>(failing);
        int n = 2;
        while (steps.size() >= 2 && trialsLeft > 0) {
            List<List<Step>> chunks = split(steps, n);
            boolean reduced = false;
            for (List<Step> chunk : chunks) {
                if (test(chunk)) {
                    steps = chunk;
                    n = 2;
                    reduced = true;
                    break;
                }
            }
            if (!reduced && n > 2) {
                for (List<Step> chunk : chunks) {
                    List<Step> complement = new ArrayList<>(steps);
                    complement.removeAll(chunk);
                    if (test(complement)) {
                        steps = complement;
                        n = Math.max(n - 1, 2);
                        reduced = true;
                        break;
                    }
                }
            }
            if (!reduced) {
                if (n >= steps.size()) {
                    break;
                }
                n = Math.min(n * 2, steps.size());
            }
        }
        return steps;
    }

    private boolean test(List<Step> steps) {
        if (trialsLeft <= 0) {
            return false;
        }
        trialsLeft--;
        return fails.test(steps);
    }

    private static List<List<Step>> split(List<Step> steps, int n) {
        List<List<Step>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (steps.size() - start) / (n - i);
            if (end > start) {
                chunks.add(new ArrayList<>(steps.subList(start, end)));
            }
            start = end;
        }
        return chunks;
    }
}
