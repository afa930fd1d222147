package io.shortfall.margin.risk;

import io.shortfall.margin.domain.MarginCallTerms;
import io.shortfall.margin.domain.Zone;

import java.math.BigDecimal;
import java.util.UUID;

/** What a tick does to one loan, as the risk engine reports it (the service turns these into margin.events). */
public sealed interface RiskEvent {

    UUID loanId();

    record ZoneChange(UUID loanId, Zone from, Zone to, BigDecimal ltv) implements RiskEvent {
    }

    record Call(UUID loanId, int repeat, BigDecimal ltv, MarginCallTerms terms) implements RiskEvent {
    }

    record TopUp(UUID loanId, BigDecimal collateralNeeded) implements RiskEvent {
    }

    record Trigger(UUID loanId, BigDecimal ltv) implements RiskEvent {
    }
}
