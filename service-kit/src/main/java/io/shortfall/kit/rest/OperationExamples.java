package io.shortfall.kit.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Puts an example on each operation of a service's document: the request body it takes and each answer it gives
 * (its success, and the problems it was seen to answer), from the service's {@code openapi-examples.json}. Those are
 * exchanges the service's own tests made, recorded (service-testing's {@code ExampleRecorder}) and read by a person;
 * every example in a document is checked against its schema by the lint the tests run, so an example cannot drift
 * from what the service accepts and answers.
 *
 * <p>The file maps an {@code operationId} to statuses, each to {@code {"request": ..., "response": ...}}.
 */
final class OperationExamples {

    static final String FILE = "openapi-examples.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a status of an operation was seen to take and answer. */
    record Exchange(Object request, Object response) {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Map<String, Exchange>> examples = read();
        if (examples.isEmpty() || openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            Map<String, Exchange> byStatus = examples.get(operation.getOperationId());
            if (byStatus != null) {
                byStatus.forEach((status, exchange) -> apply(operation, status, exchange));
            }
        }));
    }

    private static void apply(Operation operation, String status, Exchange exchange) {
        if (exchange.request() != null && operation.getRequestBody() != null) {
            json(operation.getRequestBody().getContent(), exchange.request());
        }
        APIResponse response = operation.getResponses() == null ? null
                : operation.getResponses().getAPIResponse(status);
        if (response != null && exchange.response() != null) {
            json(response.getContent(), exchange.response());
        }
    }

    /** On the content's JSON media type (application/json or application/problem+json), if it has one. */
    private static void json(Content content, Object example) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> media : content.getMediaTypes().entrySet()) {
            if (media.getKey().endsWith("json")) {
                media.getValue().setExample(example);
            }
        }
    }

    private static Map<String, Map<String, Exchange>> read() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader == null ? OperationExamples.class.getClassLoader() : loader)
                .getResourceAsStream(FILE)) {
            return in == null ? Map.of() : JSON.readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    private OperationExamples() {
    }
}
