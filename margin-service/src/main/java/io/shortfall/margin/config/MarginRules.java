package io.shortfall.margin.config;

import io.shortfall.margin.domain.CircuitBreakerRule;
import io.shortfall.margin.domain.LiquidationTriggerRule;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.MarginCallSchedule;
import io.shortfall.margin.domain.ZoneRule;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The domain rules, set up from the configuration. */
@Singleton
public class MarginRules {

    @Produces
    @Singleton
    MarginAssessor assessor(MarginConfig config) {
        return new MarginAssessor(new ZoneRule(config.zoneHysteresis()),
                new MarginCallSchedule(config.marginCallRepeat()),
                new LiquidationTriggerRule(config.priceMaxAge()));
    }

    @Produces
    @Singleton
    CircuitBreakerRule breakerRule(MarginConfig config) {
        return new CircuitBreakerRule(config.breaker().ratio(), config.breaker().window());
    }
}
