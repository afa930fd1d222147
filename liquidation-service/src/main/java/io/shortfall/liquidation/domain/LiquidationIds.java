package io.shortfall.liquidation.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A liquidation's id is derived from the locked snapshot it sells (loan id and loan version), so a sale that
 * is retried after a failed transaction sends the same client order ids and the venue never sells twice.
 */
public final class LiquidationIds {

    public static UUID of(UUID loanId, long loanVersion) {
        return UUID.nameUUIDFromBytes(("liquidation:" + loanId + ":" + loanVersion).getBytes(StandardCharsets.UTF_8));
    }

    /** The client order id of slice {@code n} (from 1). */
    public static String clientOrderId(UUID liquidationId, int n) {
        return liquidationId + "-" + n;
    }

    private LiquidationIds() {
    }
}
