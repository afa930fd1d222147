package io.shortfall.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shortfall.notification.Notification;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    public Uni<List<Notification>> feedOf(String recipient, Page page) {
        return find("recipient", NEWEST_FIRST, recipient).page(page).list();
    }

    public Uni<List<Notification>> byIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }
}
