package io.shortfall.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortfall.events.EventJson;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The suite's APIs through the Java clients generated from the services' OpenAPI documents (module api-clients),
 * set up as a client team would: the base URL of each service, the caller's bearer token on every request, and an
 * ObjectMapper that writes amounts as JSON strings (the documents' {@code Decimal} is {@code type: string, format:
 * decimal}, which the generator maps to BigDecimal; Jackson would write a JSON number, which the services refuse).
 */
public final class Clients {

    private final Endpoints endpoints;
    private final String token;

    public Clients(Endpoints endpoints, String token) {
        this.endpoints = endpoints;
        this.token = token;
    }

    /** A fresh Idempotency-Key, as a client makes one per intended operation. */
    public static String key() {
        return UUID.randomUUID().toString();
    }

    private static ObjectMapper mapper() {
        return EventJson.configure(new ObjectMapper());
    }

    private Consumer<HttpRequest.Builder> bearer() {
        return request -> request.header("Authorization", "Bearer " + token);
    }

    public io.shortfall.client.loan.ApiClient loan() {
        var client = new io.shortfall.client.loan.ApiClient();
        client.updateBaseUri(endpoints.service(CrashScenario.LOAN));
        client.setObjectMapper(mapper());
        client.setRequestInterceptor(bearer());
        return client;
    }

    public io.shortfall.client.debt.ApiClient debt() {
        var client = new io.shortfall.client.debt.ApiClient();
        client.updateBaseUri(endpoints.service(CrashScenario.DEBT));
        client.setObjectMapper(mapper());
        client.setRequestInterceptor(bearer());
        return client;
    }

    public io.shortfall.client.margin.ApiClient margin() {
        var client = new io.shortfall.client.margin.ApiClient();
        client.updateBaseUri(endpoints.service(CrashScenario.MARGIN));
        client.setObjectMapper(mapper());
        client.setRequestInterceptor(bearer());
        return client;
    }

    public io.shortfall.client.liquidation.ApiClient liquidation() {
        var client = new io.shortfall.client.liquidation.ApiClient();
        client.updateBaseUri(endpoints.service(CrashScenario.LIQUIDATION));
        client.setObjectMapper(mapper());
        client.setRequestInterceptor(bearer());
        return client;
    }

    public io.shortfall.client.notification.ApiClient notification() {
        var client = new io.shortfall.client.notification.ApiClient();
        client.updateBaseUri(endpoints.service(CrashScenario.NOTIFICATION));
        client.setObjectMapper(mapper());
        client.setRequestInterceptor(bearer());
        return client;
    }
}
