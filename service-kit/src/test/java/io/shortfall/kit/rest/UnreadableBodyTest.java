package io.shortfall.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortfall.kit.json.StrictJsonCustomizer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a client is told when a body's value has the wrong JSON type: what to send, not Java's names for it. */
class UnreadableBodyTest {

    record Quiet(String start, String end) {
    }

    record Body(Boolean enabled, Integer installments, String note, UUID caseId, LocalDate dueDate, Instant at,
                List<String> tags, Quiet quietHours) {
    }

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.findAndRegisterModules();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    private static String toldFor(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> MAPPER.readValue(json, Body.class));
        assertThat(e).as("refused: " + json).isNotNull();
        return ProblemMappers.readable(e);
    }

    @Test
    void eachWrongTypeIsToldAsTheTypeToSend() {
        assertThat(toldFor("{\"enabled\":\"maybe\"}")).isEqualTo("expected true or false");
        assertThat(toldFor("{\"installments\":\"three\"}")).isEqualTo("expected a whole number");
        assertThat(toldFor("{\"note\":{\"a\":1}}")).isEqualTo("expected a JSON string");
        assertThat(toldFor("{\"caseId\":{}}")).startsWith("expected a UUID");
        assertThat(toldFor("{\"dueDate\":7}")).isEqualTo("expected a date, yyyy-mm-dd");
        assertThat(toldFor("{\"at\":\"yesterday\"}")).startsWith("expected an instant");
        assertThat(toldFor("{\"tags\":\"one\"}")).isEqualTo("expected a JSON array");
        assertThat(toldFor("{\"quietHours\":\"22-7\"}")).isEqualTo("expected a JSON object");
    }

    @Test
    void aValueOfTheRightTypeThatAReaderRefusedKeepsTheReadersReason() {
        assertThat(toldFor("{\"dueDate\":\"1969-12-31\"}")).isEqualTo("must be between 1970-01-01 and 9999-12-31");
        assertThat(toldFor("{\"dueDate\":\"31.01.2027\"}")).isEqualTo("not a date such as \"2026-12-31\"");
        assertThat(toldFor("{\"note\":\"a\\u0000b\"}")).startsWith("contains a control character");
        assertThat(toldFor("{\"caseId\":\"abc\"}")).contains("UUID").doesNotContain("java.", "`");
        assertThat(toldFor("{\"enabled\":true} {}")).isEqualTo("the body holds more than one JSON value");
    }

    @Test
    void noAnswerNamesAJavaClass() {
        for (String json : List.of("{\"enabled\":\"maybe\"}", "{\"installments\":1.5}", "{\"enabled\":[]}",
                "{\"note\":[1]}", "{\"caseId\":7}", "{\"tags\":{}}", "{\"quietHours\":[]}")) {
            assertThat(toldFor(json)).as(json).doesNotContain("java.", "`", "Cannot");
        }
    }
}
