package io.shortfall.debt.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a pledge: collateral a debtor offers to secure a case (docs/DOMAIN.md, "Pledges"). An agent accepts or
 * declines an offered pledge; an accepted one secures the case until it is settled, and is forfeited (sold) when the
 * plan it secured breaks; a case closed before that gives it back. A case takes one live pledge at a time.
 */
public final class Pledging {

    public enum Status {
        OFFERED, ACCEPTED, DECLINED, RELEASED, FORFEITED, SOLD;

        /** Still the lender's to decide, to hold or to sell: a case has at most one. */
        public static final Set<Status> LIVE = Collections.unmodifiableSet(EnumSet.of(OFFERED, ACCEPTED, FORFEITED));

        public boolean isLive() {
            return LIVE.contains(this);
        }
    }

    public enum Move { ACCEPT, DECLINE, RELEASE, FORFEIT, SELL }

    /** Where {@code move} takes a pledge in {@code from}; empty when the move is not allowed there. */
    public static Optional<Status> next(Status from, Move move) {
        Status to = switch (move) {
            case ACCEPT -> from == Status.OFFERED ? Status.ACCEPTED : null;
            case DECLINE -> from == Status.OFFERED ? Status.DECLINED : null;
            case RELEASE -> from == Status.OFFERED || from == Status.ACCEPTED ? Status.RELEASED : null;
            case FORFEIT -> from == Status.ACCEPTED ? Status.FORFEITED : null;
            case SELL -> from == Status.FORFEITED ? Status.SOLD : null;
        };
        return Optional.ofNullable(to);
    }

    /** Why a case in {@code status} cannot take a pledge offered now; empty when it can. */
    public static Optional<String> refusal(CaseStatus status, boolean hasLivePledge) {
        return switch (status) {
            case SETTLED, WRITTEN_OFF -> Optional.of("the case is closed (" + status + ")");
            case ESCALATED -> Optional.of("the case was passed to an external stage: it is collected there");
            default -> hasLivePledge ? Optional.of("the case is already secured by another pledge") : Optional.empty();
        };
    }

    /**
     * What a sold pledge's {@code proceeds} do: {@code applied} off what is owed, at most all of it; {@code returned}
     * to the debtor, the rest. Both to the cent; they always add up to the proceeds.
     */
    public record Split(BigDecimal applied, BigDecimal returned) {
    }

    public static Split split(BigDecimal proceeds, BigDecimal outstanding) {
        if (proceeds.signum() < 0 || outstanding.signum() < 0) {
            throw new IllegalArgumentException("proceeds and outstanding are never negative");
        }
        BigDecimal cents = proceeds.setScale(PlanSchedule.SCALE, RoundingMode.UNNECESSARY);
        BigDecimal applied = cents.min(outstanding.setScale(PlanSchedule.SCALE, RoundingMode.UNNECESSARY));
        return new Split(applied, cents.subtract(applied));
    }

    private Pledging() {
    }
}
