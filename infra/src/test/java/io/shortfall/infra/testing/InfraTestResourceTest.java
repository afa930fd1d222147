package io.shortfall.infra.testing;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfraTestResourceTest {

    @Test
    void givesQuarkusARealDatabaseAndBroker() throws Exception {
        InfraTestResource resource = new InfraTestResource();
        resource.init(Map.of("database", "loan"));
        Map<String, String> config = resource.start();
        try {
            assertEquals(Set5.KEYS, config.keySet());
            assertEquals("shortfall", config.get("quarkus.datasource.username"));
            assertEquals(config.get("quarkus.datasource.jdbc.url"), InfraTestResource.jdbcUrl());
            assertTrue(InfraTestResource.jdbcUrl().endsWith("/loan"));
            assertEquals("postgresql" + InfraTestResource.jdbcUrl().substring("jdbc:postgresql".length()),
                    config.get("quarkus.datasource.reactive.url"));
            assertEquals(config.get("kafka.bootstrap.servers"), InfraTestResource.bootstrapServers());

            try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
                assertTrue(rs.next());
                assertEquals("loan", rs.getString(1));
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", InfraTestResource.bootstrapServers()))) {
                assertFalse(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty());
            }
        } finally {
            resource.stop();
        }
        assertThrows(IllegalStateException.class, InfraTestResource::bootstrapServers);
    }

    private static final class Set5 {
        static final java.util.Set<String> KEYS = java.util.Set.of(
                "quarkus.datasource.username", "quarkus.datasource.password", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.reactive.url", "kafka.bootstrap.servers");
    }
}
