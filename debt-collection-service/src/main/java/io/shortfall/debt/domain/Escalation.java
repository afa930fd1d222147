package io.shortfall.debt.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a case may be passed on to an external collection agency or to legal proceedings (debt-collection-service
 * README, "Escalation"): only a debt in default, never one under a dispute or a hardship hold.
 *
 * <ul>
 *   <li>a plan DELINQUENT or BROKEN: in default;</li>
 *   <li>OPEN or NEGOTIATING with no plan agreed {@link #UNANSWERED} after the case opened: the debtor never agreed
 *   to pay;</li>
 *   <li>never IN_PLAN (the plan is kept), held (DISPUTED, HARDSHIP: resolve it first), closed, or already
 *   escalated.</li>
 * </ul>
 */
public final class Escalation {

    /** The external stages a case may be passed to. */
    public enum Stage {
        EXTERNAL_COLLECTION, LEGAL
    }

    /** How long a case may stay without an agreed plan before it may be escalated. */
    public static final Duration UNANSWERED = Duration.ofDays(30);

    /** Why the case may not be escalated now; empty when it may. */
    public static Optional<String> refusal(CaseStatus status, String hold, Instant openedAt, Instant now) {
        if (hold != null) {
            return Optional.of("the case is held (" + hold + "): resolve the dispute or hardship first");
        }
        return switch (status) {
            case DELINQUENT, BROKEN -> Optional.empty();
            case OPEN, NEGOTIATING -> now.isBefore(openedAt.plus(UNANSWERED))
                    ? Optional.of("no plan is agreed yet, but the case opened less than " + UNANSWERED.toDays()
                    + " days ago: it may be escalated from " + openedAt.plus(UNANSWERED))
                    : Optional.empty();
            case IN_PLAN -> Optional.of("the case's plan is being kept");
            case ESCALATED -> Optional.of("the case is escalated already");
            case SETTLED, WRITTEN_OFF -> Optional.of("the case is closed (" + status + ")");
            case DISPUTED, HARDSHIP -> Optional.of("the case is held (" + status + "): resolve it first");
        };
    }

    private Escalation() {
    }
}
