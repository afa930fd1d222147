package io.shortfall.e2e;

import io.shortfall.infra.suite.Suite;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where a running suite is: each service's base URL, Keycloak and GreenMail's REST API. */
public record Endpoints(Map<String, String> services, String keycloakUrl, String mailApiUrl) {

    /** The documented local defaults of `./shortfall up`. */
    public static Endpoints localDefaults() {
        Map<String, String> services = new LinkedHashMap<>();
        int port = 8081;
        for (String module : Suite.SERVICES.keySet()) {
            services.put(module, "http://localhost:" + port++);
        }
        return new Endpoints(services, "http://localhost:" + env("SHORTFALL_KEYCLOAK_PORT", "8180"),
                "http://localhost:" + env("SHORTFALL_MAIL_API_PORT", "8025"));
    }

    public static Endpoints of(Suite suite) {
        Map<String, String> services = new LinkedHashMap<>();
        for (String module : Suite.SERVICES.keySet()) {
            services.put(module, suite.serviceUrl(module));
        }
        return new Endpoints(services, suite.keycloak().url(), suite.mail().apiUrl());
    }

    public String service(String module) {
        String url = services.get(module);
        if (url == null) {
            throw new IllegalArgumentException("no service " + module);
        }
        return url;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
