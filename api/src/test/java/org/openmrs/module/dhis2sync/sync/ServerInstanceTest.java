package org.openmrs.module.dhis2sync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.tracking.RunLock;

/** Which locks a server instance knows are not going: the decision table of the lock take-over. */
class ServerInstanceTest {

    private final ServerInstance here = new ServerInstance("clinic-a:/openmrs/data", "start-2");

    @ParameterizedTest(name = "lock of server {0}, instance {1}, run going here {2} -> left {3}")
    @CsvSource(nullValues = "null", value = {
        // a previous start of this server: nothing of it can be going
        "clinic-a:/openmrs/data, start-1, false, true",
        // this start, a run that is going here
        "clinic-a:/openmrs/data, start-2, true,  false",
        // this start, a run that is not going here (its end could not give the lock back)
        "clinic-a:/openmrs/data, start-2, false, true",
        // another server, whatever its instance: judged by its heartbeat only
        "clinic-b:/openmrs/data, start-1, false, false",
        "clinic-b:/openmrs/data, start-2, false, false",
        "clinic-a:/other/data,   start-1, false, false",
        // a lock written before instances were known
        "null,                   null,    false, false",
    })
    void knowsWhichLocksAreLeft(String server, String instance, boolean goingHere, boolean left) {
        RunLock lock = lock(server, instance, "run-1");
        if (goingHere) {
            here.claim("run-1");
        }

        assertThat(here.isLeft(lock)).isEqualTo(left);
    }

    @Test
    void aRunIsGoingHereFromItsClaimUntilItIsForgotten() {
        RunLock lock = lock("clinic-a:/openmrs/data", "start-2", "run-9");
        here.claim("run-9");
        assertThat(here.isLeft(lock)).isFalse();
        assertThat(here.isOfThisInstance(lock)).isTrue();

        here.forget("run-9");

        assertThat(here.isLeft(lock)).isTrue();
    }

    @Test
    void everyStartIsANewInstanceOfTheSameServer() {
        ServerInstance first = ServerInstance.startingNow("clinic-a:/openmrs/data");
        ServerInstance second = ServerInstance.startingNow("clinic-a:/openmrs/data");

        assertThat(first.getInstanceId()).isNotEqualTo(second.getInstanceId()).hasSize(36);
        assertThat(second.isLeft(lock(first.getServerName(), first.getInstanceId(), "run"))).isTrue();
    }

    @Test
    void anUnnamedServerFreesNoLockButItsOwn() {
        ServerInstance unnamed = ServerInstance.ofUnnamedServer();
        ServerInstance other = ServerInstance.ofUnnamedServer();

        assertThat(unnamed.getServerName()).isNotEqualTo(other.getServerName());
        assertThat(unnamed.isLeft(lock(other.getServerName(), other.getInstanceId(), "run"))).isFalse();
        assertThat(unnamed.isLeft(lock(unnamed.getServerName(), unnamed.getInstanceId(), "run"))).isTrue();
    }

    @Test
    void aLongServerNameIsCutToItsColumn() {
        String longName = "host:/" + "d".repeat(300);

        assertThat(new ServerInstance(longName, "i").getServerName()).hasSize(ServerInstance.MAX_SERVER_NAME);
    }

    @Test
    void namesAreRequired() {
        assertThatThrownBy(() -> new ServerInstance(" ", "i")).hasMessage("serverName is required");
        assertThatThrownBy(() -> new ServerInstance("s", null))
                .hasMessage("instanceId must be 1 to 38 characters, was 'null'");
    }

    private static RunLock lock(String server, String instance, String runId) {
        RunLock lock = new RunLock();
        lock.setMappingUuid("mapping");
        lock.setRunId(runId);
        lock.setOwner("manual:admin");
        lock.setServerName(server);
        lock.setInstanceId(instance);
        lock.setStartedAt(new Date(0));
        lock.setHeartbeatAt(new Date(0));
        return lock;
    }
}
