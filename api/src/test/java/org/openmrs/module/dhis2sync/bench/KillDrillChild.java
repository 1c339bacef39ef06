package org.openmrs.module.dhis2sync.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.sync.RunInProgressException;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.ServerInstance;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * One server life for the kill drill, in a child JVM the drill kills with SIGKILL: attaches to the module's database
 * as a new instance of the drill's one server, prints {@code READY}, then {@code CHUNK} after every chunk it reads
 * from OpenMRS, runs the mapping ({@code SyncRunner.runNow}, as the scheduler does) and prints
 * {@code DONE <status>}; a start refused prints {@code REFUSED <message>}. Arguments:
 * {@code <database address> <DHIS2 url> <patients> <batch size> <life number>}.
 *
 * <p>Its clock starts {@code life} minutes after the drill's epoch: a restarted server meets its previous life's
 * lock with a fresh heartbeat (far from the 10 minutes that make another server's lock stale) and must start at
 * once all the same. Odd lives first free the dead runs as the module's start does
 * ({@code SyncRunner.releaseDeadRuns}, printing {@code FREED <n>}); even lives go straight to the run, whose start
 * must free the lock itself.
 */
public final class KillDrillChild {

    /** When the drill's patients were registered; every life's clock starts after it. */
    static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 8, 0);
    /** The one server every life is a start of. */
    static final String SERVER = "kill-drill-server:/openmrs/data";

    private KillDrillChild() {
    }

    public static void main(String[] args) {
        String database = args[0];
        String url = args[1];
        int patients = Integer.parseInt(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        int life = Integer.parseInt(args[4]);
        long epoch = EPOCH.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        long start = epoch + life * 60_000L;
        long realStart = System.currentTimeMillis();
        TrackingDatabase db = BenchInstallation.attach(database);
        SyntheticClinicalSource synthetic = new SyntheticClinicalSource(patients, new Date(epoch - 86_400_000L));
        // prints CHUNK after each chunk read, so the drill kills by progress, not by a guess of the machine's speed
        ClinicalSource source = (ClinicalSource) java.lang.reflect.Proxy.newProxyInstance(
                ClinicalSource.class.getClassLoader(), new Class<?>[] {ClinicalSource.class}, (proxy, method, args1) -> {
                    Object result;
                    try {
                        result = method.invoke(synthetic, args1);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().startsWith("load")) {
                        System.out.println("CHUNK");
                        System.out.flush();
                    }
                    return result;
                });
        BenchInstallation module = new BenchInstallation(db, source, BenchInstallation.connection(url)
                .withRetries(2, Duration.ofMillis(20)), batchSize,
                () -> new Date(start + System.currentTimeMillis() - realStart), Runnable::run,
                ServerInstance.startingNow(SERVER));
        System.out.println("READY");
        System.out.flush();
        if (life % 2 == 1) {
            System.out.println("FREED " + module.runner.releaseDeadRuns().size());
        }
        RunState state;
        try {
            state = module.runNow("scheduler");
        } catch (RunInProgressException e) {
            System.out.println("REFUSED " + e.getMessage());
            System.out.flush();
            System.exit(3);
            return;
        }
        System.out.println("DONE " + state.getStatus() + (state.getStatusInfo() == null ? "" : " " + state.getStatusInfo()));
        System.out.flush();
        System.exit(state.getStatus() == SyncStatus.SUCCESS ? 0 : 2);
    }
}
