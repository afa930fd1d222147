package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.Offer;
import io.shortfall.debt.OfferInstallment;
import io.shortfall.debt.domain.OfferStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    /** A new offer and its schedule. */
    public Uni<Void> add(Offer offer, List<OfferInstallment> schedule) {
        return persist(offer).chain(() -> getSession().chain(session -> session.persistAll(schedule.toArray())));
    }

    /** The case's offers open to an answer. */
    public Uni<List<Offer>> openOf(UUID caseId) {
        return list("caseId = ?1 and status = ?2", caseId, OfferStatus.OPEN);
    }

    /** Withdraws every live offer of the case ({@code by}, {@code why}). */
    public Uni<Void> withdrawLive(UUID caseId, String by, Instant at, String why) {
        return update("status = ?1, decidedBy = ?2, decidedAt = ?3, reason = ?4 where caseId = ?5 and status in ?6",
                OfferStatus.WITHDRAWN, by, at, why, caseId, OfferStatus.LIVE).replaceWithVoid();
    }

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
