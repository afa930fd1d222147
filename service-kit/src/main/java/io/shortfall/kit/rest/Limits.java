package io.shortfall.kit.rest;

/**
 * How long a text field of the API may be ({@code @Size(max = ...)}, published as {@code maxLength}). Every text a
 * client sends is bounded, so no request can make an event too large for the broker.
 */
public final class Limits {

    /** Free text people write: a note, a reason, a message. */
    public static final int TEXT = 2000;
    /** A name or an identifier: an agent's id, a price source, a time zone. */
    public static final int NAME = 100;
    /** A code from a fixed set: an asset, a kind, a channel, a status. */
    public static final int CODE = 32;

    private Limits() {
    }
}
