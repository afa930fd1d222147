package io.shortfall.kit.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents every error an {@code /api} operation may answer, as the services answer it: an
 * {@code application/problem+json} body (RFC 9457) of the {@code Problem} schema, whose {@code type} is
 * {@code urn:shortfall:problem:<slug>}. 400, 401 and 403 on every operation; 404 where the path names a resource;
 * 409 and 422 where the operation changes something (409 also where a read declares it with an
 * {@code @APIResponse}); 413 and 415 where it takes a body. An operation's own
 * description says which slugs it answers; its examples ({@link OperationExamples}) show some. Registered with {@code mp.openapi.filter}, so the documents written at
 * build time carry it too.
 */
public class ProblemResponses implements OASFilter {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        // resteasy-problem's own schemas: every error answer is documented as Problem instead
        components.removeSchema("HttpProblem");
        components.removeSchema("HttpValidationProblem");
        NullableProperties.apply(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api")) {
                item.getOperations().forEach((method, operation) -> document(path, method, operation));
            }
        });
        OperationExamples.apply(openAPI);
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Bad input: `violations` names each field, header or parameter that is missing or wrong");
        errors.put("401", "No bearer token, or one that is invalid, expired or not issued for Shortfall");
        errors.put("403", "The caller's roles do not allow this");
        if (path.contains("{")) {
            errors.put("404", "No such resource, or not the caller's to see");
        }
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (changes || declares(operation, "409")) {
            errors.put("409", "The resource's state refuses it now, or a simultaneous change won (`type` says which)");
        }
        if (changes) {
            errors.put("422", "A business rule refuses it (`type` and `detail` say which and why)");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "The body is larger than 64 KB");
            errors.put("415", "The body is not application/json");
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        errors.forEach((status, description) -> {
            var declared = responses.getAPIResponse(status);
            if (declared == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(problemContent()));
            } else {
                // generated without a body (security's 401 and 403, validation's 400) or with resteasy-problem's
                // own schema: the body is the problem every service answers
                if (declared.getContent() == null || declared.getContent().getMediaTypes() == null
                        || declared.getContent().getMediaTypes().isEmpty()) {
                    declared.description(description);
                }
                declared.content(problemContent());
            }
        });
        operation.setResponses(responses);
    }

    /** Whether the operation declares {@code status} itself (an {@code @APIResponse} without a body). */
    private static boolean declares(Operation operation, String status) {
        return operation.getResponses() != null && operation.getResponses().getAPIResponse(status) != null;
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("the body field (a JSON path such as `terms.amount`), header or parameter"))
                .addProperty("in", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("where it is: `body`, `query`, `path` or `header`"))
                .addProperty("message", text);
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An error, as RFC 9457 problem details. `type` is `urn:shortfall:problem:<slug>` "
                        + "(for example `not-found`, `concurrent-change`, `insufficient-balance`); `status` is the "
                        + "HTTP status; `violations` lists what is wrong in a 400.")
                .addRequired("type").addRequired("status")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .format("uri").pattern("^urn:shortfall:problem:[a-z0-9-]+$")
                        .examples(List.of("urn:shortfall:problem:not-found")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(violation))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("In a 400 for a value that could not be read at all (`\"abc\"` as an "
                                + "amount): the body field it was given for, when `violations` is absent"))
                // RFC 9457: a problem may carry extension members; a client ignores those it does not know
                .additionalPropertiesBoolean(Boolean.TRUE);
    }
}
