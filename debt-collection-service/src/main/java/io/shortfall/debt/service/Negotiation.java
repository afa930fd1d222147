package io.shortfall.debt.service;

import io.shortfall.debt.Approval;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Offer;
import io.shortfall.debt.OfferInstallment;
import io.shortfall.debt.Plan;
import io.shortfall.debt.PlanInstallment;
import io.shortfall.debt.config.DebtConfig;
import io.shortfall.debt.domain.ApprovalStatus;
import io.shortfall.debt.domain.CaseStatus;
import io.shortfall.debt.domain.Installment;
import io.shortfall.debt.domain.OfferPolicy;
import io.shortfall.debt.domain.OfferStatus;
import io.shortfall.debt.domain.PlanSchedule;
import io.shortfall.debt.domain.PlanStatus;
import io.shortfall.debt.domain.Pledging;
import io.shortfall.debt.repository.ApprovalRepository;
import io.shortfall.debt.repository.OfferRepository;
import io.shortfall.debt.repository.PlanRepository;
import io.shortfall.debt.repository.PledgeRepository;
import io.shortfall.events.DebtEvents;
import io.shortfall.kit.rest.Problems;
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
 * Offers and counter-offers between a debtor and the agents (docs/DOMAIN.md, "Offers", "Settlement"). Every
 * offer is kept with who made it and when, and how it was decided; accepting one starts its plan.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Negotiation {

    public static final String SYSTEM = "SYSTEM";

    /** No schedule is longer than this (30 years of months): a proposal of a million installments is bad input. */
    public static final int MAX_INSTALLMENTS = 360;

    /** No first due date is further away than this (10 years). */
    public static final int MAX_FIRST_DUE_DAYS = 3650;

    /** Who acts: the side ({@code DEBTOR} or {@code AGENT}) and the person's id. */
    public record Party(String side, String id) {
        public boolean isDebtor() {
            return Offer.BY_DEBTOR.equals(side);
        }
    }

    /** A proposal (docs/API.md): {@code counterOf} names the offer it answers, which it rejects. */
    public record Proposal(String kind, Integer installments, String frequency, LocalDate firstDueDate,
                           BigDecimal downPayment, BigDecimal amount, String note, UUID counterOf) {
    }

    private final OfferRepository offers;
    private final DebtorProjection debtors;
    private final DebtConfig config;
    private final CaseRecord record;
    private final Clock clock;
    private final ApprovalRepository approvals;
    private final PledgeRepository pledges;
    private final PlanRepository plans;

    /**
     * Nothing is left to negotiate on {@code debtCase} ({@code why}: written off, escalated): its live offers are
     * withdrawn, and the settlements awaiting a supervisor with them. Inside the caller's transaction.
     */
    public Uni<Void> endAll(DebtCase debtCase, Instant now, String why) {
        return offers.withdrawLive(debtCase.id, SYSTEM, now, why)
                .chain(() -> approvals.withdrawPendingSettlements(debtCase.id, null, SYSTEM, now, "withdrawn: " + why));
    }

    public Negotiation(PlanRepository plans, PledgeRepository pledges, ApprovalRepository approvals,
                       OfferRepository offers, DebtorProjection debtors, DebtConfig config, CaseRecord record,
                       Clock clock) {
        this.plans = plans;
        this.pledges = pledges;
        this.approvals = approvals;
        this.offers = offers;
        this.debtors = debtors;
        this.config = config;
        this.record = record;
        this.clock = clock;
    }

    /** The exact schedule a proposal would start, or a 400 naming the field at fault. */
    public List<Installment> preview(DebtCase debtCase, Proposal proposal, LocalDate today) {
        if (proposal.kind() == null) {
            throw Problems.invalid("kind", "required: INSTALLMENTS or SETTLEMENT");
        }
        BigDecimal owed = debtCase.outstanding;
        switch (proposal.kind()) {
            case Offer.INSTALLMENTS -> {
                if (proposal.installments() == null || proposal.installments() < 1) {
                    throw Problems.invalid("installments", "required: how many payments, 1 or more");
                }
                if (proposal.installments() > MAX_INSTALLMENTS) {
                    throw Problems.invalid("installments", "at most " + MAX_INSTALLMENTS);
                }
                if (proposal.frequency() != null && !Offer.MONTHLY.equals(proposal.frequency())) {
                    throw Problems.invalid("frequency", "only MONTHLY is offered");
                }
                LocalDate first = requireFirstDueDate(proposal.firstDueDate(), today, true);
                if (proposal.amount() != null && proposal.amount().compareTo(owed) != 0) {
                    throw Problems.invalid("amount", "installments pay everything owed: " + owed.toPlainString()
                            + " (a lesser sum is a SETTLEMENT)");
                }
                BigDecimal down = proposal.downPayment();
                boolean hasDown = down != null && down.signum() != 0;
                if (down != null && (down.signum() < 0 || down.compareTo(owed) >= 0
                        || down.stripTrailingZeros().scale() > PlanSchedule.SCALE)) {
                    throw Problems.invalid("downPayment", "positive, exact to the cent and less than the "
                            + owed.toPlainString() + " owed");
                }
                int equal = proposal.installments() - (hasDown ? 1 : 0);
                if (equal < 1) {
                    throw Problems.invalid("installments", "a down payment needs at least one installment after it");
                }
                if (owed.subtract(hasDown ? down : BigDecimal.ZERO).movePointRight(PlanSchedule.SCALE)
                        .compareTo(BigDecimal.valueOf(equal)) < 0) {
                    throw Problems.invalid("installments", "too many for " + owed.toPlainString()
                            + ": each would be under one cent");
                }
                return PlanSchedule.monthly(owed, equal, hasDown ? down : null, first);
            }
            case Offer.SETTLEMENT -> {
                BigDecimal amount = proposal.amount();
                if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > PlanSchedule.SCALE
                        || amount.compareTo(owed) > 0) {
                    throw Problems.invalid("amount", "a settlement is a positive sum, exact to the cent, at most the "
                            + owed.toPlainString() + " owed");
                }
                if (proposal.installments() != null && proposal.installments() != 1) {
                    throw Problems.invalid("installments", "a settlement is one payment");
                }
                LocalDate first = proposal.firstDueDate() == null
                        ? today.plusDays(config.ladder().payInFullWithinDays())
                        : requireFirstDueDate(proposal.firstDueDate(), today, false);
                return PlanSchedule.monthly(amount, 1, null, first);
            }
            default -> throw Problems.invalid("kind", "INSTALLMENTS or SETTLEMENT, not " + proposal.kind());
        }
    }

    private static LocalDate requireFirstDueDate(LocalDate first, LocalDate today, boolean required) {
        if (first == null && required) {
            throw Problems.invalid("firstDueDate", "required: the first payment's date (yyyy-mm-dd)");
        }
        if (first != null && first.isBefore(today)) {
            throw Problems.invalid("firstDueDate", "must not be before today (" + today + " in the debtor's zone)");
        }
        if (first != null && first.isAfter(today.plusDays(MAX_FIRST_DUE_DAYS))) {
            throw Problems.invalid("firstDueDate", "at most " + MAX_FIRST_DUE_DAYS + " days from today");
        }
        return first;
    }

    /** Records a proposal; a debtor's installment plan inside the bounds is accepted at once. */
    public Uni<Offer> propose(DebtCase debtCase, Party party, Proposal proposal) {
        requireNegotiable(debtCase);
        return debtors.zoneOf(debtCase.debtorId).chain(zone -> {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, zone);
            List<Installment> schedule = preview(debtCase, proposal, today);
            Offer offer = new Offer();
            offer.id = UUID.randomUUID();
            offer.caseId = debtCase.id;
            offer.by = party.side();
            offer.authorId = party.id();
            offer.kind = proposal.kind();
            offer.installments = schedule.size();
            offer.frequency = Offer.INSTALLMENTS.equals(proposal.kind()) ? Offer.MONTHLY : null;
            offer.firstDueDate = schedule.get(0).dueDate();
            offer.downPayment = proposal.downPayment() == null || proposal.downPayment().signum() == 0 ? null
                    : proposal.downPayment().setScale(PlanSchedule.SCALE);
            offer.amount = PlanSchedule.total(schedule);
            offer.note = proposal.note();
            offer.counterOf = proposal.counterOf();
            offer.createdAt = now;
            offer.expiresAt = OfferPolicy.expiresAt(now, config.offerExpiryDays(), offer.firstDueDate, zone);

            Uni<Void> countered = proposal.counterOf() == null ? Uni.createFrom().voidItem()
                    : offers.findById(proposal.counterOf()).chain(previous -> {
                        if (previous == null || !previous.caseId.equals(debtCase.id)) {
                            throw Problems.invalid("counterOf", "no offer " + proposal.counterOf() + " on this case");
                        }
                        requireOtherParty(previous, party, "counter");
                        requireOpen(previous, now);
                        return markRejected(debtCase, previous, party, "countered by offer " + offer.id);
                    });
            return countered
                    .chain(() -> offers.add(offer, rows(offer.id, schedule)))
                    .chain(() -> {
                        if (debtCase.underlyingStatus() == CaseStatus.OPEN
                                || debtCase.underlyingStatus() == CaseStatus.BROKEN) {
                            debtCase.moveTo(CaseStatus.NEGOTIATING);
                        }
                        if (needsSupervisor(debtCase, offer, party)) {
                            // maker-checker: the debtor is told of it (OfferMade) only once a supervisor approves
                            return Uni.createFrom().voidItem();
                        }
                        return announce(debtCase, offer, schedule, zone, party.id());
                    })
                    .chain(() -> afterProposal(debtCase, offer, schedule, party, today))
                    .replaceWith(offer);
        });
    }

    private Uni<Void> afterProposal(DebtCase debtCase, Offer offer, List<Installment> schedule, Party party,
                                    LocalDate today) {
        OfferPolicy.Bounds bounds = config.negotiation().bounds();
        if (party.isDebtor() && Offer.INSTALLMENTS.equals(offer.kind)) {
            List<String> outside = OfferPolicy.outsideBounds(schedule, today, bounds);
            if (outside.isEmpty()) {
                return accept(debtCase, offer, schedule, new Party(Offer.BY_SYSTEM, SYSTEM),
                        "inside the self-serve bounds");
            }
            offer.reason = "waits for an agent: " + String.join(", ", outside);
            return record.note(debtCase, "OFFER_REFERRED", SYSTEM, "Offer " + offer.id + " " + offer.reason);
        }
        if (needsSupervisor(debtCase, offer, party)) {
            return requestApproval(debtCase, offer, party);
        }
        return Uni.createFrom().voidItem();
    }

    /** An agent's settlement over the agent's discount limit: it waits for a supervisor, unseen by the debtor. */
    private boolean needsSupervisor(DebtCase debtCase, Offer offer, Party party) {
        return !party.isDebtor() && Offer.SETTLEMENT.equals(offer.kind)
                && OfferPolicy.needsSupervisor(debtCase.outstanding, offer.amount, config.negotiation().bounds());
    }

    /** Tells the case and the debtor of an offer the debtor may answer: its timeline entry and OfferMade. */
    private Uni<Void> announce(DebtCase debtCase, Offer offer, List<Installment> schedule, ZoneId zone, String by) {
        return record.note(debtCase, "OFFER_MADE", by, describe(offer, schedule, zone),
                new DebtEvents.OfferMade(debtCase.id, debtCase.debtorId, offer.id, offer.by, offer.kind, terms(offer),
                        schedule.stream().map(i -> new DebtEvents.ScheduledInstallment(i.n(), i.dueDate(),
                                i.amount())).toList()));
    }

    /** The other party accepts an open offer: its plan starts (or, over the agent's limit, it waits for a supervisor). */
    public Uni<Offer> accept(DebtCase debtCase, UUID offerId, Party party) {
        requireNegotiable(debtCase);
        Instant now = clock.instant();
        return offerOf(debtCase, offerId, party).chain(offer -> {
            requireOtherParty(offer, party, "accept");
            return expireIfDue(debtCase, offer, now).chain(() -> {
                requireOpen(offer, now);
                requireCurrent(debtCase, offer);
                return offers.schedules(List.of(offer)).chain(rows -> {
                    List<Installment> schedule = rows.getOrDefault(offer.id, List.of()).stream()
                            .map(i -> new Installment(i.n, i.dueDate, i.amount)).toList();
                    if (!party.isDebtor() && Offer.SETTLEMENT.equals(offer.kind)
                            && OfferPolicy.needsSupervisor(debtCase.outstanding, offer.amount,
                            config.negotiation().bounds())) {
                        return requestApproval(debtCase, offer, party);
                    }
                    return accept(debtCase, offer, schedule, party, null);
                });
            }).replaceWith(offer);
        });
    }

    /** The other party rejects an open offer, with a reason. */
    public Uni<Offer> reject(DebtCase debtCase, UUID offerId, Party party, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "required: why the offer is rejected");
        }
        Instant now = clock.instant();
        return offerOf(debtCase, offerId, party).chain(offer -> {
            requireOtherParty(offer, party, "reject");
            return expireIfDue(debtCase, offer, now).chain(() -> {
                requireOpen(offer, now);
                return markRejected(debtCase, offer, party, reason);
            }).replaceWith(offer);
        });
    }

    /**
     * Starts the plan of an accepted offer; withdraws the case's other live offers. Not while a forfeited pledge of
     * the case is being sold (409 {@code pledge-being-sold}): its proceeds change what is owed, and a plan agreed
     * before them would ask for more than that.
     */
    Uni<Void> accept(DebtCase debtCase, Offer offer, List<Installment> schedule, Party party, String why) {
        return pledges.countOfCase(debtCase.id, List.of(Pledging.Status.FORFEITED)).chain(selling -> {
            if (selling > 0) {
                throw Problems.conflict("pledge-being-sold", "case " + debtCase.id + " has a pledge being sold "
                        + "after its plan broke: a plan is agreed once its proceeds are applied (within minutes)");
            }
            return startPlan(debtCase, offer, schedule, party, why);
        });
    }

    private Uni<Void> startPlan(DebtCase debtCase, Offer offer, List<Installment> schedule, Party party, String why) {
        Instant now = clock.instant();
        offer.decide(OfferStatus.ACCEPTED, party.id(), now, null);
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.caseId = debtCase.id;
        plan.offerId = offer.id;
        plan.kind = offer.kind;
        plan.amount = PlanSchedule.total(schedule);
        plan.startedAt = now;
        List<PlanInstallment> installments = schedule.stream().map(i -> PlanInstallment.of(plan.id, i)).toList();
        debtCase.moveTo(CaseStatus.IN_PLAN);
        debtCase.daysPastDue = 0;
        debtCase.bucket = null;
        List<DebtEvents.ScheduledInstallment> scheduled = schedule.stream()
                .map(i -> new DebtEvents.ScheduledInstallment(i.n(), i.dueDate(), i.amount())).toList();
        return offers.byCase(debtCase.id)
                .invoke(all -> {
                    for (Offer other : all) {
                        if (!other.id.equals(offer.id) && other.status.live()) {
                            other.decide(OfferStatus.WITHDRAWN, SYSTEM, now, "offer " + offer.id + " was accepted");
                        }
                    }
                })
                .chain(() -> approvals.withdrawPendingSettlements(debtCase.id, offer.id, SYSTEM, now,
                        "withdrawn: offer " + offer.id + " was accepted"))
                .chain(() -> plans.start(plan, installments))
                .chain(() -> record.note(debtCase, "OFFER_ACCEPTED", party.id(), "Offer " + offer.id + " accepted"
                                + (why == null ? "" : " (" + why + ")"),
                        new DebtEvents.OfferAccepted(debtCase.id, debtCase.debtorId, offer.id, party.side())))
                .chain(() -> record.note(debtCase, "PLAN_STARTED", SYSTEM, "Plan " + plan.id + " started: "
                                + scheduled.stream().map(i -> i.n() + ". " + i.amount().toPlainString() + " by " + i.dueDate())
                                .collect(Collectors.joining("; ")),
                        new DebtEvents.PlanStarted(debtCase.id, debtCase.debtorId, plan.id, scheduled)));
    }

    /** A settlement over the agent's limit waits for a supervisor (maker-checker). */
    private Uni<Void> requestApproval(DebtCase debtCase, Offer offer, Party party) {
        offer.awaitApproval("discount of " + OfferPolicy.discount(debtCase.outstanding, offer.amount).toPlainString()
                + " is over the agent's limit: a supervisor decides");
        Approval approval = new Approval();
        approval.id = UUID.randomUUID();
        approval.caseId = debtCase.id;
        approval.kind = Approval.SETTLEMENT;
        approval.offerId = offer.id;
        approval.amount = offer.amount;
        approval.reason = offer.note;
        approval.requestedBy = party.id();
        approval.requestedAt = clock.instant();
        return approvals.persist(approval).chain(() -> record.note(debtCase, "APPROVAL_REQUESTED", party.id(),
                "Settlement of " + offer.amount.toPlainString() + " (offer " + offer.id + ") needs a supervisor: "
                        + offer.reason));
    }

    /** A supervisor's decision on a settlement: approved, an agent's offer opens to the debtor, a debtor's starts. */
    public Uni<Void> settlementDecided(DebtCase debtCase, Approval approval, boolean approved, String supervisor) {
        return offers.findById(approval.offerId).chain(offer -> {
            if (offer.status != OfferStatus.AWAITING_APPROVAL) {
                throw Problems.conflict("offer-not-awaiting", "offer " + offer.id + " is " + offer.status);
            }
            Party checker = new Party(Offer.BY_AGENT, supervisor);
            if (!approved && Offer.BY_AGENT.equals(offer.by)) {
                // never announced to the debtor, so nothing is published: the case's record keeps it
                offer.decide(OfferStatus.REJECTED, supervisor, clock.instant(), "the supervisor rejected the discount");
                return record.note(debtCase, "OFFER_REJECTED", supervisor, "Offer " + offer.id + " rejected: "
                        + offer.reason + " (never shown to the debtor)");
            }
            if (!approved) {
                return markRejected(debtCase, offer, checker, "the supervisor rejected the discount");
            }
            if (Offer.BY_AGENT.equals(offer.by)) {
                // approved: now it is the debtor's to answer, and the debtor is told
                offer.approved("approved by " + supervisor);
                return debtors.zoneOf(debtCase.debtorId).chain(zone -> {
                    offer.expiresAt = OfferPolicy.expiresAt(clock.instant(), config.offerExpiryDays(),
                            offer.firstDueDate, zone);
                    return offers.schedules(List.of(offer)).chain(rows -> announce(debtCase, offer,
                            rows.getOrDefault(offer.id, List.of()).stream()
                                    .map(i -> new Installment(i.n, i.dueDate, i.amount)).toList(),
                            zone, offer.authorId));
                });
            }
            requireNegotiable(debtCase);
            return offers.schedules(List.of(offer)).chain(rows -> accept(debtCase, offer,
                    rows.getOrDefault(offer.id, List.of()).stream()
                            .map(i -> new Installment(i.n, i.dueDate, i.amount)).toList(),
                    checker, "discount approved by " + supervisor));
        });
    }

    /**
     * An agent's offers on the case that a supervisor has not approved (awaiting approval, or rejected or
     * withdrawn before approval): never announced to the debtor, so never shown to them either.
     */
    public Uni<Set<UUID>> unannounced(UUID caseId) {
        return approvals.settlementsOf(caseId).chain(approvals -> {
            Set<UUID> approved = approvals.stream().filter(a -> a.status == ApprovalStatus.APPROVED)
                    .map(a -> a.offerId).collect(Collectors.toSet());
            Set<UUID> asked = approvals.stream().map(a -> a.offerId).filter(id -> id != null && !approved.contains(id))
                    .collect(Collectors.toSet());
            if (asked.isEmpty()) {
                return Uni.createFrom().item(Set.<UUID>of());
            }
            return offers.byCase(caseId).map(all -> all.stream()
                    .filter(o -> Offer.BY_AGENT.equals(o.by) && asked.contains(o.id)).map(o -> o.id)
                    .collect(Collectors.toSet()));
        });
    }

    /** Open offers past their expiry become {@code EXPIRED}. */
    public Uni<Void> expireIfDue(DebtCase debtCase, Offer offer, Instant now) {
        if (offer.status == OfferStatus.OPEN && offer.expiresAt != null && !now.isBefore(offer.expiresAt)) {
            offer.decide(OfferStatus.EXPIRED, SYSTEM, now, null);
            return record.note(debtCase, "OFFER_EXPIRED", SYSTEM, "Offer " + offer.id + " expired");
        }
        return Uni.createFrom().voidItem();
    }

    /** The offer rejected by {@code party}, with the reason the other side reads. */
    private Uni<Void> markRejected(DebtCase debtCase, Offer offer, Party party, String reason) {
        offer.decide(OfferStatus.REJECTED, party.id(), clock.instant(), reason);
        return record.note(debtCase, "OFFER_REJECTED", party.id(), "Offer " + offer.id + " rejected: " + reason,
                new DebtEvents.OfferRejected(debtCase.id, debtCase.debtorId, offer.id, party.side()));
    }

    private Uni<Offer> offerOf(DebtCase debtCase, UUID offerId, Party party) {
        Uni<Set<UUID>> hidden = party.isDebtor() ? unannounced(debtCase.id) : Uni.createFrom().item(Set.of());
        return hidden.chain(unseen -> offers.findById(offerId).invoke(offer -> {
            // an agent's offer a supervisor has not approved does not exist for the debtor
            if (offer == null || !offer.caseId.equals(debtCase.id) || unseen.contains(offer.id)) {
                throw Problems.notFound("offer", offerId);
            }
        }));
    }

    private static void requireNegotiable(DebtCase debtCase) {
        CaseStatus status = debtCase.underlyingStatus();
        if (status != CaseStatus.OPEN && status != CaseStatus.NEGOTIATING && status != CaseStatus.BROKEN) {
            throw Problems.conflict("not-negotiable", "case " + debtCase.id + " is " + debtCase.status
                    + ": offers are made while it is OPEN, NEGOTIATING or BROKEN");
        }
    }

    private static void requireOtherParty(Offer offer, Party party, String what) {
        boolean debtorsOffer = Offer.BY_DEBTOR.equals(offer.by);
        if (debtorsOffer == party.isDebtor()) {
            throw Problems.conflict("not-the-other-party", "only the other party may " + what + " an offer made by "
                    + offer.by);
        }
    }

    private static void requireOpen(Offer offer, Instant now) {
        if (!offer.isOpenAt(now)) {
            throw Problems.conflict("offer-not-open", "offer " + offer.id + " is " + offer.status);
        }
    }

    /** An offer of everything owed must still match what is owed (a payment since makes it stale). */
    private static void requireCurrent(DebtCase debtCase, Offer offer) {
        if (!Offer.SETTLEMENT.equals(offer.kind) && offer.amount.compareTo(debtCase.outstanding) != 0
                || offer.amount.compareTo(debtCase.outstanding) > 0) {
            throw Problems.conflict("offer-stale", "offer " + offer.id + " is for " + offer.amount.toPlainString()
                    + " but " + debtCase.outstanding.toPlainString() + " is owed now");
        }
    }

    static DebtEvents.OfferTerms terms(Offer offer) {
        return new DebtEvents.OfferTerms(offer.installments, offer.frequency, offer.firstDueDate, offer.downPayment,
                offer.amount, offer.note);
    }

    private static List<OfferInstallment> rows(UUID offerId, List<Installment> schedule) {
        return schedule.stream().map(i -> OfferInstallment.of(offerId, i)).toList();
    }

    private static String describe(Offer offer, List<Installment> schedule, ZoneId zone) {
        return offer.by + " offer " + offer.id + ": " + offer.kind + " of " + offer.amount.toPlainString() + " in "
                + schedule.size() + " payment" + (schedule.size() == 1 ? "" : "s") + " from " + offer.firstDueDate
                + " (" + zone.getId() + ")" + (offer.counterOf == null ? "" : ", countering " + offer.counterOf)
                + (offer.note == null ? "" : ": " + offer.note);
    }
}
