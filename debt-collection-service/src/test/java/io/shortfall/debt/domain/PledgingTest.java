package io.shortfall.debt.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PledgingTest {

    /** Every move from every status: only these are allowed. */
    private static final Map<String, Pledging.Status> ALLOWED = Map.of(
            "OFFERED ACCEPT", Pledging.Status.ACCEPTED,
            "OFFERED DECLINE", Pledging.Status.DECLINED,
            "OFFERED RELEASE", Pledging.Status.RELEASED,
            "ACCEPTED RELEASE", Pledging.Status.RELEASED,
            "ACCEPTED FORFEIT", Pledging.Status.FORFEITED,
            "FORFEITED SELL", Pledging.Status.SOLD);

    @Test
    void aPledgeMovesOnlyAlongItsLifeAndNeverLeavesAnEndState() {
        for (Pledging.Status from : Pledging.Status.values()) {
            for (Pledging.Move move : Pledging.Move.values()) {
                assertThat(Pledging.next(from, move)).as(from + " " + move)
                        .isEqualTo(Optional.ofNullable(ALLOWED.get(from + " " + move)));
            }
        }
    }

    @Test
    void offeredAcceptedAndForfeitedAreLiveTheOthersAreDone() {
        assertThat(Pledging.Status.values()).filteredOn(Pledging.Status::isLive)
                .containsExactly(Pledging.Status.OFFERED, Pledging.Status.ACCEPTED, Pledging.Status.FORFEITED);
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void aCaseTakesAPledgeUnlessClosedEscalatedOrAlreadySecured(CaseStatus status) {
        boolean refusedAnyway = status == CaseStatus.SETTLED || status == CaseStatus.WRITTEN_OFF
                || status == CaseStatus.ESCALATED;
        assertThat(Pledging.refusal(status, false).isPresent()).isEqualTo(refusedAnyway);
        assertThat(Pledging.refusal(status, true)).isPresent();
    }

    @Test
    void theProceedsPayWhatIsOwedAndTheRestGoesBack() {
        assertThat(Pledging.split(new BigDecimal("987.50"), new BigDecimal("900.00")))
                .isEqualTo(new Pledging.Split(new BigDecimal("900.00"), new BigDecimal("87.50")));
        assertThat(Pledging.split(new BigDecimal("197.5"), new BigDecimal("900.00")))
                .isEqualTo(new Pledging.Split(new BigDecimal("197.50"), new BigDecimal("0.00")));
        assertThatThrownBy(() -> Pledging.split(new BigDecimal("1.005"), BigDecimal.TEN))
                .isInstanceOf(ArithmeticException.class);
    }

    @Property
    void appliedAndReturnedAddUpToTheProceedsAndNeverOverpay(
            @ForAll @BigRange(min = "0", max = "100000000") @Scale(2) BigDecimal proceeds,
            @ForAll @BigRange(min = "0", max = "100000000") @Scale(2) BigDecimal outstanding) {
        Pledging.Split split = Pledging.split(proceeds, outstanding);
        assertThat(split.applied().add(split.returned())).isEqualByComparingTo(proceeds);
        assertThat(split.applied()).isLessThanOrEqualTo(outstanding);
        assertThat(split.returned().signum()).isGreaterThanOrEqualTo(0);
        assertThat(split.returned().signum() > 0).isEqualTo(proceeds.compareTo(outstanding) > 0);
    }
}
