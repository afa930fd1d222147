package io.shortfall.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Contract tests for free: every REST Assured call a service's tests make to its {@code /api} is checked against the
 * service's own OpenAPI document ({@code /q/openapi}, as clients get it) with Atlassian's swagger-request-validator.
 * A response the document does not describe (an undocumented status, a field of the wrong type, money as a JSON
 * number, a missing required field, an undocumented content type) fails the test that received it. Requests are not
 * checked: the tests send hostile input on purpose, and what the service answers to it is what is checked.
 *
 * <p>Installed before each {@code @QuarkusTest} method (a {@link QuarkusTestBeforeEachCallback}, registered in
 * {@code META-INF/services}), inside the test's class loader where its REST Assured lives. The document itself must
 * first pass {@link OpenApiLint}.
 */
public final class ContractValidation implements Filter, QuarkusTestBeforeEachCallback {

    private static final Map<String, OpenApiValidationFilter> BY_SERVICE = new ConcurrentHashMap<>();
    private static final Map<String, ExampleRecorder> RECORDERS = new ConcurrentHashMap<>();
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof ContractValidation)) {
            RestAssured.filters(new ContractValidation());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        URI uri = URI.create(request.getURI());
        if (uri.getPath() == null || !uri.getPath().startsWith("/api/")) {
            return context.next(request, response);
        }
        String service = uri.getScheme() + "://" + uri.getAuthority();
        Response answer = BY_SERVICE.computeIfAbsent(service, ContractValidation::validatorOf)
                .filter(request, response, context);
        if (ExampleRecorder.ON) {
            Object body = request.getBody();
            RECORDERS.computeIfAbsent(service, s -> new ExampleRecorder(document(s))).record(request.getMethod(),
                    uri.getPath(), body, answer.statusCode(), answer.contentType(),
                    answer.asString());
        }
        return answer;
    }

    private static OpenApiValidationFilter validatorOf(String service) {
        String document = document(service);
        java.util.List<String> lint = OpenApiLint.problems(document, !ExampleRecorder.ON);
        if (!lint.isEmpty()) {
            throw new AssertionError(service + "/q/openapi fails the lint:\n  " + String.join("\n  ", lint));
        }
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /** The service's document, read once. */
    private static String document(String service) {
        return DOCUMENTS.computeIfAbsent(service, ContractValidation::documentOf);
    }

    private static String documentOf(String service) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/q/openapi?format=json"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(service + "/q/openapi answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + service + "/q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
