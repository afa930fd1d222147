package io.shortfall.web.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service answered with an error, or did not answer: its status (0 when unreachable) and what its problem+json
 * said (title, detail and, for a refused field, the field and its message), for a page to show to a person.
 */
public final class ServiceRefused extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();


    private static final String TYPE_PREFIX = "urn:shortfall:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, String> fields;

    ServiceRefused(int status, String type, String title, String detail, Map<String, String> fields, Throwable cause) {
        super(status + " " + title + (detail == null ? "" : ": " + detail), cause);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.fields = Map.copyOf(fields);
    }

    /** From a generated client's ApiException: its code and the response body, a problem when the service sent one. */
    static ServiceRefused of(int code, String body, Throwable cause) {
        if (code == 0) {
            return new ServiceRefused(0, "", "Service unavailable", null, Map.of(), cause);
        }
        String type = "";
        String title = "Request refused";
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode problem = body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            type = problem.path("type").asText("").replace(TYPE_PREFIX, "");
            title = problem.path("title").asText(title);
            detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
            if (problem.hasNonNull("field")) {
                fields.put(problem.get("field").asText(), detail == null ? title : detail);
            }
            for (JsonNode v : problem.path("violations")) {
                fields.putIfAbsent(v.path("field").asText(""), v.path("message").asText(""));
            }
        } catch (Exception notJson) {
            // a proxy's HTML page, say: the status alone then
        }
        return new ServiceRefused(code, type, title, detail, fields, cause);
    }

    public int status() {
        return status;
    }

    /** The problem's type, without Shortfall's {@code urn:shortfall:problem:} prefix: {@code ltv-too-high}. */
    public String type() {
        return type;
    }

    /** The refused request fields (their JSON names) with what is wrong with each. */
    public Map<String, String> fields() {
        return fields;
    }

    /** What a person reads: the detail when the service gave one, otherwise the title. */
    public String message() {
        return detail != null ? detail : title;
    }

    /**
     * What the page must say above its form: the refusal of the whole request, or the refused fields the form has no
     * place for (named), so that nothing the service said is lost. Null when every refused field has its place.
     */
    /**
     * The messages about the fields a form shows, each under the form's own name for it ({@code shownAs}: the
     * service's field name to the form's).
     */
    public Map<String, String> fieldsAs(Map<String, String> shownAs) {
        Map<String, String> shown = new LinkedHashMap<>();
        shownAs.forEach((field, input) -> {
            if (fields.containsKey(field)) {
                shown.put(input, fields.get(field));
            }
        });
        return shown;
    }

    public String beyond(java.util.Set<String> fieldsShown) {
        if (fields.isEmpty()) {
            return message();
        }
        java.util.List<String> others = new java.util.ArrayList<>();
        fields.forEach((field, text) -> {
            if (!fieldsShown.contains(field)) {
                others.add(field.isEmpty() ? text : field + ": " + text);
            }
        });
        return others.isEmpty() ? null : String.join("; ", others);
    }

    /**
     * Whether the refusal is the form's to show: not a missing or forbidden case (a 404 page), not the session's
     * token refused (signing in again), not a service away (a page of its own or, for money, the form again).
     */
    public boolean aboutTheForm() {
        return !notFound() && !unavailable() && status != 401;
    }

    public boolean notFound() {
        return status == 404 || status == 403;
    }

    public boolean unavailable() {
        return status == 0 || status >= 500;
    }
}
