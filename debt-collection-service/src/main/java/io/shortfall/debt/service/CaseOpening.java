package io.shortfall.debt.service;

import io.quarkus.logging.Log;
import io.shortfall.debt.CaseEntry;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Offer;
import io.shortfall.debt.OfferInstallment;
import io.shortfall.debt.config.DebtConfig;
import io.shortfall.debt.domain.Installment;
import io.shortfall.debt.domain.OfferLadder;
import io.shortfall.debt.domain.OfferPolicy;
import io.shortfall.debt.domain.OfferStatus;
import io.shortfall.debt.domain.PlanSchedule;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.Topics;
import io.shortfall.kit.messaging.BatchScope;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opens the one debt case of a negative balance with recourse, with its self-serve offer ladder, and
 * announces it ({@code DebtCaseOpened}) in the same transaction. Runs inside the consumer's transaction.
 *
 * <p>At most one case per liquidation: a case already open for it (a repeat of the event under a new
 * event id) changes nothing, and the database's unique constraint on {@code liquidation_id} stops a
 * racing second insert, whose retry then finds the first case.
 */
@ApplicationScoped
public class CaseOpening {

    public static final String RECOURSE = "RECOURSE";
    public static final String NON_RECOURSE = "NON_RECOURSE";

    private final DebtCaseRepository cases;
    private final DebtorProjection debtors;
    private final DebtConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private final DebtMetrics metrics;

