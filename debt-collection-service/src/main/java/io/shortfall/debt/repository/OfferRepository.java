package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.Offer;
import io.shortfall.debt.OfferInstallment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    /** The offers of a case in the order they were made (the ladder: fewest payments first). */
    public Uni<List<Offer>> byCase(UUID caseId) {
        return find("caseId", Sort.ascending("createdAt", "installments", "id"), caseId).list();
    }

    /** The schedules of {@code offers}, each ordered by {@code n}. */
    public Uni<Map<UUID, List<OfferInstallment>>> schedules(List<Offer> offers) {
        if (offers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = offers.stream().map(o -> o.id).toList();
        return OfferInstallment.<OfferInstallment>find("offerId in ?1", Sort.ascending("offerId", "n"), ids).list()
                .map(all -> all.stream().collect(Collectors.groupingBy(i -> i.offerId)));
    }
}
