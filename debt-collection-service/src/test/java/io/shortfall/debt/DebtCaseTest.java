package io.shortfall.debt;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.shortfall.debt.domain.CaseStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case's moves, on the entity itself: the allowed ones change what they should, the others are refused. */
class DebtCaseTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static DebtCase opened() {
        DebtCase c = new DebtCase();
        c.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        c.open();
        return c;
    }

    @Test
    void aHeldCaseMovesUnderneathAndTheReleaseGivesItBack() {
        DebtCase c = opened();
        c.hold(CaseStatus.HARDSHIP, LocalDate.of(2026, 12, 7));
        assertThat(c.status).isEqualTo(CaseStatus.HARDSHIP);
        assertThat(c.hold).isEqualTo("HARDSHIP");
        c.moveTo(CaseStatus.IN_PLAN);
        assertThat(c.status).isEqualTo(CaseStatus.HARDSHIP);
        assertThat(c.underlyingStatus()).isEqualTo(CaseStatus.IN_PLAN);
        assertThatThrownBy(() -> c.hold(CaseStatus.DISPUTED, LocalDate.of(2026, 12, 8)))
                .isInstanceOf(HttpProblem.class);
        c.release();
        assertThat(c.status).isEqualTo(CaseStatus.IN_PLAN);
        assertThat(c.hold).isNull();
        assertThat(c.heldSince).isNull();
        assertThatThrownBy(c::release).isInstanceOf(HttpProblem.class).hasMessageContaining("it is not held");
    }

    @Test
    void closingEndsAHoldAndAnEscalationAndAWriteOffIsFinal() {
        DebtCase c = opened();
        c.moveTo(CaseStatus.NEGOTIATING);
        c.escalate("EXTERNAL_COLLECTION", "no answer", "agent", NOW);
        assertThat(c.status).isEqualTo(CaseStatus.ESCALATED);
        c.close(CaseStatus.WRITTEN_OFF, new BigDecimal("90.00"), NOW);
        assertThat(c.status).isEqualTo(CaseStatus.WRITTEN_OFF);
        assertThat(c.escalationStage).isNull();
        assertThat(c.statusBeforeEscalation).isNull();
        assertThat(c.discount).isEqualByComparingTo("90.00");
        assertThat(c.closedAt).isEqualTo(NOW);
        for (CaseStatus next : CaseStatus.values()) {
            if (next != CaseStatus.WRITTEN_OFF) {
                assertThatThrownBy(() -> c.moveTo(next)).as(next.name()).isInstanceOf(HttpProblem.class)
                        .hasMessageContaining("written off, which is final");
            }
        }
        assertThatThrownBy(() -> c.reopen(CaseStatus.IN_PLAN)).isInstanceOf(HttpProblem.class);
    }

    @Test
    void aRecallGivesBackTheStatusBeforeAndAPlannedCaseIsNotPassedOn() {
        DebtCase c = opened();
        c.moveTo(CaseStatus.IN_PLAN);
        assertThatThrownBy(() -> c.escalate("LEGAL", "why", "sue", NOW)).isInstanceOf(HttpProblem.class)
                .satisfies(e -> assertThat(((HttpProblem) e).getStatusCode()).isEqualTo(409));
        c.moveTo(CaseStatus.DELINQUENT);
        c.escalate("LEGAL", "why", "sue", NOW);
        assertThatThrownBy(() -> c.moveTo(CaseStatus.IN_PLAN)).isInstanceOf(HttpProblem.class);
        c.recall();
        assertThat(c.status).isEqualTo(CaseStatus.DELINQUENT);
        assertThat(c.escalatedAt).isNull();
        assertThatThrownBy(c::recall).isInstanceOf(HttpProblem.class);
    }

    @Test
    void noCaseIsHeldTwicePassedOnTwiceClosedTwiceOrMovedWhilePassedOn() {
        DebtCase c = opened();
        c.hold(CaseStatus.DISPUTED, LocalDate.of(2026, 12, 7));
        assertThatThrownBy(() -> c.hold(CaseStatus.DISPUTED, LocalDate.of(2026, 12, 8)))
                .isInstanceOf(HttpProblem.class).hasMessageContaining("already held: DISPUTED");
        c.release();
        assertThat(c.status).isEqualTo(CaseStatus.OPEN);

        c.escalate("EXTERNAL_COLLECTION", "no answer", "agent", NOW);
        assertThatThrownBy(() -> c.escalate("LEGAL", "still none", "sue", NOW)).isInstanceOf(HttpProblem.class)
                .hasMessageContaining("already passed on to EXTERNAL_COLLECTION");
        assertThatThrownBy(() -> c.moveTo(CaseStatus.NEGOTIATING)).isInstanceOf(HttpProblem.class)
                .hasMessageContaining("recalled before it moves");
        assertThat(c.statusBeforeEscalation).isEqualTo(CaseStatus.OPEN);

        c.recall();
        c.moveTo(CaseStatus.IN_PLAN);
        c.close(CaseStatus.SETTLED, BigDecimal.ZERO, NOW);
        assertThatThrownBy(() -> c.close(CaseStatus.SETTLED, BigDecimal.ZERO, NOW)).isInstanceOf(HttpProblem.class)
                .hasMessageContaining("already SETTLED");
    }

    @Test
    void aSettledCaseIsReopenedByAReversalOnly() {
        DebtCase c = opened();
        assertThatThrownBy(() -> c.close(CaseStatus.SETTLED, BigDecimal.ZERO, NOW)).isInstanceOf(HttpProblem.class);
        c.moveTo(CaseStatus.IN_PLAN);
        c.close(CaseStatus.SETTLED, BigDecimal.ZERO, NOW);
        assertThatThrownBy(() -> c.moveTo(CaseStatus.DELINQUENT)).isInstanceOf(HttpProblem.class);
        c.reopen(CaseStatus.IN_PLAN);
        assertThat(c.status).isEqualTo(CaseStatus.IN_PLAN);
        assertThat(c.closedAt).isNull();
        assertThat(c.discount).isNull();
        assertThatThrownBy(c::open).isInstanceOf(HttpProblem.class);
    }
}
