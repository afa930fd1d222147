package io.shortfall.web.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortfall.web.pages.Language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service answered with an error, or did not answer: its status (0 when unreachable) and what its problem+json
 * said (title, detail and, for a refused field, the field and its message), for a page to show to a person. The
 * services word a problem in English; a page in another language shows its type's sentence in that language where
 * there is one ({@link ProblemWording}).
 */
public final class ServiceRefused extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TYPE_PREFIX = "urn:shortfall:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, String> fields;
    /** The field the problem itself names (its {@code field}), whose message is its detail; null when none. */
    private final String problemField;

    ServiceRefused(int status, String type, String title, String detail, Map<String, String> fields,
                   String problemField, Throwable cause) {
        super(status + " " + title + (detail == null ? "" : ": " + detail), cause);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.fields = Map.copyOf(fields);
        this.problemField = problemField;
    }

    /** From a generated client's ApiException: its code and the response body, a problem when the service sent one. */
    static ServiceRefused of(int code, String body, Throwable cause) {
        if (code == 0) {
            return new ServiceRefused(0, "unavailable", "Service unavailable", null, Map.of(), null, cause);
        }
        String type = "";
        String title = "Request refused";
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        String problemField = null;
        try {
            JsonNode problem = body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            type = problem.path("type").asText("").replace(TYPE_PREFIX, "");
            title = problem.path("title").asText(title);
            detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
            if (problem.hasNonNull("field")) {
                problemField = problem.get("field").asText();
                fields.put(problemField, detail == null ? title : detail);
            }
            for (JsonNode v : problem.path("violations")) {
                fields.putIfAbsent(v.path("field").asText(""), v.path("message").asText(""));
            }
        } catch (Exception notJson) {
            // a proxy's HTML page, say: the status alone then
        }
        return new ServiceRefused(code, type, title, detail, fields, problemField, cause);
    }

    public int status() {
        return status;
    }

    /** The problem's type, without Shortfall's {@code urn:shortfall:problem:} prefix: {@code ltv-too-high}. */
    public String type() {
        return type;
    }

    /**
     * The refused request fields (their JSON names) with what is wrong with each, in the page's language where the
     * problem names the field itself; a field a validation refused keeps the service's words, which say exactly
     * what is wrong.
     */
    public Map<String, String> fields() {
        return fields(Language.current());
    }

    Map<String, String> fields(Locale locale) {
        if (problemField == null) {
            return fields;
        }
        return ProblemWording.of(type, locale).map(worded -> {
            Map<String, String> inLanguage = new LinkedHashMap<>(fields);
            inLanguage.put(problemField, worded);
            return Map.copyOf(inLanguage);
        }).orElse(fields);
    }

    /**
     * What a person reads, in the page's language: the sentence for the problem's type where that language has one,
     * else the detail when the service gave one, else the title.
     */
    public String message() {
        return message(Language.current());
    }

    String message(Locale locale) {
        return ProblemWording.of(type, locale).orElse(detail != null ? detail : title);
    }

    /**
     * The messages about the fields a form shows, each under the form's own name for it ({@code shownAs}: the
     * service's field name to the form's).
     */
    public Map<String, String> fieldsAs(Map<String, String> shownAs) {
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, String> refused = fields();
        shownAs.forEach((field, input) -> {
            if (refused.containsKey(field)) {
                shown.put(input, refused.get(field));
            }
        });
        return shown;
    }

    /**
     * What the page must say above its form: the refusal of the whole request, or the refused fields the form has no
     * place for (named), so that nothing the service said is lost. Null when every refused field has its place.
     */
    public String beyond(Set<String> fieldsShown) {
        Map<String, String> refused = fields();
        if (refused.isEmpty()) {
            return message();
        }
        List<String> others = new ArrayList<>();
        refused.forEach((field, text) -> {
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
