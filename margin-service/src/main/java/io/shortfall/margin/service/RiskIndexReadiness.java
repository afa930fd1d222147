package io.shortfall.margin.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the positions are back in the risk index. */
@Readiness
@ApplicationScoped
public class RiskIndexReadiness implements HealthCheck {

    private final RiskIndex index;

    public RiskIndexReadiness(RiskIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("risk-index").status(index.isLoaded()).build();
    }
}
