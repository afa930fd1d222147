package io.shortfall.liquidation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The cap on debt in liquidation per asset (MakerDAO's {@code hole}): liquidations wait in a queue, worst LTV
 * first (then the oldest), and one starts only while the debt in liquidation plus its own stays within the cap.
 * The queue is strict: one that does not fit holds back the better ones behind it. With nothing in liquidation
 * the first one starts even if its debt alone exceeds the cap, or it would never be sold.
 */
public final class Admission {

    /** A queued liquidation. */
    public record Waiting(UUID id, BigDecimal ltv, Instant startedAt, BigDecimal debt) {
    }

    /** Worst LTV first, then the oldest, then by id. */
    public static final Comparator<Waiting> WORST_FIRST = Comparator.comparing(Waiting::ltv).reversed()
            .thenComparing(Waiting::startedAt).thenComparing(Waiting::id);

    /** The queue of one asset in order. */
    public static List<Waiting> ordered(List<Waiting> queued) {
        return queued.stream().sorted(WORST_FIRST).toList();
    }

    /**
     * @param queued        one asset's queued liquidations, in any order
     * @param inLiquidation the debt of that asset's liquidations selling now
     * @param cap           the most debt in liquidation at once
     * @return the ones to start now, in order
     */
    public static List<Waiting> admit(List<Waiting> queued, BigDecimal inLiquidation, BigDecimal cap) {
        List<Waiting> admitted = new ArrayList<>();
        BigDecimal total = inLiquidation;
        for (Waiting next : ordered(queued)) {
            if (total.signum() > 0 && total.add(next.debt()).compareTo(cap) > 0) {
                break;
            }
            admitted.add(next);
            total = total.add(next.debt());
        }
        return admitted;
    }

    private Admission() {
    }
}
