package io.shortfall.debt.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.shortfall.debt.domain.CaseStatus.BROKEN;
import static io.shortfall.debt.domain.CaseStatus.DELINQUENT;
import static io.shortfall.debt.domain.CaseStatus.DISPUTED;
import static io.shortfall.debt.domain.CaseStatus.ESCALATED;
import static io.shortfall.debt.domain.CaseStatus.HARDSHIP;
import static io.shortfall.debt.domain.CaseStatus.IN_PLAN;
import static io.shortfall.debt.domain.CaseStatus.NEGOTIATING;
import static io.shortfall.debt.domain.CaseStatus.OPEN;
import static io.shortfall.debt.domain.CaseStatus.SETTLED;
import static io.shortfall.debt.domain.CaseStatus.WRITTEN_OFF;

/**
 * Which moves of a case's status exist (docs/DOMAIN.md, "Case statuses"); every other is refused. A held case
 * ({@code DISPUTED}, {@code HARDSHIP}) keeps its status underneath, which moves as an unheld case's would; the hold
 * itself ends by release (back to that status), or with the case (settled, written off).
 *
 * <ul>
 *   <li>{@code OPEN} → {@code NEGOTIATING} (a proposal), {@code IN_PLAN} (a ladder offer accepted);</li>
 *   <li>{@code NEGOTIATING} → {@code IN_PLAN};</li>
 *   <li>{@code IN_PLAN} ↔ {@code DELINQUENT} (a missed installment, then caught up), either → {@code BROKEN};</li>
 *   <li>{@code BROKEN} → {@code NEGOTIATING}, {@code IN_PLAN} (new terms on what is still owed);</li>
 *   <li>to {@code SETTLED}: a live plan paid in full, or a sold pledge's proceeds paying what a broken or
 *   escalated case owed; a reversed payment takes a settled case back to {@code IN_PLAN} or {@code NEGOTIATING};</li>
 *   <li>to {@code WRITTEN_OFF} (a supervisor's approval) from any status but {@code SETTLED}: it is final;</li>
 *   <li>to {@code ESCALATED}: a case in default ({@code DELINQUENT}, {@code BROKEN}, or {@code OPEN} or
 *   {@code NEGOTIATING} without a plan; {@link Escalation} decides when); a recall goes back to the status before;</li>
 *   <li>a hold from any status a case is collected in: {@code OPEN}, {@code NEGOTIATING}, {@code IN_PLAN},
 *   {@code DELINQUENT}, {@code BROKEN}.</li>
 * </ul>
 */
public final class CaseLifecycle {

    private static final Set<CaseStatus> HOLDS = EnumSet.of(DISPUTED, HARDSHIP);
    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

    static {
        NEXT.put(OPEN, EnumSet.of(NEGOTIATING, IN_PLAN, WRITTEN_OFF, ESCALATED, DISPUTED, HARDSHIP));
        NEXT.put(NEGOTIATING, EnumSet.of(IN_PLAN, SETTLED, WRITTEN_OFF, ESCALATED, DISPUTED, HARDSHIP));
        NEXT.put(IN_PLAN, EnumSet.of(DELINQUENT, BROKEN, SETTLED, WRITTEN_OFF, DISPUTED, HARDSHIP));
        NEXT.put(DELINQUENT, EnumSet.of(IN_PLAN, BROKEN, SETTLED, WRITTEN_OFF, ESCALATED, DISPUTED, HARDSHIP));
        NEXT.put(BROKEN, EnumSet.of(NEGOTIATING, IN_PLAN, SETTLED, WRITTEN_OFF, ESCALATED, DISPUTED, HARDSHIP));
        NEXT.put(SETTLED, EnumSet.of(IN_PLAN, NEGOTIATING));
        NEXT.put(WRITTEN_OFF, EnumSet.noneOf(CaseStatus.class));
        NEXT.put(ESCALATED, EnumSet.of(OPEN, NEGOTIATING, DELINQUENT, BROKEN, SETTLED, WRITTEN_OFF));
        // a held case moves underneath; the hold itself only ends (release: back to the status underneath)
        NEXT.put(DISPUTED, EnumSet.of(OPEN, NEGOTIATING, IN_PLAN, DELINQUENT, BROKEN, SETTLED, WRITTEN_OFF));
        NEXT.put(HARDSHIP, EnumSet.of(OPEN, NEGOTIATING, IN_PLAN, DELINQUENT, BROKEN, SETTLED, WRITTEN_OFF));
    }

    /** Whether a case may go from {@code from} to {@code to} (staying where it is is no move, and allowed). */
    public static boolean allows(CaseStatus from, CaseStatus to) {
        return from == to || NEXT.get(from).contains(to);
    }

    /** Why the move is refused, or empty when it is allowed. */
    public static Optional<String> refusal(CaseStatus from, CaseStatus to) {
        if (allows(from, to)) {
            return Optional.empty();
        }
        if (from == WRITTEN_OFF) {
            return Optional.of("it is written off, which is final");
        }
        return Optional.of("a case that is " + from + " does not become " + to);
    }

    public static boolean isHold(CaseStatus status) {
        return HOLDS.contains(status);
    }

    private CaseLifecycle() {
    }
}
