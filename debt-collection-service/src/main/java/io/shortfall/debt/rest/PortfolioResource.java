package io.shortfall.debt.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shortfall.debt.DebtCase;
import io.shortfall.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The portfolio: totals by status and by days-past-due bucket, per currency. */
@Path("/api/portfolio")
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class PortfolioResource {

    public record Total(String currency, String key, long cases, BigDecimal amount, BigDecimal outstanding,
                        BigDecimal paid) {
    }

    public record Portfolio(List<Total> byStatus, List<Total> byBucket, List<Total> total) {
    }

    @GET
    @WithSession
    @Operation(summary = "Cases, amounts, outstanding and paid by status and by bucket (\"current\": not past due)")
    public Uni<Portfolio> portfolio() {
        return DebtCase.<DebtCase>listAll().map(all -> {
            Map<String, Total> byStatus = new TreeMap<>();
            Map<String, Total> byBucket = new TreeMap<>();
            Map<String, Total> total = new TreeMap<>();
            for (DebtCase c : all) {
                add(byStatus, c, c.status.name());
                add(byBucket, c, c.bucket == null ? "current" : c.bucket);
                add(total, c, "all");
            }
            return new Portfolio(List.copyOf(byStatus.values()), List.copyOf(byBucket.values()),
                    List.copyOf(total.values()));
        });
    }

    private static void add(Map<String, Total> totals, DebtCase c, String key) {
        totals.merge(c.currency + "|" + key, new Total(c.currency, key, 1, c.amount, c.outstanding, c.paid),
                (a, b) -> new Total(a.currency(), a.key(), a.cases() + b.cases(), a.amount().add(b.amount()),
                        a.outstanding().add(b.outstanding()), a.paid().add(b.paid())));
    }
}
