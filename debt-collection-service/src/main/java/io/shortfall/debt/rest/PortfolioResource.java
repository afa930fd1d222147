package io.shortfall.debt.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The portfolio: totals by status and by days-past-due bucket, per currency. An aggregate, not a list: the
 * database sums the cases per currency, status and bucket ({@link DebtCaseRepository#totals()}), a few rows
 * whatever the number of cases, and they are folded here.
 */
@Path("/api/portfolio")
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
@Tag(name = "Portfolio", description = "Cases and amounts by status and bucket")
public class PortfolioResource {

    public record Total(@NotNull String currency, @NotNull String key, @NotNull long cases, @NotNull BigDecimal amount,
                        @NotNull BigDecimal outstanding, @NotNull BigDecimal paid) {
    }

    public record Portfolio(@NotNull List<Total> byStatus, @NotNull List<Total> byBucket, @NotNull List<Total> total) {
    }

    private final DebtCaseRepository cases;

    public PortfolioResource(DebtCaseRepository cases) {
        this.cases = cases;
    }

    @GET
    @WithSession
    @Operation(operationId = "getPortfolio", summary = "Cases, amounts, outstanding and paid by status and by bucket (\"current\": not past due), "
            + "per currency (summed by the database)")
    public Uni<Portfolio> portfolio() {
        return cases.totals().map(all -> {
            Map<String, Total> byStatus = new TreeMap<>();
            Map<String, Total> byBucket = new TreeMap<>();
            Map<String, Total> total = new TreeMap<>();
            for (DebtCaseRepository.Totals t : all) {
                add(byStatus, t, t.status());
                add(byBucket, t, t.bucket() == null ? "current" : t.bucket());
                add(total, t, "all");
            }
            return new Portfolio(List.copyOf(byStatus.values()), List.copyOf(byBucket.values()),
                    List.copyOf(total.values()));
        });
    }

    private static void add(Map<String, Total> totals, DebtCaseRepository.Totals t, String key) {
        totals.merge(t.currency() + "|" + key,
                new Total(t.currency(), key, t.cases(), t.amount(), t.outstanding(), t.paid()),
                (a, b) -> new Total(a.currency(), a.key(), a.cases() + b.cases(), a.amount().add(b.amount()),
                        a.outstanding().add(b.outstanding()), a.paid().add(b.paid())));
    }
}
