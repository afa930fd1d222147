package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.debt.Reminder;
import io.shortfall.debt.domain.Delinquency;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<Reminder, UUID> {

    /** Whether this reminder of installment {@code n} of the plan was sent already. */
    public Uni<Boolean> sent(UUID planId, Delinquency.Reminder reminder) {
        return count("planId = ?1 and n = ?2 and kind = ?3 and daysPastDue = ?4", planId, reminder.n(),
                reminder.kind().name(), reminder.daysPastDue()).map(n -> n > 0);
    }
}
