package org.openmrs.module.dhis2sync.api.openmrs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A port whose every call runs as OpenMRS's daemon user, in a daemon thread with an OpenMRS session of its own, the
 * caller waiting for it: the module reads the OpenMRS metadata and records it needs (pickers, health check, runs)
 * with the daemon's privileges without lending any privilege to the user's session, which OpenMRS shares between
 * all requests of that browser. Calls already in a daemon thread (background runs) run where they are. What a call
 * returns must be the module's own values: no OpenMRS object leaves the daemon's session.
 */
public final class DaemonCalls {

    /** Where the calls run: OpenMRS's daemon threads in production ({@link OpenmrsDaemons}). */
    public interface Daemons {

        boolean inDaemonThread();

        /** Runs the work in a daemon thread and returns when it has ended (or the waiting thread was interrupted). */
        void runAndWait(Runnable work);
    }

    private DaemonCalls() {
    }

    /** The target seen through {@code type}, each call made in a daemon thread. */
    public static <T> T around(Class<T> type, T target, Daemons daemons) {
        return proxy(type, target, daemons, null);
    }

    /**
     * The target seen through {@code type}, each call made in a daemon thread inside a transaction of the template
     * (for a target that walks OpenMRS objects across several service calls).
     */
    public static <T> T aroundInTransaction(Class<T> type, T target, Daemons daemons, TransactionTemplate tx) {
        return proxy(type, target, daemons, tx);
    }

    private static <T> T proxy(Class<T> type, T target, Daemons daemons, TransactionTemplate tx) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            if (daemons.inDaemonThread()) {
                return call(target, method, args, tx);
            }
            AtomicReference<Object> result = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean done = new AtomicBoolean();
            daemons.runAndWait(() -> {
                try {
                    result.set(call(target, method, args, tx));
                } catch (Throwable e) {
                    failure.set(e);
                } finally {
                    done.set(true);
                }
            });
            if (failure.get() != null) {
                throw failure.get();
            }
            if (!done.get()) {
                throw new IllegalStateException("interrupted while waiting for OpenMRS's daemon thread ("
                    + type.getSimpleName() + "." + method.getName() + ")");
            }
            return result.get();
        });
        return type.cast(proxy);
    }

    private static Object call(Object target, Method method, Object[] args, TransactionTemplate tx) throws Throwable {
        if (tx == null) {
            return invoke(target, method, args);
        }
        try {
            return tx.execute(status -> {
                try {
                    return invoke(target, method, args);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new Checked(e);
                }
            });
        } catch (Checked e) {
            throw e.getCause();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Carries a checked exception of the target through the transaction template. */
    private static final class Checked extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Checked(Throwable cause) {
            super(cause);
        }
    }
}
