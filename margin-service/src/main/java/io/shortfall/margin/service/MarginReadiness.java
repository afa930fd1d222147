package io.shortfall.margin.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until every open position has its boundaries, nor while the decisions of an asset are failing (the
 * check names the asset, since when, how many attempts and the last error; the other assets are still watched).
 */
@Readiness
@ApplicationScoped
public class MarginReadiness implements HealthCheck {

    private final BoundariesBackfill backfill;
    private final AssetWatch watch;

    public MarginReadiness(BoundariesBackfill backfill, AssetWatch watch) {
        this.backfill = backfill;
        this.watch = watch;
    }

    @Override
    public HealthCheckResponse call() {
        var failing = watch.failing();
        var response = HealthCheckResponse.named("margin-decisions")
                .status(backfill.isDone() && failing.isEmpty())
                .withData("boundaries", backfill.isDone() ? "computed" : "being computed");
        failing.forEach((asset, f) -> response.withData(asset, "failing since " + f.since() + " (" + f.failures()
                + " attempts): " + f.lastFailure()));
        return response.build();
    }
}
