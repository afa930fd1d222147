package io.shortfall.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Text and dates as the API reads them: a text field takes a JSON string only, without control characters (tab,
 * line feed and carriage return aside); a date takes an ISO {@code yyyy-MM-dd} string within
 * {@link #EARLIEST}..{@link #LATEST}, never a number.
 */
public final class StrictText {

    /** The dates the API accepts: far enough for any due date, within what every database column holds. */
    public static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("shortfall-strict-text");
        module.addDeserializer(String.class, new TextReader());
        module.addDeserializer(LocalDate.class, new DateReader());
        return module;
    }

    /**
     * The first character of {@code text} no text of the API may hold, or -1: a control character other than tab,
     * line feed and carriage return, half of a surrogate pair without the other half (no character at all: it would
     * be stored as {@code ?}), or one of the noncharacters U+FFFE and U+FFFF.
     */
    public static int controlCharacterAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static final class TextReader extends StdScalarDeserializer<String> {
        TextReader() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p.currentToken(), p,
                        "must be a JSON string, not %s", describe(p.currentToken()));
            }
            String text = p.getText();
            int at = controlCharacterAt(text);
            if (at >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, "(not shown)",
                        "contains a control character or an unpaired surrogate (U+%04X at %d)", (int) text.charAt(at), at);
            }
            return text;
        }
    }

    static final class DateReader extends StdScalarDeserializer<LocalDate> {
        DateReader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p.currentToken(), p,
                        "a date must be a JSON string such as \"2026-12-31\", not %s", describe(p.currentToken()));
            }
            String text = p.getText();
            LocalDate date;
            try {
                date = text.length() == 10 ? LocalDate.parse(text) : null;
            } catch (DateTimeParseException e) {
                date = null;
            }
            if (date == null) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                        "not a date such as \"2026-12-31\"");
            }
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                        "must be between %s and %s", EARLIEST, LATEST);
            }
            return date;
        }
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a JSON number";
            case VALUE_TRUE, VALUE_FALSE -> "a JSON boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "a JSON object";
            case START_ARRAY -> "a JSON array";
            default -> token.name().toLowerCase();
        };
    }

    private StrictText() {
    }
}