    public CaseOpening(DebtCaseRepository cases, DebtorProjection debtors, DebtConfig config, Outbox outbox,
                       Clock clock, DebtMetrics metrics) {
        this.cases = cases;
        this.debtors = debtors;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Uni<Void> onNegativeBalance(LiquidationEvents.NegativeBalanceRecorded balance) {
        requireValid(balance);
        if (NON_RECOURSE.equals(balance.recourse())) {
            Log.infof("liquidation %s: shortfall of %s %s without recourse, no case", balance.liquidationId(),
                    balance.amount(), balance.currency());
            return Uni.createFrom().voidItem();
        }
        Uni<Boolean> exists = BatchScope.<Set<UUID>>get(OPENED)
                .map(opened -> Uni.createFrom().item(opened.contains(balance.liquidationId())))
                .orElseGet(() -> cases.byLiquidation(balance.liquidationId()).map(c -> c != null));
        return exists.chain(known -> {
            if (known) {
                Log.infof("liquidation %s already has a case", balance.liquidationId());
                return Uni.createFrom().voidItem();
            }
            return debtors.zoneOf(balance.borrowerId()).chain(zone -> open(balance, zone));
        });
    }

    private static final String OPENED = CaseOpening.class.getName() + ".opened";

    /**
     * Before a batch: which of its liquidations have a case already, and its debtors (one query each), so each
     * {@link #onNegativeBalance} asks the database nothing.
     */
    public Uni<Void> prepare(List<LiquidationEvents.NegativeBalanceRecorded> batch) {
        List<UUID> liquidations = batch.stream().map(LiquidationEvents.NegativeBalanceRecorded::liquidationId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        List<String> debtorIds = batch.stream().map(LiquidationEvents.NegativeBalanceRecorded::borrowerId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        if (liquidations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return cases.withCases(liquidations).invoke(found -> BatchScope.put(OPENED, new java.util.HashSet<>(found)))
                .chain(() -> debtors.load(debtorIds))
                .replaceWithVoid();
    }

    private Uni<Void> open(LiquidationEvents.NegativeBalanceRecorded balance, ZoneId zone) {
        Instant now = clock.instant();
        DebtCase debtCase = new DebtCase();
        debtCase.id = UUID.randomUUID();
        debtCase.debtorId = balance.borrowerId();
        debtCase.open();
        debtCase.amount = balance.amount().setScale(PlanSchedule.SCALE);
        debtCase.outstanding = debtCase.amount;
        debtCase.currency = balance.currency();
        debtCase.liquidationId = balance.liquidationId();
        debtCase.loanId = balance.loanId();
        debtCase.openedAt = now;

        LocalDate today = LocalDate.ofInstant(now, zone);
        List<OfferLadder.Rung> ladder = OfferLadder.build(debtCase.amount, today, config.ladder().terms(),
                config.negotiation().bounds());
        List<Object> rows = new ArrayList<>();
        for (OfferLadder.Rung rung : ladder) {
            Offer offer = offer(debtCase.id, rung, now);
            offer.expiresAt = OfferPolicy.expiresAt(now, config.offerExpiryDays(), rung.firstDueDate(), zone);
            rows.add(offer);
            rung.schedule().forEach(installment -> rows.add(OfferInstallment.of(offer.id, installment)));
        }
        rows.add(CaseEntry.of(debtCase.id, now, CaseEntry.CASE_OPENED, Offer.BY_SYSTEM,
                "Case opened: " + debtCase.amount.toPlainString() + " " + debtCase.currency
                        + " left owing after liquidation " + debtCase.liquidationId + " of loan " + debtCase.loanId));
        rows.add(CaseEntry.of(debtCase.id, now, CaseEntry.OFFERS_MADE, Offer.BY_SYSTEM, describe(ladder, zone)));

        // Two cases for one liquidation (a replica racing on a repeat under a new event id) fail at commit on the
        // unique liquidation_id; applied again alone, the repeat then finds the first case.
        if (BatchScope.<Set<UUID>>get(OPENED).isPresent()) {
            BatchScope.<Set<UUID>>get(OPENED).get().add(balance.liquidationId());
        }
        return cases.open(debtCase, rows)
                .call(() -> outbox.publish(Topics.DEBT_EVENTS, new DebtEvents.DebtCaseOpened(debtCase.id,
                        debtCase.debtorId, debtCase.amount, debtCase.currency, debtCase.liquidationId,
                        debtCase.loanId, ladder.stream().map(CaseOpening::ladderOffer).toList())))
                .invoke(() -> {
                    metrics.caseOpened(debtCase.currency, debtCase.amount);
                    Log.infof("case %s opened for %s: %s %s after liquidation %s", debtCase.id, debtCase.debtorId,
                            debtCase.amount, debtCase.currency, debtCase.liquidationId);
                })
                .replaceWithVoid();
    }

    private static Offer offer(UUID caseId, OfferLadder.Rung rung, Instant now) {
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.caseId = caseId;
        offer.by = Offer.BY_SYSTEM;
        offer.kind = rung.kind().name();
        offer.installments = rung.installments();
        offer.frequency = rung.kind() == OfferLadder.Kind.INSTALLMENTS ? Offer.MONTHLY : null;
        offer.firstDueDate = rung.firstDueDate();
        offer.amount = rung.total();
        offer.createdAt = now;
        offer.authorId = Offer.BY_SYSTEM;
        return offer;
    }

    private static DebtEvents.LadderOffer ladderOffer(OfferLadder.Rung rung) {
        return new DebtEvents.LadderOffer(rung.kind().name(), rung.installments(), rung.total(),
                rung.schedule().stream().map(i -> new DebtEvents.ScheduledInstallment(i.n(), i.dueDate(), i.amount()))
                        .toList());
    }

    private static String describe(List<OfferLadder.Rung> ladder, ZoneId zone) {
        return "Self-serve offers (dates in " + zone.getId() + "): " + ladder.stream().map(rung ->
                rung.kind() == OfferLadder.Kind.PAY_IN_FULL
                        ? "pay " + rung.total().toPlainString() + " in full by " + rung.firstDueDate()
                        : rung.installments() + " monthly installments of " + installments(rung.schedule())
                        + " from " + rung.firstDueDate())
                .collect(Collectors.joining("; "));
    }

    /** "333.33" or, when the remainder makes the last one larger, "333.33 (the last 333.34)". */
    private static String installments(List<Installment> schedule) {
        BigDecimal equal = schedule.get(0).amount();
        BigDecimal last = schedule.get(schedule.size() - 1).amount();
        return equal.toPlainString() + (last.equals(equal) ? "" : " (the last " + last.toPlainString() + ")");
    }

    private static void requireValid(LiquidationEvents.NegativeBalanceRecorded balance) {
        if (balance.liquidationId() == null || balance.loanId() == null || balance.borrowerId() == null
                || balance.borrowerId().isBlank() || balance.currency() == null || balance.amount() == null) {
            throw new PoisonEventException("NegativeBalanceRecorded lacks liquidationId, loanId, borrowerId, "
                    + "amount or currency: " + balance);
        }
        if (balance.amount().signum() <= 0 || balance.amount().stripTrailingZeros().scale() > PlanSchedule.SCALE) {
            throw new PoisonEventException("negative balance of liquidation " + balance.liquidationId()
                    + " must be a positive amount exact to the cent, not " + balance.amount());
        }
        if (!RECOURSE.equals(balance.recourse()) && !NON_RECOURSE.equals(balance.recourse())) {
            throw new PoisonEventException("unknown recourse " + balance.recourse() + " of liquidation "
                    + balance.liquidationId());
        }
    }
}
