package io.shortfall.debt.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The statuses of an offer: {@code OPEN} to its answer ({@code ACCEPTED}, {@code REJECTED}), or
 * {@code WITHDRAWN} (another was accepted, the case moved on), or {@code EXPIRED}; an agent's settlement beyond
 * their limit is {@code AWAITING_APPROVAL} until a supervisor decides it (then {@code OPEN}, or {@code ACCEPTED} when
 * it was the debtor's, or {@code REJECTED}). An answered offer stays as it is.
 */
public enum OfferStatus implements Lifecycle<OfferStatus> {
    OPEN, ACCEPTED, REJECTED, AWAITING_APPROVAL, WITHDRAWN, EXPIRED;

    /** The statuses of an offer not yet decided: withdrawn when another is accepted or the case ends. */
    public static final Set<OfferStatus> LIVE = Set.of(OPEN, AWAITING_APPROVAL);

    public boolean live() {
        return LIVE.contains(this);
    }

    @Override
    public Set<OfferStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(ACCEPTED, REJECTED, WITHDRAWN, EXPIRED, AWAITING_APPROVAL);
            case AWAITING_APPROVAL -> EnumSet.of(OPEN, ACCEPTED, REJECTED, WITHDRAWN);
            case ACCEPTED, REJECTED, WITHDRAWN, EXPIRED -> EnumSet.noneOf(OfferStatus.class);
        };
    }
}
