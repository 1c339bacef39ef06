package org.openmrs.module.dhis2sync.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenMRS 2.5.14's tables as the tests know them ({@code openmrs-schema/schema.sql}): the one schema the source tests'
 * fixture and the OpenMRS-shaped benchmark create on their database, on H2 (MySQL mode) and MariaDB alike.
 */
public final class OpenmrsSchema {

    private static final String RESOURCE = "/openmrs-schema/schema.sql";

    private OpenmrsSchema() {
    }

    /** Its statements (CREATE TABLE, CREATE INDEX), comments removed, in order. */
    public static List<String> statements() {
        List<String> statements = new ArrayList<>();
        for (String statement : text().replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.trim().isEmpty()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    private static String text() {
        try (InputStream in = OpenmrsSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE.substring(1) + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
