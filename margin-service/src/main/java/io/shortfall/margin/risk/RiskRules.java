package io.shortfall.margin.risk;

import io.shortfall.margin.domain.LiquidationTriggerRule;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.MarginCallSchedule;
import io.shortfall.margin.domain.ZoneRule;

import java.math.BigDecimal;
import java.time.Duration;

/** The rule parameters the engine works with: the same as the {@link MarginAssessor}'s. */
public record RiskRules(BigDecimal hysteresis, Duration marginCallRepeat, Duration priceMaxAge) {

    public static RiskRules standard() {
        return new RiskRules(ZoneRule.ONE_POINT, Duration.ofHours(6), Duration.ofMinutes(5));
    }

    public MarginAssessor assessor() {
        return new MarginAssessor(new ZoneRule(hysteresis), new MarginCallSchedule(marginCallRepeat),
                new LiquidationTriggerRule(priceMaxAge));
    }
}
