package org.openmrs.module.dhis2sync.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hibernate.Session;

/**
 * A tracker table as a chunk of new rows is written to it: one multi-row {@code INSERT} per slice of rows, whatever
 * the JDBC driver does with batches (OpenMRS's MySQL driver sends a batch one statement at a time), then one query
 * reading back the ids the database gave them, by the table's unique key. The columns are listed beside the entity's
 * mapping, one table each ({@link InstanceTrackerDao}, {@link EnrollmentTrackerDao}, {@link EventTrackerDao});
 * {@code TrackerTableTest} holds each list to the mapping, so a column added to an entity and not here fails it.
 */
final class TrackerTable<T extends TrackerRow> {

    /** Rows per {@code INSERT}: a few kilobytes, far under any server's packet limit. */
    static final int ROWS_PER_INSERT = 250;

    /** One column and how a row's value for it is read and bound. */
    static final class Column<T> {
        private final String name;
        private final int sqlType;
        private final Function<T, Object> value;

        Column(String name, int sqlType, Function<T, Object> value) {
            this.name = name;
            this.sqlType = sqlType;
            this.value = value;
        }

        String name() {
            return name;
        }
    }

    private final String entity;
    private final String table;
    private final List<Column<T>> columns;
    private final List<String> keyProperties;
    private final Function<T, List<Object>> key;

    /**
     * @param entity the entity's name, for the query reading the ids back
     * @param table the table
     * @param keyProperties the entity properties of the table's unique key (the first one is queried by)
     * @param key a row's values of those properties, in that order
     * @param columns the entity's own columns; the id (generated) and {@link TrackerRow}'s are added here
     */
    @SafeVarargs
    TrackerTable(String entity, String table, List<String> keyProperties, Function<T, List<Object>> key,
            Column<T>... columns) {
        this.entity = entity;
        this.table = table;
        this.keyProperties = Collections.unmodifiableList(new ArrayList<>(keyProperties));
        this.key = key;
        List<Column<T>> all = new ArrayList<>(Arrays.asList(columns));
        all.add(new Column<T>("confirmed", Types.BOOLEAN, TrackerRow::isConfirmed));
        all.add(new Column<T>("date_created", Types.TIMESTAMP, TrackerRow::getDateCreated));
        all.add(new Column<T>("date_changed", Types.TIMESTAMP, TrackerRow::getDateChanged));
        this.columns = Collections.unmodifiableList(all);
    }

    static <T> Column<T> text(String name, Function<T, Object> value) {
        return new Column<>(name, Types.VARCHAR, value);
    }

    static <T> Column<T> flag(String name, Function<T, Object> value) {
        return new Column<>(name, Types.BOOLEAN, value);
    }

    static <T> Column<T> date(String name, Function<T, Object> value) {
        return new Column<>(name, Types.DATE, value);
    }

    String name() {
        return table;
    }

    /** The columns written, id left out. */
    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column<T> column : columns) {
            names.add(column.name());
        }
        return names;
    }

    /** Inserts the rows (none of them has an id yet), {@link #ROWS_PER_INSERT} per statement. */
    void insert(Connection connection, List<T> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<T> slice = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement insert = connection.prepareStatement(insertSql(slice.size()))) {
                int index = 1;
                for (T row : slice) {
                    for (Column<T> column : columns) {
                        bind(insert, index++, column.sqlType, column.value.apply(row));
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    private String insertSql(int rowCount) {
        StringBuilder placeholders = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            placeholders.append(i == 0 ? "?" : ", ?");
        }
        placeholders.append(')');
        StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (")
                .append(String.join(", ", columnNames())).append(") values ");
        for (int i = 0; i < rowCount; i++) {
            sql.append(i == 0 ? "" : ", ").append(placeholders);
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement statement, int index, int sqlType, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else if (sqlType == Types.TIMESTAMP) {
            statement.setTimestamp(index, new Timestamp(((Date) value).getTime()));
        } else if (sqlType == Types.DATE) {
            statement.setDate(index, new java.sql.Date(((Date) value).getTime()));
        } else if (sqlType == Types.BOOLEAN) {
            statement.setBoolean(index, (Boolean) value);
        } else {
            statement.setString(index, (String) value);
        }
    }

    /**
     * Gives each row the id the database gave it, read by the unique key, {@code inListSize} keys per query.
     *
     * @throws IllegalStateException if a row just inserted is not found (it cannot happen inside the transaction)
     */
    void readIds(Session session, List<T> rows, int inListSize) {
        Map<List<Object>, T> byKey = new HashMap<>();
        List<Object> firstKeys = new ArrayList<>();
        for (T row : rows) {
            List<Object> rowKey = key.apply(row);
            byKey.put(rowKey, row);
            firstKeys.add(rowKey.get(0));
        }
        StringBuilder hql = new StringBuilder("select t.id");
        for (String property : keyProperties) {
            hql.append(", t.").append(property);
        }
        hql.append(" from ").append(entity).append(" t where t.").append(keyProperties.get(0)).append(" in (:keys)");
        for (int from = 0; from < firstKeys.size(); from += inListSize) {
            List<Object[]> found = session.createQuery(hql.toString(), Object[].class)
                    .setParameterList("keys", firstKeys.subList(from, Math.min(firstKeys.size(), from + inListSize)))
                    .getResultList();
            for (Object[] result : found) {
                T row = byKey.get(Arrays.asList(result).subList(1, result.length));
                if (row != null) {
                    row.setId((Long) result[0]);
                }
            }
        }
        for (T row : rows) {
            if (row.getId() == null) {
                throw new IllegalStateException("the row just inserted into " + table + " with key "
                        + key.apply(row) + " is not there");
            }
        }
    }

    /** Marks the rows confirmed at {@code when}, in memory and with one {@code UPDATE} per {@code inListSize} ids. */
    void markConfirmed(Session session, List<T> rows, Date when, int inListSize) {
        List<Long> ids = new ArrayList<>();
        for (T row : rows) {
            ids.add(row.getId());
        }
        for (int from = 0; from < ids.size(); from += inListSize) {
            session.createQuery("update " + entity + " t set t.confirmed = true, t.dateChanged = :when"
                    + " where t.id in (:ids)")
                    .setParameter("when", when)
                    .setParameterList("ids", ids.subList(from, Math.min(ids.size(), from + inListSize)))
                    .executeUpdate();
        }
        for (T row : rows) {
            row.setConfirmed(true);
            row.setDateChanged(when);
        }
    }
}
