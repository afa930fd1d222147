package io.shortfall.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A client of the suite's HTTP APIs, as a mobile app or an operator's script would be. */
public final class Api {

    /** One HTTP answer: status and JSON body (null when empty or not JSON). */
    public record Reply(int status, JsonNode body, String raw) {
        public Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected HTTP " + expected + " but got " + status + ": " + raw);
            }
            return this;
        }
    }

    private static final ObjectMapper JSON = EventJson.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Endpoints endpoints;

    public Api(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** An access token from Keycloak's password grant on the public client {@code shortfall-app}. */
    public String token(String username, String password) {
        return token(endpoints.keycloakUrl(), "shortfall-app", username, password);
    }

    /**
     * An access token from Keycloak at {@code keycloakUrl} (e.g. reached by another host name), by the password
     * grant on client {@code clientId} of the realm (e.g. Keycloak's own {@code admin-cli}).
     */
    public String token(String keycloakUrl, String clientId, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username,
                        "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Reply reply = send(HttpRequest.newBuilder(URI.create(keycloakUrl
                        + "/realms/shortfall/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).expect(200);
        return reply.body().get("access_token").asText();
    }

    public Reply get(String service, String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(endpoints.service(service) + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A POST with a JSON body and a fresh Idempotency-Key. */
    public Reply post(String service, String path, String token, Object body) {
        return post(service, path, token, body, UUID.randomUUID().toString());
    }

    public Reply post(String service, String path, String token, Object body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(URI.create(endpoints.service(service) + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** GreenMail's REST API: every message in a mailbox (none while nothing was ever sent to it). */
    public JsonNode mailbox(String email) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(endpoints.mailApiUrl() + "/api/user/"
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/")).GET());
        if (reply.status() == 400 && reply.raw().contains("not found")) {
            return JSON.createArrayNode();
        }
        return reply.expect(200).body();
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
