package io.shortfall.loan.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.shortfall.events.MarginEvents;
import io.shortfall.loan.Loan;
import io.shortfall.loan.domain.LoanStatus;
import io.shortfall.loan.domain.Zone;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The interleavings a race can produce, made deterministic: one change reads the loan, another commits in
 * between, then the first writes. The first must fail whole (its optimistic lock), whichever of a repayment
 * and the liquidation lock it is.
 */
@QuarkusTest
class OptimisticLockTest {

    @Inject
    Vertx vertx;
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    LoanChanges changes;
    @Inject
    LiquidationHandOff liquidation;

    /** Runs {@code work} on a fresh safe Vert.x context (where Hibernate Reactive may run) and waits for it. */
    private <T> T onVertx(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().<T>deferred(() -> work.get()).subscribe()
                .with(result::complete, result::completeExceptionally));
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** A change of the loan committed in a session of its own, as another request or consumer would. */
    private Uni<Void> elsewhere(UUID id, Consumer<Loan> change) {
        return sessions.openSession().chain(session -> session.withTransaction(tx -> session.find(Loan.class, id)
                        .invoke(change))
                .eventually(session::close)).replaceWithVoid();
    }

    private UUID newLoan(String borrower, String asset) throws Exception {
        return newLoan(borrower, asset, LocalDate.now(ZoneOffset.UTC));
    }

    private UUID newLoan(String borrower, String asset, LocalDate accruedThrough) throws Exception {
        return newLoan(borrower, asset, accruedThrough, LoanStatus.ACTIVE);
    }

    private UUID newLoan(String borrower, String asset, LocalDate accruedThrough, LoanStatus status)
            throws Exception {
        Loan loan = new Loan();
        loan.id = UUID.randomUUID();
        loan.borrowerId = borrower;
        loan.status = status;
        loan.collateralAsset = asset;
        loan.collateralAmount = new BigDecimal("1.00000000");
        loan.principal = new BigDecimal("1000.00");
        loan.accruedInterest = new BigDecimal("0.00");
        loan.interestAccruedThrough = accruedThrough;
        loan.interestCarry = BigDecimal.ZERO;
        loan.currency = "USDT";
        loan.apr = new BigDecimal("0.12");
        loan.initialLtv = new BigDecimal("0.65");
        loan.warningLtv = new BigDecimal("0.75");
        loan.marginCallLtv = new BigDecimal("0.80");
        loan.liquidationLtv = new BigDecimal("0.8333");
        loan.liquidationPolicy = "FULL";
        loan.recourse = "RECOURSE";
        loan.zone = Zone.RED;
        loan.openedAt = Instant.now();
        onVertx(() -> Panache.withTransaction(loan::persist));
        return loan.id;
    }

    private Loan reload(UUID id) throws Exception {
        return onVertx(() -> Panache.withSession(() -> Loan.<Loan>findById(id)));
    }

    private static boolean lostTheRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.StaleStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aRepaymentThatReadTheLoanBeforeTheLockCommittedIsRolledBack() throws Exception {
        UUID id = newLoan("ria", "AVAX");

        assertThatThrownBy(() -> onVertx(() -> Panache.withTransaction(() -> Loan.<Loan>findById(id)
                .chain(seenActive -> elsewhere(id, loan -> loan.status = LoanStatus.LIQUIDATING))
                .chain(() -> changes.repay("ria", id, new BigDecimal("100.00"))))))
                .satisfies(failure -> assertThat(lostTheRace(failure)).as(failure.toString()).isTrue());

        Loan after = reload(id);
        assertThat(after.status).isEqualTo(LoanStatus.LIQUIDATING);
        assertThat(after.principal).isEqualByComparingTo("1000.00");
    }

    @Test
    void aLockThatReadTheLoanBeforeARepaymentCommittedIsRolledBack() throws Exception {
        UUID id = newLoan("ria", "AVAX");
        // LTV at 1100 is 1000 / 1100 = 0.91: a trigger the lock would follow, on the loan as it read it.
        var trigger = new MarginEvents.LiquidationTriggered(id, new BigDecimal("0.91"), new BigDecimal("1100"),
                Instant.now());

        assertThatThrownBy(() -> onVertx(() -> Panache.withTransaction(() -> Loan.<Loan>findById(id)
                .chain(seenUnpaid -> elsewhere(id, loan -> loan.principal = new BigDecimal("500.00")))
                .chain(() -> liquidation.onTriggered(trigger)))))
                .satisfies(failure -> assertThat(lostTheRace(failure)).as(failure.toString()).isTrue());

        Loan after = reload(id);
        assertThat(after.status).isEqualTo(LoanStatus.ACTIVE);
        assertThat(after.principal).isEqualByComparingTo("500.00");
    }

    /**
     * margin-service reports zones all through a crash, exactly when borrowers repay or add collateral: a zone
     * change is no change of the loan's money, so it neither fails a borrower's change with a 409 nor is undone
     * by it.
     */
    @Test
    void aZoneChangeBetweenARepaymentsReadAndWriteFailsNeither() throws Exception {
        UUID id = newLoan("ria", "AVAX");

        onVertx(() -> Panache.withTransaction(() -> Loan.<Loan>findById(id)
                .chain(seenRed -> elsewhere(id, loan -> loan.zone = Zone.ORANGE))
                .chain(() -> changes.repay("ria", id, new BigDecimal("100.00")))));

        Loan after = reload(id);
        assertThat(after.principal).isEqualByComparingTo("900.00");
        assertThat(after.zone).isEqualTo(Zone.ORANGE);
    }

