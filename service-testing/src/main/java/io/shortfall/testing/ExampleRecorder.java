package io.shortfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Records, from the exchanges a service's tests make, one real example per operation and status for its OpenAPI
 * document: the request body and the answer of each {@code /api} operation, arrays cut to two items. Runs only when
 * the environment asks for it ({@code SHORTFALL_RECORD_EXAMPLES=1 ./mvnw verify -pl <service>}); writes
 * {@code target/openapi-examples.json}, which a person reads before it replaces the service's
 * {@code src/main/resources/openapi-examples.json} (the examples the documents carry, checked by {@link OpenApiLint}).
 * Of the answers seen, it keeps the fullest that stays short.
 */
final class ExampleRecorder {

    static final boolean ON = "1".equals(System.getenv("SHORTFALL_RECORD_EXAMPLES"));
    private static final int SHORT = 2_500;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path FILE = Path.of("target", "openapi-examples.json");

    private record Route(String method, Pattern path, int parameters, String operationId) {
    }

    private final List<Route> routes = new ArrayList<>();
    /** operationId → status → {request, response}. */
    private final Map<String, Map<String, ObjectNode>> kept = new TreeMap<>();

    ExampleRecorder(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        OpenAPI api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            int parameters = path.split("\\{", -1).length - 1;
            String regex = "^" + path.replaceAll("\\{[^}]+}", "[^/]+") + "$";
            routes.add(new Route(method.name(), Pattern.compile(regex), parameters, operation.getOperationId()));
        }));
    }

    synchronized void record(String method, String path, Object requestBody, int status, String contentType,
                             String responseBody) {
        if (contentType == null || !contentType.contains("json")) {
            return;
        }
        String operationId = routes.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().matcher(path).matches())
                .min((a, b) -> Integer.compare(a.parameters(), b.parameters()))
                .map(Route::operationId).orElse(null);
        if (operationId == null) {
            return;
        }
        ObjectNode example = JSON.createObjectNode();
        JsonNode request = parse(requestBody);
        JsonNode response = parse(responseBody);
        if (response == null) {
            return;
        }
        if (request != null && status < 300) {
            example.set("request", cut(request));
        }
        example.set("response", cut(response));
        Map<String, ObjectNode> byStatus = kept.computeIfAbsent(operationId, id -> new TreeMap<>());
        ObjectNode before = byStatus.get(String.valueOf(status));
        if (before == null || better(example, before)) {
            byStatus.put(String.valueOf(status), example);
            write();
        }
    }

    /** The fuller of two short examples; of two long ones, the shorter. */
    private static boolean better(ObjectNode candidate, ObjectNode kept) {
        int c = candidate.toString().length();
        int k = kept.toString().length();
        if (c <= SHORT && k <= SHORT) {
            return c > k;
        }
        return c < k;
    }

    private static JsonNode parse(Object body) {
        try {
            if (body instanceof byte[] bytes) {
                return bytes.length == 0 ? null : JSON.readTree(bytes);
            }
            if (body instanceof String text) {
                return text.isBlank() ? null : JSON.readTree(text);
            }
            return body == null ? null : JSON.valueToTree(body);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode cut(JsonNode node) {
        if (node instanceof ArrayNode array) {
            ArrayNode shorter = JSON.createArrayNode();
            for (int i = 0; i < Math.min(2, array.size()); i++) {
                shorter.add(cut(array.get(i)));
            }
            return shorter;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), cut(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    private void write() {
        try {
            Files.createDirectories(FILE.getParent());
            JSON.writeValue(FILE.toFile(), kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
