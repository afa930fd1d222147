package io.shortfall.web.pages;

import java.util.UUID;

/** Nothing to show at this address: an unknown page, a malformed id, or something that is not the viewer's. */
public final class NotFound extends RuntimeException {

    public NotFound() {
        super("not found", null, false, false);
    }

    /** The id in an address, or not found: a mistyped link is a missing page, not an error. */
    public static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }
}
