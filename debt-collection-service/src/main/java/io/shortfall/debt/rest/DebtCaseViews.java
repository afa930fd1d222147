package io.shortfall.debt.rest;

import io.shortfall.debt.PaymentAllocation;
import io.shortfall.debt.config.DebtConfig;
import io.shortfall.debt.domain.Pledging;
import io.shortfall.debt.repository.PlanRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.shortfall.debt.DebtCase;
import io.shortfall.debt.LiquidationReceipt;
import io.shortfall.debt.repository.CaseEntryRepository;
import io.shortfall.debt.repository.OfferRepository;
import io.shortfall.debt.repository.ReceiptRepository;
import io.shortfall.debt.service.DebtorProjection;
import io.shortfall.debt.service.EmailProjection;
import io.shortfall.debt.service.Negotiation;
import io.shortfall.debt.service.PledgeCustody;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Assembles what a case shows. Queries run one after the other (a reactive session runs one at a time).
 * The receipt's line on the timeline comes from the receipt itself, whichever arrived first; the emails sent about
 * the case from {@link EmailProjection}.
 */
@ApplicationScoped
public class DebtCaseViews {

    static final String LIQUIDATION_RECEIPT = "LIQUIDATION_RECEIPT";
    static final String BY_LIQUIDATION = "liquidation-service";

    private final OfferRepository offers;
    private final CaseEntryRepository entries;
    private final ReceiptRepository receipts;
    private final DebtorProjection debtors;
    private final EmailProjection emails;

    private final PlanRepository plans;
    private final Negotiation negotiation;
    private final DebtConfig config;
    private final Clock clock;
    private final PledgeCustody pledges;

    public DebtCaseViews(OfferRepository offers, CaseEntryRepository entries, ReceiptRepository receipts,
                         DebtorProjection debtors, PlanRepository plans, DebtConfig config, Clock clock,
                         Negotiation negotiation, EmailProjection emails, PledgeCustody pledges) {
        this.pledges = pledges;
        this.emails = emails;
        this.negotiation = negotiation;
        this.plans = plans;
        this.config = config;
        this.clock = clock;
        this.offers = offers;
        this.entries = entries;
        this.receipts = receipts;
        this.debtors = debtors;
    }

    /** Every offer of the case, as staff see them. */
    public Uni<List<OfferView>> offers(DebtCase debtCase) {
        return offers(debtCase, false);
    }

    /**
     * The case's offers; for its debtor, without an agent's offer a supervisor has not approved (maker-checker:
     * awaiting approval, or rejected or withdrawn before it was approved), which was never the debtor's to answer.
     */
    public Uni<List<OfferView>> offers(DebtCase debtCase, boolean forDebtor) {
        return unannounced(debtCase, forDebtor).chain(hidden -> offers(debtCase, hidden));
    }

    private Uni<Set<UUID>> unannounced(DebtCase debtCase, boolean forDebtor) {
        return forDebtor ? negotiation.unannounced(debtCase.id) : Uni.createFrom().item(Set.of());
    }

    private Uni<List<OfferView>> offers(DebtCase debtCase, Set<UUID> hidden) {
        return offers.byCase(debtCase.id).map(all -> all.stream().filter(o -> !hidden.contains(o.id)).toList())
                .chain(list -> offers.schedules(list).map(schedules -> list.stream()
                        .map(offer -> OfferView.of(offer, schedules.getOrDefault(offer.id, List.of()), clock.instant()))
                        .toList()));
    }

    /** The case as staff see it. */
    public Uni<DebtCaseView> view(DebtCase debtCase) {
        return view(debtCase, false);
    }

    /**
     * The case; for its debtor, without the offers a supervisor has not approved, nor the timeline's entries about
     * them or about the approvals (the maker-checker is the lender's internal control).
     */
    public Uni<DebtCaseView> view(DebtCase debtCase, boolean forDebtor) {
        return unannounced(debtCase, forDebtor).chain(hidden -> view(debtCase, forDebtor, hidden));
    }

