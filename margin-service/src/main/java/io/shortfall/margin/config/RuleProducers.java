package io.shortfall.margin.config;

import io.shortfall.margin.domain.CircuitBreakerRule;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.RiskRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The domain rules, set up from the configuration. */
@Singleton
public class RuleProducers {

    @Produces
    @Singleton
    MarginAssessor assessor(MarginConfig config) {
        return new MarginAssessor(new RiskRules(config.zoneHysteresis(), config.marginCallRepeat(),
                config.priceMaxAge()));
    }

    @Produces
    @Singleton
    CircuitBreakerRule breakerRule(MarginConfig config) {
        return new CircuitBreakerRule(config.breaker().ratio(), config.breaker().window());
    }
}
