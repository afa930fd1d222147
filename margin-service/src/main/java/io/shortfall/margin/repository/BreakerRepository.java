package io.shortfall.margin.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.margin.Breaker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BreakerRepository implements PanacheRepositoryBase<Breaker, String> {

    /** Is the asset's breaker tripped? */
    public Uni<Boolean> isTripped(String asset) {
        return findById(asset).map(breaker -> breaker != null && breaker.tripped);
    }
}
