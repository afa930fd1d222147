package io.shortfall.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint every service's document passes: here, its examples (what a client team copies first). */
class OpenApiLintTest {

    /** A one-operation document whose request and answer examples are {@code request} and {@code answer}. */
    private static String document(String request, String answer) {
        return """
                {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
                 "servers": [{"url": "http://localhost:8081"}],
                 "paths": {"/api/payments": {"post": {"operationId": "pay", "tags": ["Payments"],
                   "requestBody": {"content": {"application/json": {
                     "schema": {"$ref": "#/components/schemas/PayRequest"}%s}}},
                   "responses": {"201": {"description": "paid", "content": {"application/json": {
                     "schema": {"$ref": "#/components/schemas/PayRequest"}%s}}}}}}},
                 "components": {"schemas": {"PayRequest": {"type": "object", "required": ["amount"],
                   "properties": {"amount": {"type": "string", "pattern": "^-?[0-9]+(\\\\.[0-9]+)?$"}}}}}}
                """.formatted(request == null ? "" : ", \"example\": " + request,
                answer == null ? "" : ", \"example\": " + answer);
    }

    @Test
    void validExamplesPass() {
        assertThat(OpenApiLint.problems(document("{\"amount\": \"150.00\"}", "{\"amount\": \"150.00\"}"), true))
                .isEmpty();
    }

    @Test
    void anOperationWithoutExamplesIsNamed() {
        assertThat(OpenApiLint.problems(document(null, null), true)).containsExactlyInAnyOrder(
                "POST /api/payments request application/json: no example",
                "POST /api/payments 201 application/json: no example");
        assertThat(OpenApiLint.problems(document(null, null), false)).isEmpty();
    }

    @Test
    void anExampleItsSchemaRefusesIsNamed() {
        assertThat(OpenApiLint.problems(document("{\"amount\": 150.00}", "{\"paid\": \"yes\"}"), true))
                .anySatisfy(p -> assertThat(p).startsWith("POST /api/payments request application/json: "
                        + "the example is wrong"))
                .anySatisfy(p -> assertThat(p).startsWith("POST /api/payments 201 application/json: "
                        + "the example is wrong"));
    }
}
