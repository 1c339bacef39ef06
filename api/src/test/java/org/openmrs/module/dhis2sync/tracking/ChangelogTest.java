package org.openmrs.module.dhis2sync.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.openmrs.module.dhis2sync.testsupport.TrackingDatabase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The real liquibase.xml: its house rules, and that applying it again changes nothing. */
class ChangelogTest {

    private static final Set<String> DESIGN_TABLES = new TreeSet<>(Arrays.asList("dhis2sync_mapping",
            "dhis2sync_instance_tracker", "dhis2sync_enrollment_tracker", "dhis2sync_event_tracker",
            "dhis2sync_marker", "dhis2sync_log", "dhis2sync_failed_record", "dhis2sync_org_unit_mapping",
            "dhis2sync_run_lock"));
    /** Change types Liquibase renders for every database; nothing database-specific (sql, modifySql...). */
    private static final Set<String> PORTABLE_CHANGES = new HashSet<>(Arrays.asList("createTable", "createIndex",
            "addColumn", "addUniqueConstraint", "addForeignKeyConstraint", "dropIndex", "modifyDataType",
            "addNotNullConstraint", "dropNotNullConstraint", "renameColumn"));
    /** MySQL 5.6's InnoDB key limit without large prefixes; utf8mb4 takes up to 4 bytes a character. */
    private static final int MAX_KEY_BYTES = 767;
    private static final int BYTES_PER_CHAR = 4;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void applyingTheChangelogAgainChangesNothing(TestDatabase.Kind kind) throws Exception {
        try (TrackingDatabase db = TrackingDatabase.create(kind)) {
            Map<String, String> schema = snapshot(db.getDatabase());
            assertThat(tables(schema)).isEqualTo(DESIGN_TABLES);
            int changeSets = count(db.getDatabase(), "select count(*) from DATABASECHANGELOG");

            TrackingDatabase.applyChangelog(db.getDatabase());

            assertThat(snapshot(db.getDatabase())).isEqualTo(schema);
            assertThat(count(db.getDatabase(), "select count(*) from DATABASECHANGELOG")).isEqualTo(changeSets);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.Kind.class)
    void onTablesThatExistWithoutHistoryEveryChangeSetIsMarkedRan(TestDatabase.Kind kind) throws Exception {
        try (TrackingDatabase db = TrackingDatabase.create(kind)) {
            Map<String, String> schema = snapshot(db.getDatabase());
            int changeSets = count(db.getDatabase(), "select count(*) from DATABASECHANGELOG");
            execute(db.getDatabase(), "delete from DATABASECHANGELOG");

            TrackingDatabase.applyChangelog(db.getDatabase());

            assertThat(snapshot(db.getDatabase())).isEqualTo(schema);
            assertThat(count(db.getDatabase(), "select count(*) from DATABASECHANGELOG where EXECTYPE = 'MARK_RAN'"))
                    .isEqualTo(changeSets);
        }
    }

    @Test
    void everyChangeSetIsTheModulesGuardedAndPortable() throws Exception {
        Document changelog = parse();
        NodeList changeSets = changelog.getElementsByTagName("changeSet");
        assertThat(changeSets.getLength()).isGreaterThanOrEqualTo(DESIGN_TABLES.size());
        Set<String> ids = new HashSet<>();
        for (Element changeSet : elements(changeSets)) {
            String id = changeSet.getAttribute("id");
            assertThat(id).startsWith("dhis2sync-");
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            assertThat(changeSet.getAttribute("author")).as(id).isEqualTo("dhis2sync");
            List<Element> children = childElements(changeSet);
            assertThat(children).as(id).isNotEmpty();
            assertThat(children.get(0).getTagName()).as(id + " starts with its precondition").isEqualTo("preConditions");
            assertThat(children.get(0).getAttribute("onFail")).as(id).isEqualTo("MARK_RAN");
            for (Element change : children.subList(1, children.size())) {
                if (!change.getTagName().equals("comment")) {
                    assertThat(PORTABLE_CHANGES).as(id).contains(change.getTagName());
                    assertThat(change.getAttribute("tableName")).as(id).startsWith("dhis2sync_");
                }
            }
        }
    }

    @Test
    void everyKeyFitsMySql56() throws Exception {
        Document changelog = parse();
        Map<String, Integer> varcharLength = new HashMap<>();
        List<Element> tables = elements(changelog.getElementsByTagName("createTable"));
        tables.addAll(elements(changelog.getElementsByTagName("addColumn")));
        for (Element table : tables) {
            for (Element column : childElements(table)) {
                String type = column.getAttribute("type").toLowerCase(Locale.ROOT);
                if (type.startsWith("varchar(")) {
                    varcharLength.put(table.getAttribute("tableName") + "." + column.getAttribute("name"),
                            Integer.parseInt(type.substring(8, type.length() - 1)));
                }
            }
        }
        List<Element> indexes = elements(changelog.getElementsByTagName("createIndex"));
        assertThat(indexes).isNotEmpty();
        for (Element index : indexes) {
            int chars = 0;
            for (Element column : childElements(index)) {
                String qualified = index.getAttribute("tableName") + "." + column.getAttribute("name");
                chars += varcharLength.getOrDefault(qualified, 0);
            }
            assertThat(chars * BYTES_PER_CHAR).as(index.getAttribute("indexName")).isLessThanOrEqualTo(MAX_KEY_BYTES);
            assertThat(index.getAttribute("indexName")).startsWith("dhis2sync_").hasSizeLessThanOrEqualTo(64);
        }
    }

    private static Document parse() throws Exception {
        try (InputStream in = ChangelogTest.class.getClassLoader().getResourceAsStream(TrackingDatabase.CHANGELOG)) {
            assertThat(in).as(TrackingDatabase.CHANGELOG + " on the test classpath").isNotNull();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                children.add((Element) n);
            }
        }
        return children;
    }

    /** Every module table's columns (type, size, nullability) and indexes (uniqueness, columns), as text. */
    private static Map<String, String> snapshot(TestDatabase database) throws SQLException {
        Map<String, String> snapshot = new HashMap<>();
        try (Connection c = database.getDataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : moduleTables(c)) {
                snapshot.put(table, "table");
                try (ResultSet columns = meta.getColumns(c.getCatalog(), null, table, "%")) {
                    while (columns.next()) {
                        snapshot.put(table + "." + columns.getString("COLUMN_NAME"), columns.getString("TYPE_NAME")
                                + "(" + columns.getInt("COLUMN_SIZE") + ") nullable=" + columns.getString("IS_NULLABLE")
                                + " default=" + columns.getString("COLUMN_DEF"));
                    }
                }
                try (ResultSet indexes = meta.getIndexInfo(c.getCatalog(), null, table, false, false)) {
                    while (indexes.next()) {
                        String key = table + " index " + indexes.getString("INDEX_NAME");
                        snapshot.merge(key, (indexes.getBoolean("NON_UNIQUE") ? "" : "unique ")
                                + indexes.getString("COLUMN_NAME"), (a, b) -> a + "," + b);
                    }
                }
            }
        }
        return snapshot;
    }

    private static List<String> moduleTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "dhis2sync%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static Set<String> tables(Map<String, String> snapshot) {
        Set<String> tables = new TreeSet<>();
        snapshot.forEach((key, value) -> {
            if (value.equals("table")) {
                tables.add(key);
            }
        });
        return tables;
    }

    private static int count(TestDatabase database, String sql) throws SQLException {
        try (Connection c = database.getDataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection c = database.getDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
