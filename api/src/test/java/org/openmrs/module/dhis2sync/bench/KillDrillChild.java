package org.openmrs.module.dhis2sync.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.openmrs.module.dhis2sync.source.ClinicalSource;
import org.openmrs.module.dhis2sync.sync.RunState;
import org.openmrs.module.dhis2sync.sync.SyncRunner;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.openmrs.module.dhis2sync.tracking.SyncStatus;

/**
 * One server life for the kill drill, in a child JVM the drill kills with SIGKILL: attaches to the module's database,
 * prints {@code READY}, then {@code CHUNK} after every chunk it reads from OpenMRS, runs the mapping ({@code SyncRunner.runNow}, as the scheduler does) and prints
 * {@code DONE <status>}. Arguments: {@code <database address> <DHIS2 url> <patients> <batch size> <life number>}.
 *
 * <p>Its clock starts {@code life} × (stale lock time + 1 minute) after the drill's epoch: a server restarted after a
 * crash meets the dead run's lock, and takes it over only once it is stale; the drill jumps that wait.
 */
public final class KillDrillChild {

    /** When the drill's patients were registered; every life's clock starts after it. */
    static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 1, 8, 0);

    private KillDrillChild() {
    }

    public static void main(String[] args) {
        String database = args[0];
        String url = args[1];
        int patients = Integer.parseInt(args[2]);
        int batchSize = Integer.parseInt(args[3]);
        int life = Integer.parseInt(args[4]);
        long epoch = EPOCH.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        long start = epoch + life * (SyncRunner.STALE_LOCK_MILLIS + 60_000L);
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
                () -> new Date(start + System.currentTimeMillis() - realStart), Runnable::run);
        System.out.println("READY");
        System.out.flush();
        RunState state = module.runNow("scheduler");
        System.out.println("DONE " + state.getStatus() + (state.getStatusInfo() == null ? "" : " " + state.getStatusInfo()));
        System.out.flush();
        System.exit(state.getStatus() == SyncStatus.SUCCESS ? 0 : 2);
    }
}
