package io.shortfall.debt.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationTest {

    private static final Instant OPENED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant A_MONTH_LATER = OPENED.plus(Escalation.UNANSWERED);

    @Test
    void aPlanInDefaultMayBePassedOnAtOnce() {
        assertThat(Escalation.refusal(CaseStatus.DELINQUENT, null, OPENED, OPENED)).isEmpty();
        assertThat(Escalation.refusal(CaseStatus.BROKEN, null, OPENED, OPENED)).isEmpty();
    }

    @Test
    void aCaseWithoutAnAgreedPlanMayBePassedOnThirtyDaysAfterItOpenedNotASecondBefore() {
        for (CaseStatus unanswered : new CaseStatus[]{CaseStatus.OPEN, CaseStatus.NEGOTIATING}) {
            assertThat(Escalation.refusal(unanswered, null, OPENED, A_MONTH_LATER.minusSeconds(1)))
                    .hasValueSatisfying(why -> assertThat(why).contains("less than 30 days"));
            assertThat(Escalation.refusal(unanswered, null, OPENED, A_MONTH_LATER)).isEmpty();
        }
    }

    @Test
    void aKeptPlanAClosedOrAnEscalatedCaseIsNeverPassedOn() {
        Instant muchLater = OPENED.plus(Duration.ofDays(3650));
        assertThat(Escalation.refusal(CaseStatus.IN_PLAN, null, OPENED, muchLater)).hasValue("the case's plan is being kept");
        assertThat(Escalation.refusal(CaseStatus.SETTLED, null, OPENED, muchLater)).get().asString().contains("closed");
        assertThat(Escalation.refusal(CaseStatus.WRITTEN_OFF, null, OPENED, muchLater)).get().asString().contains("closed");
        assertThat(Escalation.refusal(CaseStatus.ESCALATED, null, OPENED, muchLater)).get().asString()
                .contains("already");
    }

    /** Whatever is underneath, a dispute or a hardship hold is resolved first. */
    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void aHeldCaseIsNeverPassedOn(CaseStatus status) {
        for (String hold : new String[]{"DISPUTED", "HARDSHIP"}) {
            assertThat(Escalation.refusal(status, hold, OPENED, OPENED.plus(Duration.ofDays(3650))))
                    .hasValueSatisfying(why -> assertThat(why).contains(hold));
        }
    }

    /** Exactly DELINQUENT and BROKEN at once, OPEN and NEGOTIATING after 30 days; nothing else, ever. */
    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void everyStatusHasItsAnswer(CaseStatus status) {
        boolean inDefault = status == CaseStatus.DELINQUENT || status == CaseStatus.BROKEN;
        boolean unanswered = status == CaseStatus.OPEN || status == CaseStatus.NEGOTIATING;
        assertThat(Escalation.refusal(status, null, OPENED, OPENED).isEmpty()).isEqualTo(inDefault);
        assertThat(Escalation.refusal(status, null, OPENED, A_MONTH_LATER).isEmpty()).isEqualTo(inDefault || unanswered);
    }
}
