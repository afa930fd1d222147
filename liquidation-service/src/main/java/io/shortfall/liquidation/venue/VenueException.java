package io.shortfall.liquidation.venue;

/** The venue refused or could not take an order (or did not answer in time): the slice is retried later. */
public class VenueException extends RuntimeException {

    public VenueException(String message) {
        super(message);
    }
}
