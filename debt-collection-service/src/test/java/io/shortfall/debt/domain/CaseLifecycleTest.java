package io.shortfall.debt.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
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
import static org.assertj.core.api.Assertions.assertThat;

/** The moves of a case's status, every pair of statuses, as docs/DOMAIN.md gives them. */
class CaseLifecycleTest {

    private static final Set<CaseStatus> COLLECTED = EnumSet.of(OPEN, NEGOTIATING, IN_PLAN, DELINQUENT, BROKEN);

    @Test
    void theMovesOfTheDomain() {
        assertThat(next(OPEN)).containsExactlyInAnyOrder(NEGOTIATING, IN_PLAN, WRITTEN_OFF, ESCALATED, DISPUTED,
                HARDSHIP);
        assertThat(next(NEGOTIATING)).containsExactlyInAnyOrder(IN_PLAN, SETTLED, WRITTEN_OFF, ESCALATED, DISPUTED,
                HARDSHIP);
        assertThat(next(IN_PLAN)).containsExactlyInAnyOrder(DELINQUENT, BROKEN, SETTLED, WRITTEN_OFF, DISPUTED,
                HARDSHIP);
        assertThat(next(DELINQUENT)).containsExactlyInAnyOrder(IN_PLAN, BROKEN, SETTLED, WRITTEN_OFF, ESCALATED,
                DISPUTED, HARDSHIP);
        assertThat(next(BROKEN)).containsExactlyInAnyOrder(NEGOTIATING, IN_PLAN, SETTLED, WRITTEN_OFF, ESCALATED,
                DISPUTED, HARDSHIP);
        assertThat(next(SETTLED)).containsExactlyInAnyOrder(IN_PLAN, NEGOTIATING);
        assertThat(next(WRITTEN_OFF)).isEmpty();
        assertThat(next(ESCALATED)).containsExactlyInAnyOrder(OPEN, NEGOTIATING, DELINQUENT, BROKEN, SETTLED,
                WRITTEN_OFF);
        for (CaseStatus hold : EnumSet.of(DISPUTED, HARDSHIP)) {
            assertThat(next(hold)).containsExactlyInAnyOrder(OPEN, NEGOTIATING, IN_PLAN, DELINQUENT, BROKEN, SETTLED,
                    WRITTEN_OFF);
        }
    }

    @Property
    void noCaseReturnsToOpenExceptFromAnEscalationOrAHoldAndAWriteOffIsFinal(@ForAll CaseStatus from,
                                                                           @ForAll CaseStatus to) {
        if (to == OPEN && from != OPEN) {
            assertThat(CaseLifecycle.allows(from, to)).isEqualTo(from == ESCALATED || CaseLifecycle.isHold(from));
        }
        if (from == WRITTEN_OFF && to != WRITTEN_OFF) {
            assertThat(CaseLifecycle.allows(from, to)).isFalse();
            assertThat(CaseLifecycle.refusal(from, to)).hasValue("it is written off, which is final");
        }
    }

    @Property
    void onlyACaseStillCollectedIsHeldAndAHeldOrPlannedCaseIsNeverEscalated(@ForAll CaseStatus from) {
        assertThat(CaseLifecycle.allows(from, DISPUTED) && from != DISPUTED).isEqualTo(COLLECTED.contains(from));
        assertThat(CaseLifecycle.allows(from, HARDSHIP) && from != HARDSHIP).isEqualTo(COLLECTED.contains(from));
        if (CaseLifecycle.isHold(from) || from == IN_PLAN || from == SETTLED || from == WRITTEN_OFF) {
            assertThat(CaseLifecycle.allows(from, ESCALATED)).isFalse();
        }
    }

    @Property
    void stayingIsNoMoveAndEveryRefusalSaysWhy(@ForAll CaseStatus from, @ForAll CaseStatus to) {
        assertThat(CaseLifecycle.allows(from, from)).isTrue();
        assertThat(CaseLifecycle.refusal(from, to).isPresent()).isEqualTo(!CaseLifecycle.allows(from, to));
    }

    private static Set<CaseStatus> next(CaseStatus from) {
        Set<CaseStatus> next = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus to : CaseStatus.values()) {
            if (to != from && CaseLifecycle.allows(from, to)) {
                next.add(to);
            }
        }
        return next;
    }
}
