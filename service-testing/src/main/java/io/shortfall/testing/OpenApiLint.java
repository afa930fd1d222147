package io.shortfall.testing;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lint every service's OpenAPI document passes, applied by {@link ContractValidation} when it first reads a
 * document (so every service's test run fails on a document that breaks it): the document parses as OpenAPI 3.0
 * without a message (swagger-parser: unknown or missing attributes, broken references), and what client teams rely on
 * holds for every {@code /api} operation: a camelCase {@code operationId}, a tag, a success response (2xx) whose JSON
 * body has a schema, every 4xx and 5xx answered as {@code application/problem+json}; no property anywhere typed
 * {@code number} (amounts, prices and ratios are strings); no schema named with a number added to tell two classes of
 * one name apart; an example on every JSON request body and success answer, and every example in the document valid
 * against its schema (swagger-request-validator's schema validator, as the contract tests use).
 */
public final class OpenApiLint {

    /**
     * What is wrong with {@code document}; empty when nothing is. {@code examplesRequired} is false only while the
     * examples are being recorded (an operation new to the document has none yet).
     */
    public static List<String> problems(String document, boolean examplesRequired) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> problems = new ArrayList<>();
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(m -> problems.add("parser: " + m));
        }
        OpenAPI api = parsed.getOpenAPI();
        if (api == null) {
            problems.add("not an OpenAPI document");
            return problems;
        }
        if (!api.getOpenapi().startsWith("3.0.")) {
            problems.add("openapi " + api.getOpenapi() + ", not 3.0.x");
        }
        if (api.getServers() == null || api.getServers().isEmpty()) {
            problems.add("no servers");
        }
        api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> check(method + " " + path, operation, problems));
        });
        examples(document, examplesRequired, problems);
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, schema) -> {
                noNumbers("#/components/schemas/" + name, schema, problems);
                // SmallRye names the second of two classes with one simple name "Name1": a client team gets a
                // ReasonRequest1 beside a ReasonRequest. One class, or distinct names.
                if (name.matches(".*[A-Za-z][0-9]+")) {
                    problems.add("#/components/schemas/" + name + ": a numbered name (two schemas of one name)");
                }
            });
        }
        return problems;
    }

    private static void check(String where, Operation operation, List<String> problems) {
        if (operation.getOperationId() == null || !operation.getOperationId().matches("[a-z][A-Za-z0-9]*")) {
            problems.add(where + ": operationId " + operation.getOperationId() + " is not camelCase");
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            problems.add(where + ": no tag");
        }
        Map<String, ApiResponse> responses = operation.getResponses();
        if (responses == null || responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
            problems.add(where + ": no success response");
            return;
        }
        responses.forEach((status, response) -> {
            var content = response.getContent();
            if (status.startsWith("2") && !status.equals("204")) {
                if (content == null || content.isEmpty()) {
                    problems.add(where + ": " + status + " has no body");
                } else {
                    content.forEach((type, media) -> {
                        if (media.getSchema() == null) {
                            problems.add(where + ": " + status + " " + type + " has no schema");
                        }
                    });
                }
            }
            if ((status.startsWith("4") || status.startsWith("5"))
                    && (content == null || !content.containsKey("application/problem+json"))) {
                problems.add(where + ": " + status + " is not application/problem+json");
            }
        });
    }

    /** Every JSON request body and success answer of an {@code /api} operation has an example; every example is valid. */
    private static void examples(String document, boolean required, List<String> problems) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            String where = method + " " + path;
            if (operation.getRequestBody() != null) {
                example(where + " request", operation.getRequestBody().getContent(), required, validator, problems);
            }
            operation.getResponses().forEach((status, response) -> example(where + " " + status,
                    response.getContent(), required && status.startsWith("2"), validator, problems));
        }));
    }

    private static void example(String where, Content content, boolean required, SchemaValidator validator,
                                List<String> problems) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (!type.endsWith("json")) {
                return;
            }
            if (media.getExample() == null) {
                if (required) {
                    problems.add(where + " " + type + ": no example");
                }
                return;
            }
            ValidationReport report = validator.validate(json(media), media.getSchema(), "example");
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> problems.add(where + " " + type + ": the example is wrong: " + m.getMessage()));
        });
    }

    private static String json(MediaType media) {
        try {
            return Json.mapper().writeValueAsString(media.getExample());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("rawtypes")
    private static void noNumbers(String where, Schema schema, List<String> problems) {
        if (schema == null) {
            return;
        }
        if ("number".equals(schema.getType())) {
            problems.add(where + " is typed number: amounts, prices and ratios are strings");
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).forEach((name, property) ->
                    noNumbers(where + "/" + name, property, problems));
        }
        if (schema.getItems() != null) {
            noNumbers(where + "/items", schema.getItems(), problems);
        }
    }

    private OpenApiLint() {
    }
}
