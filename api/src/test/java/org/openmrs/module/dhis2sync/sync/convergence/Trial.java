package org.openmrs.module.dhis2sync.sync.convergence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.SyncHarness;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * One history played against a fresh installation. After every run that ends SUCCESS, DHIS2 must equal the oracle's
 * projection of the clinic; a run with no fault armed must not fail, and may end PARTIAL only while the clinic holds
 * data DHIS2 or the mapping refuses. The history then heals (refused data corrected, DHIS2 up, no kill) and must
 * converge: within {@link #HEALING_RUNS} runs one ends SUCCESS, and DHIS2 equals the projection.
 */
final class Trial {

    static final int HEALING_RUNS = 3;

    /** Time spent (ns) starting installations, in runs, and checking: the figures the test prints. */
    static final java.util.concurrent.atomic.AtomicLong SETUP_NANOS = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong RUN_NANOS = new java.util.concurrent.atomic.AtomicLong();

    /** The setup and batch size of a seed: every seed says both, so a seed alone replays its history. */
    static World.Setup setupOf(long seed) {
        return World.Setup.values()[(int) Math.floorMod(seed, World.Setup.values().length)];
    }

    static int batchSizeOf(long seed) {
        return 1 + (int) Math.floorMod(seed / 3, 4);
    }

    /** What a trial found. */
    record Result(String failure, List<String> trace, int runs, int checked) {
        boolean failed() {
            return failure != null;
        }
    }

    private Trial() {
    }

    static Result run(long seed, List<Step> steps) {
        List<String> trace = new ArrayList<>();
        int[] counts = new int[2];
        long setupStart = System.nanoTime();
        try (World world = new World(setupOf(seed), batchSizeOf(seed), "mapping-" + seed)) {
            SETUP_NANOS.addAndGet(System.nanoTime() - setupStart);
            Clinic clinic = new Clinic(world.openmrs, "s" + seed);
            java.util.Set<String> known = new java.util.HashSet<>();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String prefix = (i + 1) + ". " + step + ": ";
                if (!step.op().isRun()) {
                    String did = step.apply(clinic, world);
                    trace.add(prefix + (did == null ? "(nothing to act on)" : did));
                    continue;
                }
                boolean faulty = arm(step, world);
                RunState state = timed(world);
                counts[0]++;
                trace.add(prefix + describe(state));
                String problem = check(state, faulty, clinic, world, counts, known);
                if (problem != null) {
                    return new Result("after step " + (i + 1) + " (" + step + "): " + problem, trace, counts[0],
                            counts[1]);
                }
            }
            String healed = heal(clinic);
            trace.add("heal: " + (healed.isEmpty() ? "nothing refused" : healed));
            for (int attempt = 1; attempt <= HEALING_RUNS; attempt++) {
                RunState state = timed(world);
                counts[0]++;
                trace.add("healing run " + attempt + ": " + describe(state));
                if (state.getStatus() == SyncStatus.SUCCESS) {
                    String problem = check(state, false, clinic, world, counts, known);
                    return new Result(problem == null ? null : "after healing: " + problem, trace, counts[0],
                            counts[1]);
                }
            }
            return new Result("no run succeeded within " + HEALING_RUNS + " runs after healing (DHIS2 up, nothing "
                    + "refusable left)", trace, counts[0], counts[1]);
        } catch (RuntimeException | AssertionError e) {
            java.io.StringWriter stack = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(stack));
            return new Result("the trial threw " + stack, trace, counts[0], counts[1]);
        }
    }

    private static RunState timed(World world) {
        long start = System.nanoTime();
        try {
            return world.sync();
        } finally {
            RUN_NANOS.addAndGet(System.nanoTime() - start);
        }
    }

    /** Arms the run's fault; whether one was armed. */
    private static boolean arm(Step step, World world) {
        Random random = new Random(step.seed());
        switch (step.op()) {
            case SYNC:
                return false;
            case SYNC_OUTAGE:
                world.dhis2.failNext(100_000, 503);
                return true;
            case SYNC_OUTAGE_MIDWAY:
                world.dhis2.failNext(100_000, 503, 1 + random.nextInt(12));
                return true;
            case SYNC_KILLED_IN_SOURCE:
                world.killAt(World.Kill.IN_SOURCE, 1 + random.nextInt(15));
                return true;
            case SYNC_KILLED_BEFORE_CALL:
                world.killAt(World.Kill.BEFORE_CALL, 1 + random.nextInt(10));
                return true;
            case SYNC_KILLED_AFTER_CALL:
                world.killAt(World.Kill.AFTER_CALL, 1 + random.nextInt(10));
                return true;
            default:
                throw new IllegalStateException(step.op() + " is not a run");
        }
    }

    private static String check(RunState state, boolean faulty, Clinic clinic, World world, int[] counts,
            java.util.Set<String> known) {
        switch (state.getStatus()) {
            case SUCCESS:
                counts[1]++;
                Oracle.Optional optional = new Oracle.Optional();
                String expected = Oracle.expected(clinic, world.setup, known, optional);
                String actual = Canonical.of(world.dhis2, world.setup, optional);
                known.addAll(Oracle.sentNow(clinic));
                return expected.equals(actual) ? null
                        : "the run ended SUCCESS but DHIS2 differs from OpenMRS\n--- expected (oracle)\n" + expected
                                + "\n--- DHIS2\n" + actual;
            case PARTIAL:
                String refusable = refusable(clinic);
                return refusable != null || faulty ? null
                        : "the run ended PARTIAL though nothing in OpenMRS is refusable: " + state.getErrors();
            case FAILED:
                return faulty ? null : "the run FAILED with DHIS2 up and no fault: " + state.getErrors();
            default:
                return "the run ended " + state.getStatus();
        }
    }

    /** What the clinic holds that DHIS2 or the mapping refuses, or null. */
    private static String refusable(Clinic clinic) {
        for (Clinic.Patient patient : clinic.patients.values()) {
            if ("O".equals(patient.gender)) {
                return "gender O of " + patient.uuid;
            }
        }
        for (Clinic.Encounter encounter : clinic.encounters.values()) {
            for (Clinic.Obs obs : encounter.liveObs()) {
                if (SyncHarness.INDETERMINATE.equals(obs.answer)) {
                    return "unmapped answer in " + encounter.uuid;
                }
            }
        }
        return null;
    }

    /** Corrects what is refused, as a user does after reading the failures. */
    private static String heal(Clinic clinic) {
        List<String> done = new ArrayList<>();
        for (Clinic.Patient patient : clinic.patients.values()) {
            if ("O".equals(patient.gender)) {
                patient.gender = "F";
                clinic.publish(patient);
                done.add("gender of " + patient.uuid + " now F");
            }
        }
        for (Clinic.Encounter encounter : clinic.encounters.values()) {
            List<Clinic.Obs> unmapped = new ArrayList<>();
            for (Clinic.Obs obs : encounter.liveObs()) {
                if (SyncHarness.INDETERMINATE.equals(obs.answer)) {
                    unmapped.add(obs);
                }
            }
            if (!unmapped.isEmpty()) {
                unmapped.forEach(obs -> obs.voided = true);
                encounter.obs.add(new Clinic.Obs(clinic.nextObsId(), SyncHarness.RESULT, "Positive",
                        SyncHarness.POSITIVE, null, encounter.date.atTime(10, 0)));
                clinic.publish(encounter);
                done.add("result of " + encounter.uuid + " now Positive");
            }
        }
        return String.join("; ", done);
    }

    private static String describe(RunState state) {
        return state.getStatus() + (state.getErrors() == null || state.getErrors().isEmpty() ? ""
                : " " + state.getErrors());
    }
}
