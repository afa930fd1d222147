package io.shortfall.liquidation.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shortfall.liquidation.InsuranceFundDraw;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InsuranceFundDrawRepository implements PanacheRepositoryBase<InsuranceFundDraw, UUID> {

    public Uni<List<InsuranceFundDraw>> newestFirst(String currency, Page page) {
        return find("currency", Sort.descending("drawnAt", "id"), currency).page(page).list();
    }
}
