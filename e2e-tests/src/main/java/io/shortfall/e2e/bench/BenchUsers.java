package io.shortfall.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortfall.events.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The benchmark's borrowers in the local Keycloak: {@code bench-0001} … (password = user name, role borrower, email
 * {@code bench-0001@example.com}), created through Keycloak's admin API when missing, and a token for each.
 */
public final class BenchUsers {

    /** One borrower: name, email and access token. */
    public record Borrower(String username, String email, String token) {
    }

    private static final ObjectMapper JSON = EventJson.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloak;

    public BenchUsers(String keycloakUrl) {
        this.keycloak = keycloakUrl;
    }

    static String name(int i) {
        return "bench-%04d".formatted(i);
    }

    /** Creates the missing ones among the first {@code count} and signs each in; four at a time. */
    public List<Borrower> ensure(int count) throws Exception {
        String admin = form(keycloak + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin")).get("access_token").asText();
        JsonNode borrowerRole = JSON.readTree(send(HttpRequest.newBuilder(URI.create(keycloak
                + "/admin/realms/shortfall/roles/borrower")).header("Authorization", "Bearer " + admin).GET(), 200));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Borrower>> borrowers = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String username = name(i);
                borrowers.add(pool.submit(() -> {
                    create(admin, username, borrowerRole);
                    String token = form(keycloak + "/realms/shortfall/protocol/openid-connect/token", Map.of(
                            "grant_type", "password", "client_id", "shortfall-app", "username", username,
                            "password", username)).get("access_token").asText();
                    return new Borrower(username, username + "@example.com", token);
                }));
            }
            List<Borrower> all = new ArrayList<>();
            for (Future<Borrower> b : borrowers) {
                all.add(b.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private void create(String admin, String username, JsonNode role) throws Exception {
        String user = JSON.writeValueAsString(Map.of("username", username, "enabled", true, "emailVerified", true,
                "email", username + "@example.com", "firstName", "Bench", "lastName", username.substring(6),
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false))));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/admin/realms/shortfall/users")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() == 409) {
            return;                                                              // made by an earlier run
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create " + username + ": " + created.statusCode() + " "
                    + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + JSON.writeValueAsString(role) + "]")), 204);
    }

    private JsonNode form(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200));
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
