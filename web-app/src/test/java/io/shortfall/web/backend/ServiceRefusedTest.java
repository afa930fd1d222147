package io.shortfall.web.backend;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRefusedTest {

    private static final String LTV_TOO_HIGH = """
            {"type": "urn:shortfall:problem:ltv-too-high", "title": "Unprocessable Content", "status": 422,
             "detail": "at 60000 BTC the LTV would be 0.7100, above the initial 0.6500"}""";

    @Test
    void anEnglishPageShowsTheServicesOwnDetail() {
        ServiceRefused refused = ServiceRefused.of(422, LTV_TOO_HIGH, null);

        assertThat(refused.message(Locale.ENGLISH))
                .isEqualTo("at 60000 BTC the LTV would be 0.7100, above the initial 0.6500");
    }

    @Test
    void aGermanPageShowsTheSentenceForTheProblemsType() {
        ServiceRefused refused = ServiceRefused.of(422, LTV_TOO_HIGH, null);

        assertThat(refused.message(Locale.GERMAN)).isEqualTo("Die Beleihungsquote wäre höher, als beim Abschluss "
                + "erlaubt ist: Hinterlegen Sie mehr Sicherheiten oder leihen Sie weniger.");
    }

    @Test
    void aTypeWithoutAGermanSentenceKeepsTheServicesWords() {
        ServiceRefused refused = ServiceRefused.of(409, """
                {"type": "urn:shortfall:problem:something-new", "title": "Conflict", "status": 409,
                 "detail": "a rule no page knows yet"}""", null);

        assertThat(refused.message(Locale.GERMAN)).isEqualTo("a rule no page knows yet");
    }

    @Test
    void theFieldAProblemNamesIsWordedWithIt() {
        ServiceRefused refused = ServiceRefused.of(422, """
                {"type": "urn:shortfall:problem:overpayment", "title": "Unprocessable Content", "status": 422,
                 "detail": "more than the 250.05 owed", "field": "amount"}""", null);

        assertThat(refused.fields(Locale.GERMAN)).containsEntry("amount", "Das ist mehr, als Sie schulden.");
        assertThat(refused.fields(Locale.ENGLISH)).containsEntry("amount", "more than the 250.05 owed");
    }

    @Test
    void aValidationsFieldMessagesKeepTheServicesExactWords() {
        ServiceRefused refused = ServiceRefused.of(400, """
                {"type": "urn:shortfall:problem:validation", "title": "Bad Request", "status": 400,
                 "violations": [{"field": "amount", "in": "body", "message": "at most 2 decimals"}]}""", null);

        assertThat(refused.fields(Locale.GERMAN)).containsEntry("amount", "at most 2 decimals");
    }

    @Test
    void aServiceThatDoesNotAnswerIsSaidInThePagesLanguage() {
        ServiceRefused away = ServiceRefused.of(0, null, new IOException("connection refused"));

        assertThat(away.message(Locale.GERMAN)).startsWith("Der Dienst ist gerade nicht erreichbar");
        assertThat(away.message(Locale.ENGLISH)).isEqualTo("Service unavailable");
    }

    /**
     * Every problem type the API documents (docs/API.md, "Errors") has its German sentence, but those no page can
     * meet: the web app never sends a request of another method, media type or size than the services take.
     */
    @Test
    void everyDocumentedProblemAPageCanMeetHasAGermanSentence() throws IOException {
        String api = Files.readString(Path.of("..", "docs", "API.md"));
        String problems = api.substring(api.indexOf("| status | type (default slug)"), api.indexOf("## Paging"));
        Set<String> types = new TreeSet<>();
        Matcher slug = Pattern.compile("`([a-z]+(?:-[a-z]+)+|[a-z]+)`").matcher(problems);
        while (slug.find()) {
            types.add(slug.group(1));
        }
        types.removeAll(List.of("page", "size", "method-not-allowed", "not-acceptable", "unsupported-media-type",
                "uri-too-long", "headers-too-large"));

        assertThat(types).hasSizeGreaterThan(40)
                .allSatisfy(type -> assertThat(ProblemWording.of(type, Locale.GERMAN)).as(type).isPresent());
    }
}