    /** The other way round, the zone change is the one retried (by its consumer); the repayment stands. */
    @Test
    void aRepaymentBetweenAZoneChangesReadAndWriteIsNotUndoneByIt() throws Exception {
        UUID id = newLoan("ria", "AVAX");

        assertThatThrownBy(() -> onVertx(() -> Panache.withTransaction(() -> Loan.<Loan>findById(id)
                .call(seen -> elsewhere(id, loan -> loan.principal = new BigDecimal("900.00")))
                .invoke(seen -> seen.zone = Zone.ORANGE))))
                .satisfies(failure -> assertThat(lostTheRace(failure)).as(failure.toString()).isTrue());

        Loan after = reload(id);
        assertThat(after.principal).isEqualByComparingTo("900.00");
        assertThat(after.zone).isEqualTo(Zone.RED);
    }

    /**
     * A consumer's batch changes loans in different ways in one transaction (during a crash: the zone of some, the
     * status and interest of others). Each is written with only its changed columns; statements of different shapes
     * must not be sent as one batch (they once were, and every such batch failed and was retried record by record).
     */
    @Test
    void oneTransactionWritesLoansChangedInDifferentWays() throws Exception {
        java.util.List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(newLoan("ria", "AVAX"));
        }

        java.util.Set<UUID> zoneOnly = new java.util.HashSet<>();
        onVertx(() -> Panache.withTransaction(() -> Loan.<Loan>list("id in ?1", ids).invoke(loans -> {
            for (int i = 0; i < loans.size(); i++) {
                Loan loan = loans.get(i);
                if (i % 2 == 0) {
                    zoneOnly.add(loan.id);
                    loan.zone = Zone.ORANGE;
                } else {
                    loan.status = LoanStatus.LIQUIDATING;
                    loan.accruedInterest = new BigDecimal("1.23");
                }
            }
        })));

        assertThat(zoneOnly).hasSize(3);
        for (UUID id : ids) {
            Loan after = reload(id);
            if (zoneOnly.contains(id)) {
                assertThat(after.zone).isEqualTo(Zone.ORANGE);
                assertThat(after.status).isEqualTo(LoanStatus.ACTIVE);
            } else {
                assertThat(after.zone).isEqualTo(Zone.RED);
                assertThat(after.status).isEqualTo(LoanStatus.LIQUIDATING);
                assertThat(after.accruedInterest).isEqualByComparingTo("1.23");
            }
        }
    }

    @Test
    void withoutARaceTheSameRepaymentGoesThrough() throws Exception {
        UUID id = newLoan("ria", "AVAX");
        onVertx(() -> Panache.withTransaction(() -> changes.repay("ria", id, new BigDecimal("100.00"))));
        assertThat(reload(id).principal).isEqualByComparingTo("900.00");
    }

    @Test
    void theLockBringsTheInterestUpToTodayBeforeTakingTheSnapshot() throws Exception {
        // Ten days unaccrued: 1000 × 0.12 × 10 / 365 = 3.287...: 3.28 owed when the loan is locked.
        UUID id = newLoan("ria", "AVAX", LocalDate.now(ZoneOffset.UTC).minusDays(10));
        var trigger = new MarginEvents.LiquidationTriggered(id, new BigDecimal("0.91"), new BigDecimal("1100"),
                Instant.now());
        // Retried if the daily accrual job accrued the loan at the same moment, as the consumer would.
        onVertx(() -> Panache.withTransaction(() -> liquidation.onTriggered(trigger))
                .onFailure(OptimisticLockTest::lostTheRace).retry().atMost(3));

        Loan after = reload(id);
        assertThat(after.status).isEqualTo(LoanStatus.LIQUIDATING);
        assertThat(after.accruedInterest).isEqualByComparingTo("3.28");
        assertThat(after.interestAccruedThrough).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        var started = onVertx(() -> Panache.withSession(() -> io.shortfall.kit.outbox.OutboxMessage
                .<io.shortfall.kit.outbox.OutboxMessage>find("type = ?1 and messageKey = ?2", "LiquidationStarted",
                        id.toString()).firstResult()));
        assertThat(started).isNotNull();
        var snapshot = io.shortfall.events.EventJson.mapper().readTree(started.envelope).get("payload");
        assertThat(snapshot.get("accruedInterest").asText()).isEqualTo("3.28");
        assertThat(snapshot.get("principal").asText()).isEqualTo("1000.00");
    }

    @Test
    void aPartialSaleChargesTheInterestOfTheLockedDaysFirst() throws Exception {
        UUID id = newLoan("ria", "AVAX", LocalDate.now(ZoneOffset.UTC).minusDays(10), LoanStatus.LIQUIDATING);
        var completed = new io.shortfall.events.LiquidationEvents.LiquidationCompleted(UUID.randomUUID(), id, "ria",
                "AVAX", "PARTIAL", new BigDecimal("0.25000000"), new BigDecimal("400"), new BigDecimal("100.00"),
                new BigDecimal("0.00"), new BigDecimal("100.00"), new BigDecimal("0.00"), new BigDecimal("1000.00"),
                new BigDecimal("100.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), java.util.List.of());
        onVertx(() -> Panache.withTransaction(() -> liquidation.onCompleted(completed))
                .onFailure(OptimisticLockTest::lostTheRace).retry().atMost(3));

        // Ten days on 1000 at 12%: 3.28 of interest, paid first out of the 100 covered; 96.72 of principal.
        Loan after = reload(id);
        assertThat(after.status).isEqualTo(LoanStatus.ACTIVE);
        assertThat(after.accruedInterest).isEqualByComparingTo("0.00");
        assertThat(after.principal).isEqualByComparingTo("903.28");
        assertThat(after.collateralAmount).isEqualByComparingTo("0.75");
    }
}
