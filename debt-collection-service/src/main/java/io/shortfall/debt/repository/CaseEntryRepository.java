package io.shortfall.debt.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.shortfall.debt.CaseEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseEntryRepository implements PanacheRepositoryBase<CaseEntry, UUID> {

    public Uni<List<CaseEntry>> byCase(UUID caseId) {
        return find("caseId", Sort.ascending("at", "seq"), caseId).list();
    }
}
