package org.openmrs.module.dhis2sync.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * A data source that counts the SQL statements sent through it as a driver without batch rewriting sends them
 * (OpenMRS's MySQL driver): each {@code execute*} call is one, and so is each {@code addBatch} (a batch goes one
 * statement at a time).
 */
public final class CountingDataSource {

    private final AtomicInteger statements = new AtomicInteger();
    private final DataSource counted;

    public CountingDataSource(DataSource target) {
        this.counted = proxy(DataSource.class, target);
    }

    public DataSource dataSource() {
        return counted;
    }

    public int statements() {
        return statements.get();
    }

    public void reset() {
        statements.set(0);
    }

    private <T> T proxy(Class<T> type, Object target) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (Statement.class.isAssignableFrom(type)
                    && (name.startsWith("execute") && !name.equals("executeBatch") || name.equals("addBatch"))) {
                statements.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> returned = method.getReturnType();
            if (result != null && (returned == Connection.class || Statement.class.isAssignableFrom(returned))) {
                return proxy(returned, result);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }
}
