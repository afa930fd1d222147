package io.shortfall.web.pages;

/** What every form's text fields share. */
public final class Forms {

    private Forms() {
    }

    /** A text field as sent to a service: trimmed, and none at all when left empty. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
