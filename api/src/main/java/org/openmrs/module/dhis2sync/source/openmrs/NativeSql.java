package org.openmrs.module.dhis2sync.source.openmrs;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.persistence.TemporalType;

import org.hibernate.SessionFactory;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.hibernate.type.Type;

/**
 * Native SQL on OpenMRS's tables in the caller's transaction, returning scalars only: no OpenMRS entity is loaded,
 * so nothing stays in the session. Parameters: a collection binds as a list, a date as a timestamp.
 */
final class NativeSql {

    /** Values per IN list: well under every database's limit on parameters. */
    static final int CHUNK = 500;

    private final SessionFactory sessionFactory;

    NativeSql(SessionFactory sessionFactory) {
        if (sessionFactory == null) {
            throw new IllegalArgumentException("sessionFactory is required");
        }
        this.sessionFactory = sessionFactory;
    }

    @SuppressWarnings("unchecked")
    List<Integer> ids(String sql, Map<String, Object> parameters) {
        NativeQuery<?> query = query(sql, parameters).addScalar("id", StandardBasicTypes.INTEGER);
        return (List<Integer>) query.list();
    }

    /**
     * Rows of the given scalar columns (aliases of the SELECT, with their types), each an {@code Object[]} in that
     * order.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, Map<String, Object> parameters, String[] columns, Type[] types) {
        NativeQuery<?> query = query(sql, parameters);
        for (int i = 0; i < columns.length; i++) {
            query.addScalar(columns[i], types[i]);
        }
        List<?> result = query.list();
        if (columns.length == 1) {
            List<Object[]> wrapped = new java.util.ArrayList<>();
            for (Object value : result) {
                wrapped.add(new Object[] {value});
            }
            return wrapped;
        }
        return (List<Object[]>) result;
    }

    private NativeQuery<?> query(String sql, Map<String, Object> parameters) {
        NativeQuery<?> query = sessionFactory.getCurrentSession().createNativeQuery(sql);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            Object value = parameter.getValue();
            if (value instanceof Collection) {
                query.setParameterList(parameter.getKey(), (Collection<?>) value);
            } else if (value instanceof Date) {
                query.setParameter(parameter.getKey(), (Date) value, TemporalType.TIMESTAMP);
            } else {
                query.setParameter(parameter.getKey(), value);
            }
        }
        return query;
    }
}
