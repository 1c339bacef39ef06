package org.openmrs.module.dhis2sync.settings.openmrs;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openmrs.GlobalProperty;
import org.openmrs.module.dhis2sync.settings.GlobalPropertyStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module's global properties read and written as OpenMRS's own DAO does (the {@link GlobalProperty} entity in
 * OpenMRS's Hibernate session, so its second-level cache stays right), without {@code AdministrationService}: since
 * OpenMRS 2.6.11 reading a global property through it needs "Get Global Properties" and since 2.6.17/2.7.0 saving
 * one "Manage Global Properties", privileges that would let a settings user read and change every property of the
 * installation. Only properties named {@value GlobalPropertyStore#PREFIX}... are reachable here.
 */
public class HibernateGlobalPropertyStore implements GlobalPropertyStore {

    private final SessionFactory sessionFactory;
    private final TransactionTemplate transactions;

    /** @param transactions a template that joins the caller's transaction (PROPAGATION_REQUIRED) */
    public HibernateGlobalPropertyStore(SessionFactory sessionFactory, TransactionTemplate transactions) {
        this.sessionFactory = sessionFactory;
        this.transactions = transactions;
    }

    @Override
    public String get(String name) {
        requireOwn(name);
        return transactions.execute(status -> {
            GlobalProperty property = session().get(GlobalProperty.class, name);
            return property == null ? null : property.getPropertyValue();
        });
    }

    @Override
    public void put(String name, String value) {
        requireOwn(name);
        transactions.executeWithoutResult(status -> {
            Session session = session();
            GlobalProperty property = session.get(GlobalProperty.class, name);
            if (property == null) {
                session.save(new GlobalProperty(name, value));
            } else {
                property.setPropertyValue(value);
                session.update(property);
            }
        });
    }

    private Session session() {
        return sessionFactory.getCurrentSession();
    }

    private static void requireOwn(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("only the module's own global properties (" + PREFIX
                + "...) are read or written here, not '" + name + "'");
        }
    }
}
