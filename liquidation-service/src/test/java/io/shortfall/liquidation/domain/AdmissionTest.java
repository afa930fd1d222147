package io.shortfall.liquidation.domain;

import io.shortfall.liquidation.domain.Admission.Waiting;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionTest {

    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private static Waiting w(String ltv, int secondsAfter, String debt) {
        return new Waiting(UUID.randomUUID(), new BigDecimal(ltv), T0.plusSeconds(secondsAfter), new BigDecimal(debt));
    }

    @Test
    void worstLtvFirstThenTheOldest() {
        Waiting a = w("0.85", 0, "100.00");
        Waiting b = w("0.90", 5, "100.00");
        Waiting c = w("0.85", -5, "100.00");
        assertThat(Admission.ordered(List.of(a, b, c))).containsExactly(b, c, a);
    }

    @Test
    void startsWhatFitsUnderTheCapInOrderAndNoMore() {
        Waiting worst = w("0.95", 0, "600.00");
        Waiting next = w("0.90", 0, "400.00");
        Waiting last = w("0.85", 0, "1.00");
        assertThat(Admission.admit(List.of(last, next, worst), BigDecimal.ZERO, new BigDecimal("1000.00")))
                .containsExactly(worst, next);
        // with 600 already in liquidation, only the worst fits
        assertThat(Admission.admit(List.of(last, next, worst), new BigDecimal("400.00"), new BigDecimal("1000.00")))
                .containsExactly(worst);
    }

    @Test
    void theQueueIsStrictABigOneHoldsBackTheSmallerBehindIt() {
        Waiting big = w("0.95", 0, "900.00");
        Waiting small = w("0.85", 0, "10.00");
        assertThat(Admission.admit(List.of(small, big), new BigDecimal("200.00"), new BigDecimal("1000.00")))
                .isEmpty();
    }

    @Test
    void withNothingInLiquidationTheFirstStartsEvenAboveTheCap() {
        Waiting huge = w("0.95", 0, "5000.00");
        Waiting small = w("0.85", 0, "10.00");
        assertThat(Admission.admit(List.of(small, huge), BigDecimal.ZERO, new BigDecimal("1000.00")))
                .containsExactly(huge);
    }

    @Property(tries = 500)
    void theCapHoldsUnlessNothingElseIsSelling(@ForAll @Size(max = 12) List<@IntRange(min = 1, max = 2000) Integer> debts,
                                               @ForAll @IntRange(min = 0, max = 3000) int inLiquidation,
                                               @ForAll @IntRange(min = 1, max = 3000) int cap) {
        List<Waiting> queued = new ArrayList<>();
        for (int i = 0; i < debts.size(); i++) {
            queued.add(new Waiting(UUID.randomUUID(), BigDecimal.valueOf(i % 5, 1), T0.plusSeconds(i),
                    BigDecimal.valueOf(debts.get(i))));
        }
        List<Waiting> admitted = Admission.admit(queued, BigDecimal.valueOf(inLiquidation), BigDecimal.valueOf(cap));
        BigDecimal total = admitted.stream().map(Waiting::debt).reduce(BigDecimal.valueOf(inLiquidation),
                BigDecimal::add);
        if (!(inLiquidation == 0 && admitted.size() == 1)) {
            assertThat(total).isLessThanOrEqualTo(BigDecimal.valueOf(Math.max(cap, inLiquidation)));
        }
        // a prefix of the queue in order
        assertThat(admitted).isEqualTo(Admission.ordered(queued).subList(0, admitted.size()));
        // nothing else would have fit
        if (admitted.size() < queued.size() && !(inLiquidation == 0 && admitted.isEmpty())) {
            Waiting next = Admission.ordered(queued).get(admitted.size());
            assertThat(total.add(next.debt())).isGreaterThan(BigDecimal.valueOf(cap));
        }
    }
}
