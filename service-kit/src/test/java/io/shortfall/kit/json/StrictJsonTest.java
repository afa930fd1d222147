package io.shortfall.kit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the API reads a request body: what a client wrote is taken as written, or refused. */
class StrictJsonTest {

    record Body(String note, BigDecimal amount, Boolean enabled, Integer installments, LocalDate dueDate) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.findAndRegisterModules();
        new StrictJsonCustomizer().customize(mapper);
        return mapper;
    }

    private Body read(String json) throws JsonProcessingException {
        return mapper.readValue(json, Body.class);
    }

    @Test
    void aWellFormedBodyIsReadAsWritten() throws Exception {
        Body body = read("""
                {"note":"line one\\nline two\\ttabbed","amount":"480.08","enabled":true,"installments":3,
                 "dueDate":"2026-12-31"}""");
        assertThat(body).isEqualTo(new Body("line one\nline two\ttabbed", new BigDecimal("480.08"), true, 3,
                LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> read("{\"amount\":\"1.00\",\"amount\":null}"))
                .hasMessageContaining("Duplicate field 'amount'");
    }

    @Test
    void aValueOfAnotherJsonTypeIsNeverCoerced() {
        assertThatThrownBy(() -> read("{\"note\":true}")).hasMessageContaining("must be a JSON string");
        assertThatThrownBy(() -> read("{\"note\":12}")).hasMessageContaining("must be a JSON string");
        assertThatThrownBy(() -> read("{\"enabled\":1}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"enabled\":\"true\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"installments\":1.5}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"installments\":\"3\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"dueDate\":20261231}")).hasMessageContaining("a date must be a JSON string");
        assertThatThrownBy(() -> read("{\"amount\":1.5}")).hasMessageContaining("not a JSON number");
        assertThatThrownBy(() -> read("{\"amount\":\"+1\"}")).hasMessageContaining("not a plain decimal");
        assertThatThrownBy(() -> read("{\"amount\":\"1e5\"}")).hasMessageContaining("not a plain decimal");
    }

    @Test
    void datesOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> read("{\"dueDate\":\"+5874898-01-01\"}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"dueDate\":\"1969-12-31\"}")).hasMessageContaining("must be between");
        assertThatThrownBy(() -> read("{\"dueDate\":\"2026-02-30\"}")).hasMessageContaining("not a date");
    }

    @Test
    void trailingContentAndOverlongTextAreRefused() {
        assertThatThrownBy(() -> read("{\"note\":\"a\"} {}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("{\"note\":\"" + "x".repeat(StrictJsonCustomizer.MAX_TEXT + 1) + "\"}"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void halfASurrogatePairAndNoncharactersAreRefusedAWholePairIsRead() throws Exception {
        assertThatThrownBy(() -> read("{\"note\":\"a\\ud800b\"}")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> read("{\"note\":\"a\\udc00\"}")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> read("{\"note\":\"a\\uffff\"}")).isInstanceOf(JsonProcessingException.class);
        assertThat(read("{\"note\":\"pay \\ud83d\\udcb8\"}").note()).isEqualTo("pay \ud83d\udcb8");
    }

    @Property
    void textWithAControlCharacterIsRefusedWhereverItIs(@ForAll("text") String before, @ForAll("control") char c,
                                                        @ForAll("text") String after) throws Exception {
        String json = mapper.writeValueAsString(new Body(before + c + after, null, null, null, null));
        assertThatThrownBy(() -> read(json)).hasMessageContaining("control character");
    }

    @Property
    void textWithoutControlCharactersIsReadUnchanged(@ForAll("text") String text) throws Exception {
        String json = mapper.writeValueAsString(new Body(text, null, null, null, null));
        assertThat(read(json).note()).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(50).filter(s -> StrictText.controlCharacterAt(s) < 0);
    }

    @Provide
    Arbitrary<Character> control() {
        return Arbitraries.chars().range('\u0000', '\u009f').filter(Character::isISOControl)
                .filter(c -> c != '\t' && c != '\n' && c != '\r');
    }
}
