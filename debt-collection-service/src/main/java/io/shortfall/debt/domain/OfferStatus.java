package io.shortfall.debt.domain;

/**
 * The statuses of an offer: {@code OPEN} to its answer ({@code ACCEPTED}, {@code REJECTED}), or
 * {@code WITHDRAWN} (another was accepted, the case moved on), or {@code EXPIRED}; an agent's settlement beyond
 * their limit is {@code AWAITING_APPROVAL} until a supervisor decides it (then {@code OPEN} or {@code REJECTED}).
 */
public enum OfferStatus {
    OPEN, ACCEPTED, REJECTED, AWAITING_APPROVAL, WITHDRAWN, EXPIRED
}
