package io.shortfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every operation of a service's own OpenAPI document ({@code /q/openapi}) called with hostile input, as an attacker
 * or a careless client would: each body field missing its value, of every wrong JSON type, oversized, with control
 * characters, given twice; bodies that are not JSON, not an object, too large or of another media type; path and
 * query parameters malformed, overflowing, oversized or with control characters; methods the path does not have;
 * no token. The caller has every role, so authorization lets each request through to the input it carries.
 *
 * <p>What must hold for every answer: no 5xx; every 4xx an {@code application/problem+json} whose {@code type} is
 * a {@code urn:shortfall:problem:} and whose {@code status} is the response's; and a request carrying a bad value
 * is refused (4xx), never accepted. Each operation is one dynamic test listing every request that broke a rule.
 */
public final class HostileInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String CONTROL = "a\u0000b";
    private static final String PROBLEM = "urn:shortfall:problem:";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String token;
    /** Text fields of request bodies the document gives no {@code maxLength}. */
    private final List<String> unbounded = new ArrayList<>();
    private int requests;

    private HostileInput(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The tests of the service under test (RestAssured's base URI and port, as {@code @QuarkusTest} sets them). */
    public static Stream<DynamicTest> everyOperation() {
        HostileInput run = new HostileInput(RestAssured.baseURI + ":" + RestAssured.port,
                Tokens.of("hostile-" + UUID.randomUUID(), "borrower", "agent", "supervisor", "operator"));
        JsonNode document = run.document();
        List<DynamicTest> tests = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            Set<String> declared = new java.util.HashSet<>();
            path.getValue().fields().forEachRemaining(operation -> {
                if (!METHODS.contains(operation.getKey())) {
                    return;
                }
                declared.add(operation.getKey());
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                tests.add(DynamicTest.dynamicTest(name,
                        () -> run.check(name, run.attacks(document, path.getKey(), operation.getKey(),
                                operation.getValue()))));
            });
            String name = "other methods on " + path.getKey();
            tests.add(DynamicTest.dynamicTest(name, () -> run.check(name, run.otherMethods(path.getKey(), declared))));
        });
        tests.add(DynamicTest.dynamicTest("paths the service does not have", () -> run.check("unknown paths", List.of(
                new Attack("GET /api/no-such-thing", run.request("get", "/api/no-such-thing", null, null, true), true),
                new Attack("POST /no-such-thing", run.request("post", "/no-such-thing", "{}", "application/json", true),
                        true),
                new Attack("a 10,000-character URI", run.request("get", "/api/" + "x".repeat(10_000), null, null,
                        true), true),
                new Attack("20 KB of headers", run.request("get", "/api/no-such-thing", null, null, true)
                        .header("X-Padding", "x".repeat(20_000)), true)))));
        tests.add(DynamicTest.dynamicTest("every text field of a request body has a maxLength", () -> {
            if (!run.unbounded.isEmpty()) {
                fail("text without a maxLength in the OpenAPI document: " + run.unbounded);
            }
        }));
        tests.add(DynamicTest.dynamicTest("the service is ready after it all", () -> {
            HttpResponse<String> ready = run.send(HttpRequest.newBuilder(URI.create(run.base + "/q/health/ready")).GET());
            if (ready.statusCode() != 200) {
                fail("not ready after " + run.requests + " hostile requests: " + ready.body());
            }
        }));
        return tests.stream();
    }

    /** One request and what its answer must be: refused (any 4xx), or refused as invalid input (400 or 413). */
    private record Attack(String what, HttpRequest.Builder request, boolean mustRefuse, boolean invalid) {
        Attack(String what, HttpRequest.Builder request, boolean mustRefuse) {
            this(what, request, mustRefuse, false);
        }
    }

    private JsonNode document() {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).GET()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Attack> attacks(JsonNode document, String path, String method, JsonNode operation) {
        List<Attack> attacks = new ArrayList<>();
        Map<String, JsonNode> pathParameters = new LinkedHashMap<>();
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        List<String> headerParameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode schema = resolve(document, parameter.path("schema"));
            switch (parameter.path("in").asText()) {
                case "path" -> pathParameters.put(parameter.path("name").asText(), schema);
                case "query" -> queryParameters.put(parameter.path("name").asText(), schema);
                case "header" -> headerParameters.add(parameter.path("name").asText());
                default -> { }
            }
        }
        JsonNode bodySchema = resolve(document, operation.path("requestBody").path("content")
                .path("application/json").path("schema"));
        boolean hasBody = !bodySchema.isMissingNode();
        ObjectNode body = hasBody ? plausibleObject(document, bodySchema) : null;
        String plainPath = fill(path, pathParameters, null, null);

        attacks.add(new Attack("no token", request(method, plainPath, hasBody ? body.toString() : null,
                "application/json", false), true));
        for (Map.Entry<String, JsonNode> parameter : pathParameters.entrySet()) {
            for (String value : badPathValues(parameter.getValue())) {
                attacks.add(new Attack("path " + parameter.getKey() + "=" + abbreviate(value),
                        request(method, fill(path, pathParameters, parameter.getKey(), value),
                                hasBody ? body.toString() : null, "application/json", true), true));
            }
        }
        for (Map.Entry<String, JsonNode> parameter : queryParameters.entrySet()) {
            for (String value : badQueryValues(parameter.getValue())) {
                String uri = plainPath + "?" + parameter.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                attacks.add(new Attack("query " + parameter.getKey() + "=" + abbreviate(value),
                        request(method, uri, hasBody ? body.toString() : null, "application/json", true), true));
            }
        }
        for (String header : headerParameters) {
            attacks.add(new Attack("header " + header + " of 300 characters", request(method, plainPath,
                    hasBody ? body.toString() : null, "application/json", true).setHeader(header, "x".repeat(300)),
                    true));
        }
        attacks.add(new Attack("Accept: application/xml", request(method, plainPath,
                hasBody ? body.toString() : null, "application/json", true).header("Accept", "application/xml"), false));
        if (!hasBody) {
            return attacks;
        }
        attacks.add(new Attack("invalid JSON", request(method, plainPath, "{\"a\":", "application/json", true), true));
        attacks.add(new Attack("trailing content", request(method, plainPath, body + " {}", "application/json", true), true));
        for (String notAnObject : List.of("[]", "\"text\"", "1", "true", "null")) {
            attacks.add(new Attack("body " + notAnObject, request(method, plainPath, notAnObject, "application/json",
                    true), !notAnObject.equals("null")));
        }
        attacks.add(new Attack("as text/plain", request(method, plainPath, body.toString(), "text/plain", true), true));
        attacks.add(new Attack("as application/xml", request(method, plainPath, "<a/>", "application/xml", true), true));
        attacks.add(new Attack("a 200 KB body", request(method, plainPath,
                "{\"x\":\"" + "x".repeat(200_000) + "\"}", "application/json", true), true));
        JsonNode properties = bodySchema.path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            JsonNode schema = resolve(document, properties.path(field));
            if (isFreeText(schema) && !schema.has("maxLength")) {
                unbounded.add(method.toUpperCase() + " " + path + ": " + field);
            }
            for (Map.Entry<String, String> bad : badBodyValues(schema).entrySet()) {
                String mutated = body.deepCopy().put(field, "\u0001MARK\u0001").toString()
                        .replace("\"\\u0001MARK\\u0001\"", bad.getValue());
                attacks.add(new Attack(field + ": " + bad.getKey(),
                        request(method, plainPath, mutated, "application/json", true), true, true));
            }
            attacks.add(new Attack(field + ": null", request(method, plainPath,
                    body.deepCopy().putNull(field).toString(), "application/json", true), false));
            String duplicated = body.toString().replaceFirst("^\\{", "{\"" + field + "\":"
                    + plausible(document, schema) + ",");
            attacks.add(new Attack(field + " given twice", request(method, plainPath, duplicated, "application/json",
                    true), true));
        }
        return attacks;
    }

    private List<Attack> otherMethods(String path, Set<String> declared) {
        List<Attack> attacks = new ArrayList<>();
        String plainPath = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        for (String method : METHODS) {
            if (!declared.contains(method)) {
                attacks.add(new Attack(method.toUpperCase(), request(method, plainPath,
                        Set.of("post", "put", "patch").contains(method) ? "{}" : null, "application/json", true), true));
            }
        }
        return attacks;
    }

    private void check(String operation, List<Attack> attacks) {
        List<String> broken = new ArrayList<>();
        for (Attack attack : attacks) {
            HttpResponse<String> response = send(attack.request());
            String wrong = judge(attack, response);
            if (wrong != null) {
                broken.add(attack.what() + " -> " + response.statusCode() + " " + wrong + ": "
                        + abbreviate(response.body()));
            }
        }
        System.out.printf("hostile input: %s: %d requests, %d answered wrongly%n", operation, attacks.size(),
                broken.size());
        if (!broken.isEmpty()) {
            fail(operation + ": " + broken.size() + " of " + attacks.size() + " hostile requests answered wrongly:\n  "
                    + String.join("\n  ", broken));
        }
    }

    /** What is wrong with the answer, or null. */
    private static String judge(Attack attack, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return attack.mustRefuse() ? "accepted" : null;
        }
        if (attack.invalid() && status != 400 && status != 413) {
            return "not refused as invalid input (400)";
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not problem+json (" + type + ")";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("type").asText().startsWith(PROBLEM)) {
                return "a problem without a urn:shortfall:problem type";
            }
            if (problem.path("status").asInt() != status) {
                return "a problem whose status is " + problem.path("status");
            }
        } catch (IOException e) {
            return "an unreadable problem";
        }
        return null;
    }

    private HttpRequest.Builder request(String method, String pathAndQuery, String body, String contentType,
                                        boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(java.time.Duration.ofSeconds(20))
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Idempotency-Key", UUID.randomUUID().toString());
        if (authenticated) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        requests++;
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the service dropped the connection: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A text people or clients write freely: not a date, a UUID, a decimal or one of a fixed set of values. */
    private static boolean isFreeText(JsonNode schema) {
        return "string".equals(schema.path("type").asText()) && !schema.has("enum")
                && !Set.of("date", "date-time", "uuid", "decimal").contains(schema.path("format").asText());
    }

    private static String fill(String path, Map<String, JsonNode> parameters, String bad, String badValue) {
        String filled = path;
        for (Map.Entry<String, JsonNode> parameter : parameters.entrySet()) {
            String value = parameter.getKey().equals(bad) ? encodePath(badValue) : plainPathValue(parameter.getValue());
            filled = filled.replace("{" + parameter.getKey() + "}", value);
        }
        return filled.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String plainPathValue(JsonNode schema) {
        return "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString()
                : schema.has("enum") ? schema.path("enum").get(0).asText() : "BTC";
    }

    private static List<String> badPathValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of(CONTROL, "x".repeat(300), "%"));
        if ("uuid".equals(schema.path("format").asText())) {
            values.add("not-a-uuid");
        }
        return values;
    }

    private static List<String> badQueryValues(JsonNode schema) {
        String type = schema.path("type").asText();
        if (type.equals("integer")) {
            return List.of("2147483647", "-1", "99999999999", "1.5", "x");
        }
        List<String> values = new ArrayList<>(List.of(CONTROL, "x".repeat(300)));
        if ("uuid".equals(schema.path("format").asText())) {
            values.add("not-a-uuid");
        }
        if (schema.has("enum")) {
            values.add("NOT_A_VALUE");
        }
        return values;
    }

    /** Wrong values for a body field of {@code schema}, by what they are, as JSON text. */
    private static Map<String, String> badBodyValues(JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        bad.put("an object", "{}");
        bad.put("an array", "[]");
        switch ("decimal".equals(format) ? "number" : type) {
            case "boolean" -> {
                bad.put("1", "1");
                bad.put("\"true\"", "\"true\"");
            }
            case "integer" -> {
                bad.put("1.5", "1.5");
                bad.put("\"1\"", "\"1\"");
                bad.put("true", "true");
                bad.put("2^63", "9223372036854775808");
                bad.put("a 70-digit number", "1" + "0".repeat(69));
            }
            case "number" -> {
                bad.put("a JSON number", "1.5");
                bad.put("true", "true");
                bad.put("\"+1\"", "\"+1\"");
                bad.put("\"1e5\"", "\"1e5\"");
                bad.put("\"NaN\"", "\"NaN\"");
                bad.put("a 60-digit decimal", "\"" + "9".repeat(60) + "\"");
                bad.put("control characters", "\"1\\u0000\"");
            }
            default -> {
                bad.put("true", "true");
                bad.put("1", "1");
                bad.put("control characters", "\"a\\u0000b\\u001b\"");
                bad.put("100,001 characters", "\"" + "x".repeat(100_001) + "\"");
                if (schema.has("maxLength")) {
                    bad.put("maxLength + 1 characters", "\"" + "x".repeat(schema.path("maxLength").asInt() + 1) + "\"");
                }
                if ("date".equals(format)) {
                    bad.put("a number", "20261231");
                    bad.put("+5874898-01-01", "\"+5874898-01-01\"");
                    bad.put("2026-02-30", "\"2026-02-30\"");
                }
                if (schema.has("enum")) {
                    bad.put("not one of the values", "\"NOT_A_VALUE\"");
                }
            }
        }
        return bad;
    }

    private static ObjectNode plausibleObject(JsonNode document, JsonNode schema) {
        ObjectNode object = NODES.objectNode();
        JsonNode properties = schema.path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            try {
                object.set(field, JSON.readTree(plausible(document, resolve(document, properties.path(field)))));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return object;
    }

    /** A value of the field's own type (not necessarily one the operation accepts), as JSON text. */
    private static String plausible(JsonNode document, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).toString();
        }
        return switch ("decimal".equals(schema.path("format").asText()) ? "number" : schema.path("type").asText()) {
            case "boolean" -> "true";
            case "integer" -> "1";
            case "number" -> "\"1.00\"";
            case "object" -> plausibleObject(document, schema).toString();
            case "array" -> "[]";
            default -> switch (schema.path("format").asText()) {
                case "date" -> "\"2030-01-01\"";
                case "date-time" -> "\"2030-01-01T00:00:00Z\"";
                case "uuid" -> "\"" + UUID.randomUUID() + "\"";
                default -> "\"x\"";
            };
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        for (int depth = 0; depth < 10 && resolved.has("$ref"); depth++) {
            String ref = resolved.path("$ref").asText();
            resolved = document.at(ref.substring(1));
        }
        if (resolved.has("allOf") && resolved.path("allOf").size() == 1) {
            return resolve(document, resolved.path("allOf").get(0));
        }
        return resolved;
    }

    private static String abbreviate(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 160 ? shown.substring(0, 160) + "..." : shown;
    }
}