    private Uni<DebtCaseView> view(DebtCase debtCase, boolean forDebtor, Set<UUID> hidden) {
        return offers(debtCase, hidden).chain(offerViews -> entries.byCase(debtCase.id)
                .map(all -> (forDebtor ? all.stream().filter(e -> !e.kind.startsWith("APPROVAL_")
                        && hidden.stream().noneMatch(id -> e.text != null && e.text.contains(id.toString())))
                        : all.stream())
                        .map(e -> new DebtCaseView.TimelineEntry(e.at, e.kind, e.by, e.text))
                        .collect(Collectors.toCollection(ArrayList::new)))
                .chain(timeline -> emails.timelineOf(debtCase).invoke(sent -> timeline.addAll(0, sent))
                        .replaceWith(timeline))
                .chain(timeline -> receipts.findById(debtCase.liquidationId)
                        .chain(receipt -> debtors.find(debtCase.debtorId).chain(debtor -> {
                            ZoneId zone = debtors.zoneOf(debtor);
                            String name = debtor == null ? null : debtor.name;
                            return plan(debtCase, LocalDate.ofInstant(clock.instant(), zone))
                                    .chain(plan -> payments(debtCase).chain(payments -> pledges.of(debtCase.id)
                                            .map(pledged -> new DebtCaseView(debtCase.id, debtCase.debtorId,
                                                    name, debtCase.status.name(), debtCase.amount, debtCase.outstanding,
                                                    debtCase.currency, debtCase.liquidationId, debtCase.loanId,
                                                    debtCase.openedAt, zone.getId(), debtCase.daysPastDue,
                                                    debtCase.bucket, debtCase.assignee, plan,
                                                    receipt == null ? null : ReceiptView.of(receipt), offerViews,
                                                    timeline(timeline, receipt), debtCase.hold, debtCase.paid,
                                                    debtCase.discount, payments,
                                                    debtCase.escalationStage == null ? null
                                                            : new DebtCaseView.Escalation(debtCase.escalationStage,
                                                            debtCase.escalationReason, debtCase.escalatedBy,
                                                            debtCase.escalatedAt),
                                                    pledged.stream().map(PledgeView::of).toList(),
                                                    Pledging.refusal(debtCase.status,
                                                            pledged.stream().anyMatch(p -> p.status.isLive()))
                                                            .isEmpty()))));
                        }))));
    }

    /** The case's latest plan (live, or how the last one ended), or null before any offer was accepted. */
    public Uni<PlanView> plan(DebtCase debtCase, LocalDate today) {
        return plans.latestOf(debtCase.id).chain(plan -> plan == null ? Uni.createFrom().nullItem()
                : plans.installments(plan.id).map(rows -> PlanView.of(plan, rows, today,
                config.delinquency().policy())));
    }

    /** Every payment of the case in the order received, with its allocations. */
    public Uni<List<PaymentView>> payments(DebtCase debtCase) {
        return plans.paymentsOfCase(debtCase.id).chain(payments -> plans.allocations(payments.stream()
                        .map(p -> p.id).toList())
                .map(allocations -> {
                    Map<UUID, List<PaymentAllocation>> byPayment = allocations.stream()
                            .collect(Collectors.groupingBy(a -> a.paymentId));
                    return payments.stream().map(p -> PaymentView.of(p,
                            PaymentView.of(byPayment.getOrDefault(p.id, List.of())))).toList();
                }));
    }

    /** The case's entries and emails, with the receipt's line, oldest first (a stable sort keeps ties in order). */
    private static List<DebtCaseView.TimelineEntry> timeline(List<DebtCaseView.TimelineEntry> entries,
                                                             LiquidationReceipt receipt) {
        List<DebtCaseView.TimelineEntry> timeline = new ArrayList<>();
        if (receipt != null) {
            timeline.add(new DebtCaseView.TimelineEntry(receipt.completedAt, LIQUIDATION_RECEIPT, BY_LIQUIDATION,
                    describe(receipt)));
        }
        timeline.addAll(entries);
        timeline.sort(Comparator.comparing(DebtCaseView.TimelineEntry::at));
        return timeline;
    }

    private static String describe(LiquidationReceipt receipt) {
        return "Collateral sold: " + plain(receipt.collateralSold) + " " + (receipt.collateralAsset == null ? ""
                : receipt.collateralAsset) + " for gross " + plain(receipt.gross) + ", fee " + plain(receipt.fee)
                + "; debt " + plain(receipt.debt) + ", covered " + plain(receipt.debtCovered)
                + ", shortfall " + plain(receipt.shortfall);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.toPlainString();
    }
}
