package io.shortfall.margin.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.shortfall.margin.repository.PositionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Open positions kept before their boundaries were (a database from an earlier version) get them at start-up,
 * in batches of 1000, before the service reports ready; until then no price would reach them. On a database
 * that has none it is one query.
 */
@ApplicationScoped
public class BoundariesBackfill {

    private static final int BATCH = 1000;
    private final PositionRepository positions;
    private final MarginDecisions decisions;
    private volatile boolean done;

    public BoundariesBackfill(PositionRepository positions, MarginDecisions decisions) {
        this.positions = positions;
        this.decisions = decisions;
    }

    void run(@Observes @Priority(500) StartupEvent startup) throws Throwable {
        int total = 0;
        int batch;
        do {
            batch = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> positions.unbounded(BATCH)
                    .invoke(found -> found.forEach(p -> {
                        decisions.bound(p);
                        p.rekey(decisions.engine());
                    }))
                    .map(found -> found.size())));
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            Log.infof("boundaries computed for %d positions kept before them", total);
        }
        done = true;
    }

    public boolean isDone() {
        return done;
    }

}
