package io.shortfall.loan.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.shortfall.loan.Loan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LoanRepository implements PanacheRepositoryBase<Loan, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("openedAt").and("id");

    public Uni<List<Loan>> byBorrower(String borrowerId, Page page) {
        return find("borrowerId", NEWEST_FIRST, borrowerId).page(page).list();
    }

    public Uni<List<Loan>> all(Page page) {
        return findAll(NEWEST_FIRST).page(page).list();
    }
}
