package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.shortfall.debt.Debtor;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DebtorRepository implements PanacheRepositoryBase<Debtor, String> {
}
