package io.shortfall.infra.suite;

import io.shortfall.infra.FreePorts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ports and repository root of a suite run.
 *
 * @param servicePorts module name (e.g. {@code loan-service}) to HTTP port, in start order
 * @param repoRoot     holds {@code <module>/target/quarkus-app/quarkus-run.jar} for each service (made absolute)
 */
public record SuiteConfig(int postgresPort, int kafkaPort, int smtpPort, int mailApiPort, int keycloakPort,
                          Map<String, Integer> servicePorts, Path repoRoot) {

    public SuiteConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        servicePorts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(servicePorts));
        for (String module : servicePorts.keySet()) {
            if (!Suite.SERVICES.containsKey(module)) {
                throw new IllegalArgumentException("unknown service " + module + "; known: " + Suite.SERVICES.keySet());
            }
        }
    }

    /**
     * The well-known local ports: PostgreSQL 5432, Kafka 9092, SMTP 3025, GreenMail API 8025,
     * Keycloak 8180, services 8081..8085; each infra port can be overridden by env
     * SHORTFALL_PG_PORT, SHORTFALL_KAFKA_PORT, SHORTFALL_SMTP_PORT, SHORTFALL_MAIL_API_PORT,
     * SHORTFALL_KEYCLOAK_PORT.
     */
    public static SuiteConfig defaults(Path repoRoot) {
        Map<String, Integer> services = new LinkedHashMap<>();
        int port = 8081;
        for (String module : Suite.SERVICES.keySet()) {
            services.put(module, port++);
        }
        return new SuiteConfig(
                env("SHORTFALL_PG_PORT", 5432),
                env("SHORTFALL_KAFKA_PORT", 9092),
                env("SHORTFALL_SMTP_PORT", 3025),
                env("SHORTFALL_MAIL_API_PORT", 8025),
                env("SHORTFALL_KEYCLOAK_PORT", 8180),
                services, repoRoot);
    }

    /** Every port free and different: for tests that must not clash with a running suite. */
    public static SuiteConfig ephemeral(Path repoRoot) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String module : Suite.SERVICES.keySet()) {
            services.put(module, distinct(used));
        }
        return new SuiteConfig(distinct(used), distinct(used), distinct(used), distinct(used), distinct(used),
                services, repoRoot);
    }

    private static int distinct(java.util.Set<Integer> used) {
        while (true) {
            int p = FreePorts.find();
            if (used.add(p)) {
                return p;
            }
        }
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int p = Integer.parseInt(v.trim());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a TCP port");
        }
    }
}
