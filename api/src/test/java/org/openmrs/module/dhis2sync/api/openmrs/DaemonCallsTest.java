package org.openmrs.module.dhis2sync.api.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class DaemonCallsTest {

    /** Like OpenMRS's daemon threads: a new thread per call, marked as a daemon thread, the caller waiting. */
    static final class ThreadDaemons implements DaemonCalls.Daemons {

        private static final ThreadLocal<Boolean> DAEMON = ThreadLocal.withInitial(() -> false);
        final List<String> threads = new ArrayList<>();

        @Override
        public boolean inDaemonThread() {
            return DAEMON.get();
        }

        @Override
        public void runAndWait(Runnable work) {
            Thread thread = new Thread(() -> {
                DAEMON.set(true);
                work.run();
            }, "daemon-" + threads.size());
            threads.add(thread.getName());
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final ThreadDaemons daemons = new ThreadDaemons();

    @SuppressWarnings("unchecked")
    private Callable<String> seen(Callable<String> target) {
        return DaemonCalls.around(Callable.class, target, daemons);
    }

    @Test
    void eachCallRunsInADaemonThreadAndTheCallerGetsItsResult() throws Exception {
        Callable<String> port = seen(() -> Thread.currentThread().getName());

        assertThat(port.call()).isEqualTo("daemon-0");
        assertThat(port.call()).isEqualTo("daemon-1");
        assertThat(Thread.currentThread().getName()).doesNotStartWith("daemon");
    }

    @Test
    void aCallInADaemonThreadAlreadyRunsWhereItIs() throws Exception {
        Callable<String> port = seen(() -> Thread.currentThread().getName());
        Callable<String> outer = seen(port);

        assertThat(outer.call()).isEqualTo("daemon-0");
        assertThat(daemons.threads).containsExactly("daemon-0");
    }

    @Test
    void theTargetsExceptionReachesTheCallerUnwrapped() {
        Callable<String> unchecked = seen(() -> {
            throw new IllegalArgumentException("no such program");
        });
        Callable<String> checked = seen(() -> {
            throw new IOException("disk");
        });

        assertThatThrownBy(unchecked::call).isExactlyInstanceOf(IllegalArgumentException.class)
            .hasMessage("no such program");
        assertThatThrownBy(checked::call).isExactlyInstanceOf(IOException.class).hasMessage("disk");
    }

    @Test
    void aCallThatNeverRanIsAnErrorNotANullResult() {
        DaemonCalls.Daemons interrupted = new DaemonCalls.Daemons() {

            @Override
            public boolean inDaemonThread() {
                return false;
            }

            @Override
            public void runAndWait(Runnable work) {
                // OpenMRS returns without a sign when the waiting thread is interrupted
            }
        };
        @SuppressWarnings("unchecked")
        Callable<String> port = DaemonCalls.around(Callable.class, () -> "value", interrupted);

        assertThatThrownBy(port::call).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted")
            .hasMessageContaining("Callable.call");
    }

    @Test
    void aTransactionalCallRunsInsideATransactionOfTheDaemonThread() throws Exception {
        RecordingManager manager = new RecordingManager();
        TransactionTemplate readOnly = new TransactionTemplate(manager);
        readOnly.setReadOnly(true);
        @SuppressWarnings("unchecked")
        Callable<String> port = DaemonCalls.aroundInTransaction(Callable.class,
            () -> Thread.currentThread().getName() + " read-only: "
                + TransactionSynchronizationManager.isCurrentTransactionReadOnly(), daemons, readOnly);
        @SuppressWarnings("unchecked")
        Callable<String> failing = DaemonCalls.aroundInTransaction(Callable.class, () -> {
            throw new IOException("lost");
        }, daemons, readOnly);

        assertThat(port.call()).isEqualTo("daemon-0 read-only: true");
        assertThatThrownBy(failing::call).isExactlyInstanceOf(IOException.class);
        assertThat(manager.outcomes).containsExactly("commit in daemon-0", "rollback in daemon-1");
    }

    @Test
    void objectMethodsAreTheTargetsWithoutADaemonThread() {
        Callable<String> target = () -> "x";
        Callable<String> port = seen(target);

        assertThat(port.toString()).isEqualTo(target.toString());
        assertThat(daemons.threads).isEmpty();
    }

    /** Records where each transaction ended. */
    static final class RecordingManager extends AbstractPlatformTransactionManager {

        private static final long serialVersionUID = 1L;
        final List<String> outcomes = new ArrayList<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            outcomes.add("commit in " + Thread.currentThread().getName());
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            outcomes.add("rollback in " + Thread.currentThread().getName());
        }
    }
}
