package io.shortfall.margin.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.margin.Breaker;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BreakerRepository implements PanacheRepositoryBase<Breaker, String> {
}
