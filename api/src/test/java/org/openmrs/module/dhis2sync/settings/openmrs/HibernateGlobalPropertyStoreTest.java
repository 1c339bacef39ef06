package org.openmrs.module.dhis2sync.settings.openmrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmrs.module.dhis2sync.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.hibernate5.HibernateTransactionManager;
import org.springframework.orm.hibernate5.LocalSessionFactoryBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The module's global properties through OpenMRS's Hibernate entity, on OpenMRS's global_property table. */
class HibernateGlobalPropertyStoreTest {

    private TestDatabase database;
    private JdbcTemplate jdbc;
    private SessionFactory sessionFactory;
    private TransactionTemplate transactions;
    private HibernateGlobalPropertyStore store;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create(TestDatabase.Kind.H2);
        jdbc = new JdbcTemplate(database.getDataSource());
        // OpenMRS 2.5.14's table (the columns that matter here)
        jdbc.execute("CREATE TABLE global_property (property varchar(255) NOT NULL PRIMARY KEY,"
            + " property_value mediumtext, description text, uuid char(38))");
        jdbc.update("INSERT INTO global_property (property, property_value) VALUES (?, ?)", "dhis2sync.batchSize",
            "250");
        jdbc.update("INSERT INTO global_property (property, property_value) VALUES (?, ?)",
            "security.passwordMinimumLength", "8");
        sessionFactory = new LocalSessionFactoryBuilder(database.getDataSource())
            .addResource("openmrs-fixture/GlobalProperty.hbm.xml")
            .setProperty("hibernate.dialect", database.getHibernateDialect())
            // OpenMRS 2.7's GlobalProperty is @Audited and brings Hibernate Envers: no audit tables here
            .setProperty("hibernate.integration.envers.enabled", "false")
            .buildSessionFactory();
        transactions = new TransactionTemplate(new HibernateTransactionManager(sessionFactory));
        store = new HibernateGlobalPropertyStore(sessionFactory, transactions);
    }

    @AfterEach
    void tearDown() {
        sessionFactory.close();
        database.drop();
    }

    private String stored(String name) {
        List<String> values = jdbc.queryForList("SELECT property_value FROM global_property WHERE property = ?",
            String.class, name);
        return values.isEmpty() ? null : values.get(0);
    }

    @Test
    void readsAStoredPropertyWithoutATransactionOfTheCaller() {
        assertThat(store.get("dhis2sync.batchSize")).isEqualTo("250");
        assertThat(store.get("dhis2sync.http.timeoutSeconds")).isNull();
    }

    @Test
    void updatesAnExistingPropertyAndCreatesAMissingOne() {
        store.put("dhis2sync.batchSize", "500");
        store.put("dhis2sync.http.timeoutSeconds", "90");

        assertThat(stored("dhis2sync.batchSize")).isEqualTo("500");
        assertThat(stored("dhis2sync.http.timeoutSeconds")).isEqualTo("90");
        assertThat(store.get("dhis2sync.http.timeoutSeconds")).isEqualTo("90");
    }

    @Test
    void writesInTheCallersTransaction() {
        transactions.executeWithoutResult(status -> {
            store.put("dhis2sync.batchSize", "999");
            status.setRollbackOnly();
        });

        assertThat(stored("dhis2sync.batchSize")).isEqualTo("250");
    }

    @Test
    void reachesNoPropertyButTheModulesOwn() {
        assertThatThrownBy(() -> store.get("security.passwordMinimumLength"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dhis2sync.");
        assertThatThrownBy(() -> store.put("security.passwordMinimumLength", "1"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("dhis2syncX.url", "1")).isInstanceOf(IllegalArgumentException.class);

        assertThat(stored("security.passwordMinimumLength")).isEqualTo("8");
    }
}
