package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.debt.Debtor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Debtors' rows, each written by an upsert: the contact (loan.events) and the chosen zone (notification.events) come
 * through two consumers, and either may create the first row while the other does. A debtor already in the session
 * is read again, so what follows sees the change.
 */
@ApplicationScoped
public class DebtorRepository implements PanacheRepositoryBase<Debtor, String> {

    /** The zone and name the identity provider gives (a null name keeps the one known). */
    public Uni<Void> recordContact(String debtorId, String zone, String name, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("zone", zone);
        values.put("name", name);
        return upsert(debtorId, """
                insert into debtor (id, time_zone, name, updated_at) values (:id, :zone, :name, :at)
                on conflict (id) do update set time_zone = excluded.time_zone,
                                               name = coalesce(excluded.name, debtor.name),
                                               updated_at = excluded.updated_at""", values, at);
    }

    /** The zone the debtor chose (null: none); a new row gets {@code defaultZone} as its zone of record. */
    public Uni<Void> recordChosenZone(String debtorId, String defaultZone, String chosen, Instant at) {
        Map<String, Object> values = new HashMap<>();
        values.put("zone", defaultZone);
        values.put("chosen", chosen);
        return upsert(debtorId, """
                insert into debtor (id, time_zone, chosen_time_zone, updated_at) values (:id, :zone, :chosen, :at)
                on conflict (id) do update set chosen_time_zone = excluded.chosen_time_zone,
                                               updated_at = excluded.updated_at""", values, at);
    }

    private Uni<Void> upsert(String debtorId, String sql, Map<String, Object> values, Instant at) {
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql).setParameter("id", debtorId)
                    .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            values.forEach(query::setParameter);
            return query.executeUpdate()
                    .chain(() -> session.find(Debtor.class, debtorId))
                    .chain(debtor -> debtor == null ? Uni.createFrom().voidItem() : session.refresh(debtor));
        }).replaceWithVoid();
    }
}
