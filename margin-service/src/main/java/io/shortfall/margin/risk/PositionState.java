package io.shortfall.margin.risk;

import io.shortfall.events.Thresholds;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One loan as the risk engine needs it. {@code version} orders updates of the same loan: an older one than
 * the book holds is ignored (updates can arrive out of commit order).
 */
public record PositionState(UUID loanId, long version, BigDecimal debt, BigDecimal collateral, Thresholds thresholds,
                            boolean autoIncrease, PositionStatus status, Zone zone, boolean triggered,
                            Instant lastMarginCallAt, int marginCallRepeat) {
}
