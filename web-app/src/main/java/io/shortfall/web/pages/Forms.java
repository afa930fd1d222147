package io.shortfall.web.pages;

import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** What every form's text fields share. */
public final class Forms {

    /** Reads a field's text as its type; throws IllegalArgumentException (or DateTimeParseException) when it cannot. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String text);
    }

    private Forms() {
    }

    /** A text field as sent to a service: trimmed, and none at all when left empty. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * What was typed in a form, by {@code form.field} as its errors are keyed, to show it again when the form is
     * refused: {@code fieldsAndValues} alternate a field's name and its text; a field not sent is left out.
     */
    public static Map<String, String> typed(String form, String... fieldsAndValues) {
        Map<String, String> typed = new HashMap<>();
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                typed.put(form + "." + fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        return typed;
    }

    /** A form field as its type, or null when left empty; unreadable: null, and the message under its name. */
    public static <T> T parse(String text, String field, Map<String, String> errors, Parser<T> parser,
                              String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.parse(text.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.put(field, message);
            return null;
        }
    }
}
