package io.shortfall.infra.suite;

import io.shortfall.infra.FreePorts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ports and repository root of a suite run.
 *
 * @param servicePorts module name (e.g. {@code loan-service}) to HTTP port, in start order
 * @param webPort      the web app's HTTP port; 0: the suite does not start it
 * @param repoRoot     holds {@code <module>/target/quarkus-app/quarkus-run.jar} for each service (made absolute)
 */
public record SuiteConfig(int postgresPort, int kafkaPort, int smtpPort, int mailApiPort, int keycloakPort,
                          Map<String, Integer> servicePorts, int webPort, Path repoRoot) {

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
     * SHORTFALL_KEYCLOAK_PORT. The services named in SHORTFALL_WITHOUT (comma-separated, e.g. {@code loan-service})
     * are not started, nor the web app when it names {@code web-app}: a developer runs them (in Quarkus dev mode)
     * against the rest of the suite.
     */
    public static SuiteConfig defaults(Path repoRoot) {
        java.util.Set<String> without = without(System.getenv("SHORTFALL_WITHOUT"));
        Map<String, Integer> services = new LinkedHashMap<>();
        int port = 8081;
        for (String module : Suite.SERVICES.keySet()) {
            if (!without.contains(module)) {
                services.put(module, port);
            }
            port++;
        }
        return new SuiteConfig(
                env("SHORTFALL_PG_PORT", 5432),
                env("SHORTFALL_KAFKA_PORT", 9092),
                env("SHORTFALL_SMTP_PORT", 3025),
                env("SHORTFALL_MAIL_API_PORT", 8025),
                env("SHORTFALL_KEYCLOAK_PORT", 8180),
                services, without.contains(Suite.WEB_APP) ? 0 : env("SHORTFALL_WEB_PORT", 8080), repoRoot);
    }

    /** Every port free and different: for tests that must not clash with a running suite. */
    public static SuiteConfig ephemeral(Path repoRoot) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String module : Suite.SERVICES.keySet()) {
            services.put(module, distinct(used));
        }
        return new SuiteConfig(distinct(used), distinct(used), distinct(used), distinct(used), distinct(used),
                services, distinct(used), repoRoot);
    }

    /** The services a SHORTFALL_WITHOUT value names; an unknown name is refused, naming the known ones. */
    static java.util.Set<String> without(String value) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return names;
        }
        for (String name : value.split(",")) {
            String module = name.trim();
            if (module.isEmpty()) {
                continue;
            }
            if (!Suite.SERVICES.containsKey(module) && !module.equals(Suite.WEB_APP)) {
                throw new IllegalArgumentException("SHORTFALL_WITHOUT names " + module + ", not a service; known: "
                        + Suite.SERVICES.keySet() + " and " + Suite.WEB_APP);
            }
            names.add(module);
        }
        return names;
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
