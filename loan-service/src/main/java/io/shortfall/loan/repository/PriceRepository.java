package io.shortfall.loan.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.loan.AssetPrice;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PriceRepository implements PanacheRepositoryBase<AssetPrice, String> {
}
