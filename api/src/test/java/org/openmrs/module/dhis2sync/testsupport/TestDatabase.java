package org.openmrs.module.dhis2sync.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases persistence tests run on: H2 in MySQL mode (always) and the real MariaDB on 127.0.0.1:3306
 * (root, empty password). Each call makes a new, empty database. MariaDB is mandatory in CI (CI=true): there an
 * unreachable server fails the test; elsewhere the test is skipped with the reason printed.
 */
public final class TestDatabase {

    public enum Kind { H2, MARIADB }

    public static final String MARIADB_HOST = System.getProperty("dhis2sync.mariadb.host", "127.0.0.1");
    public static final int MARIADB_PORT = Integer.getInteger("dhis2sync.mariadb.port", 3306);

    private final Kind kind;
    private final String name;
    private final DriverManagerDataSource dataSource;
    /** What getDataSource answers: the data source itself, or e.g. a pool in front of it. */
    private final DataSource access;

    private TestDatabase(Kind kind, String name, DriverManagerDataSource dataSource) {
        this(kind, name, dataSource, dataSource);
    }

    private TestDatabase(Kind kind, String name, DriverManagerDataSource dataSource, DataSource access) {
        this.kind = kind;
        this.name = name;
        this.dataSource = dataSource;
        this.access = access;
    }

    /** A new empty database of that kind; for MariaDB, skips (or fails in CI) when the server is unreachable. */
    public static TestDatabase create(Kind kind) {
        String name = "dhis2sync_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.H2) {
            DriverManagerDataSource ds = new DriverManagerDataSource(
                    "jdbc:h2:mem:" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1;DATABASE_TO_UPPER=FALSE", "sa", "");
            ds.setDriverClassName("org.h2.Driver");
            return new TestDatabase(kind, name, ds);
        }
        String server = "jdbc:mariadb://" + MARIADB_HOST + ":" + MARIADB_PORT + "/";
        try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8 COLLATE utf8_general_ci");
        } catch (SQLException e) {
            String reason = "MariaDB at " + MARIADB_HOST + ":" + MARIADB_PORT + " is unreachable: " + e.getMessage();
            if (isCi()) {
                throw new IllegalStateException(reason + " (MariaDB is mandatory in CI)", e);
            }
            System.out.println("SKIPPED MariaDB persistence test: " + reason);
            Assumptions.abort(reason);
        }
        DriverManagerDataSource ds = new DriverManagerDataSource(server + name, "root", "");
        ds.setDriverClassName("org.mariadb.jdbc.Driver");
        return new TestDatabase(kind, name, ds);
    }

    /**
     * An H2 database in a file, in MySQL mode like {@link #create}: it outlives the JVM, for the benchmark and the
     * drills whose processes are killed and restarted. Commits are written to the file at once (WRITE_DELAY=0), so a
     * process killed right after a commit loses nothing, as on MariaDB.
     */
    public static TestDatabase h2File(java.nio.file.Path file) {
        String path = file.toAbsolutePath().toString();
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:file:" + path
                + ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;WRITE_DELAY=0", "sa", "");
        ds.setDriverClassName("org.h2.Driver");
        return new TestDatabase(Kind.H2, path, ds);
    }

    /** A MariaDB database made by {@link #create} (perhaps in another process), opened again by its name. */
    public static TestDatabase existingMariadb(String name) {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:mariadb://" + MARIADB_HOST + ":" + MARIADB_PORT + "/" + name, "root", "");
        ds.setDriverClassName("org.mariadb.jdbc.Driver");
        return new TestDatabase(Kind.MARIADB, name, ds);
    }

    /** Whether the MariaDB server of the tests answers (the benchmark and drills fall back to an H2 file if not). */
    public static boolean isMariadbReachable() {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + MARIADB_HOST + ":" + MARIADB_PORT
                + "/?connectTimeout=2000", "root", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The same database through one connection that stays open, as a server's connection pool hands a single-threaded
     * run the same connection again; without it every transaction would open a connection (a MariaDB handshake),
     * which a benchmark would then measure. Only for one thread at a time.
     */
    public TestDatabase withOneConnection() {
        org.springframework.jdbc.datasource.SingleConnectionDataSource one =
                new org.springframework.jdbc.datasource.SingleConnectionDataSource(dataSource.getUrl(),
                        dataSource.getUsername(), dataSource.getPassword(), true);
        one.setDriverClassName(kind == Kind.H2 ? "org.h2.Driver" : "org.mariadb.jdbc.Driver");
        return new TestDatabase(kind, name, one);
    }

    /**
     * The same database through a connection pool, as OpenMRS's: a thread holding a connection for one session may
     * take a second one for another session, and a connection given back is handed out again without a new
     * handshake. Close the returned data source's pool when done ({@link java.io.Closeable}).
     */
    public DataSource pooled(int maxConnections) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(dataSource.getUrl());
        config.setUsername(dataSource.getUsername());
        config.setPassword(dataSource.getPassword());
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("dhis2sync-" + name);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    /**
     * The same MariaDB database through the JDBC driver and URL OpenMRS 2.5.14 connects with (mysql-connector-java
     * 8.0.26, the installation wizard's default parameters: no batch rewriting, so a JDBC batch is one round trip per
     * statement, as on a real OpenMRS), pooled as {@link #pooled}. The driver is on the classpath of the
     * {@code openmrs-benchmark} profile only.
     */
    public DataSource pooledAsOpenmrs(int maxConnections) {
        if (kind != Kind.MARIADB) {
            throw new IllegalStateException("OpenMRS's driver is for MariaDB/MySQL only, this is " + kind);
        }
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDriverClassName("com.mysql.cj.jdbc.Driver");
        config.setJdbcUrl("jdbc:mysql://" + MARIADB_HOST + ":" + MARIADB_PORT + "/" + name
                + "?autoReconnect=true&sessionVariables=default_storage_engine%3DInnoDB&useUnicode=true"
                + "&characterEncoding=UTF-8");
        config.setUsername(dataSource.getUsername());
        config.setPassword(dataSource.getPassword());
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("openmrs-" + name);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    /** The same database, reached through another data source (e.g. {@link #pooled}). */
    public TestDatabase through(DataSource other) {
        return new TestDatabase(kind, name, dataSource, other);
    }

    /** The database's name (MariaDB) or file path (H2 file); a random name for in-memory H2. */
    public String getName() {
        return name;
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public Kind getKind() {
        return kind;
    }

    public DataSource getDataSource() {
        return access;
    }

    /** The Hibernate dialect for this database (OpenMRS 2.5 runs MySQL 5.7/8 and MariaDB). */
    public String getHibernateDialect() {
        return kind == Kind.H2 ? "org.hibernate.dialect.H2Dialect" : "org.hibernate.dialect.MariaDB103Dialect";
    }

    /** Drops the MariaDB database (H2 in-memory databases vanish with the JVM; this empties it now). */
    public void drop() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (kind == Kind.MARIADB) {
                s.execute("DROP DATABASE " + name);
            } else {
                s.execute("DROP ALL OBJECTS");
            }
        } catch (SQLException e) {
            System.out.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
