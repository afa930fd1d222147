package io.shortfall.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Amounts, prices and ratios travel as JSON strings ({@code "1234.56"}), never as JSON numbers, in events
 * and in the REST API alike (docs/DOMAIN.md, "Money and units"). Reading a JSON number where a decimal is
 * expected is refused, so no client can lose a cent to a binary float on its side.
 */
public final class MoneyJson {

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("shortfall-money");
        module.addSerializer(BigDecimal.class, new Writer());
        module.addDeserializer(BigDecimal.class, new Reader());
        return module;
    }

    static final class Writer extends StdScalarSerializer<BigDecimal> {
        Writer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }

    /** Digits a decimal may have in all: what PostgreSQL's {@code numeric(38, s)} columns hold. */
    public static final int MAX_DIGITS = 38;
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** A plain decimal (no exponent, no blanks) of at most {@link #MAX_DIGITS} digits. */
    static boolean isPlainDecimal(String text) {
        return PLAIN_DECIMAL.matcher(text).matches() && text.chars().filter(Character::isDigit).count() <= MAX_DIGITS;
    }

    /**
     * Text a person typed as an amount, read as the contract reads one: a plain decimal of at most
     * {@link #MAX_DIGITS} digits (no exponent: {@code 1e20000000} is ten characters and a number of twenty million
     * digits), blanks around it ignored; empty otherwise.
     */
    public static java.util.Optional<BigDecimal> plainDecimal(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String trimmed = text.strip();
        return isPlainDecimal(trimmed) ? java.util.Optional.of(new BigDecimal(trimmed)) : java.util.Optional.empty();
    }

    static final class Reader extends StdScalarDeserializer<BigDecimal> {
        Reader() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                String found = p.currentToken() != null && p.currentToken().isNumeric() ? "a JSON number"
                        : "JSON " + String.valueOf(p.currentToken()).toLowerCase().replace("value_", "");
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p.currentToken(), p,
                        "a decimal must be a JSON string such as \"1234.56\", not %s", found);
            }
            String text = p.getText();
            if (!isPlainDecimal(text)) {
                return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text,
                        "not a plain decimal number such as \"1234.56\" (at most %d digits, no exponent)", MAX_DIGITS);
            }
            return new BigDecimal(text);
        }
    }

    private MoneyJson() {
    }
}
