package io.shortfall.debt.service;

import io.quarkus.logging.Log;
import io.shortfall.debt.DebtCase;
import io.shortfall.debt.Pledge;
import io.shortfall.debt.domain.Pledging;
import io.shortfall.debt.repository.DebtCaseRepository;
import io.shortfall.debt.repository.PledgeRepository;
import io.shortfall.events.DebtEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Topics;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.kit.rest.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The pledges on a case ({@link Pledging}): an offer from loan-service ({@code CollateralPledged}, the collateral
 * already held there) is put before the agents or given back at once with the reason; an agent accepts or declines
 * it; a case settled or written off gives its pledges back; a plan that breaks forfeits the accepted one. Every
 * move is a line on the case's timeline and, where another service acts on it, an event, in the caller's
 * transaction.
 */
@ApplicationScoped
public class PledgeCustody {

    private final DebtCaseRepository cases;
    private final CaseRecord record;
    private final Outbox outbox;
    private final Clock clock;
    private final PledgeRepository pledges;

    public PledgeCustody(PledgeRepository pledges, DebtCaseRepository cases, CaseRecord record, Outbox outbox,
                         Clock clock) {
        this.pledges = pledges;
        this.cases = cases;
        this.record = record;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The case's pledges, oldest first. */
    public Uni<List<Pledge>> of(UUID caseId) {
        return pledges.ofCase(caseId);
    }

    /** A pledge loan-service took from the debtor's reserve: offered to the agents, or given back with the reason. */
    public Uni<Void> onPledged(LoanEvents.CollateralPledged pledged) {
        if (pledged.pledgeId() == null || pledged.borrowerId() == null || pledged.caseId() == null
                || pledged.asset() == null || pledged.quantity() == null || pledged.quantity().signum() <= 0) {
            throw new PoisonEventException("CollateralPledged without pledgeId, borrowerId, caseId, asset or quantity");
        }
        return pledges.findById(pledged.pledgeId()).chain(seen -> seen != null ? Uni.createFrom().voidItem()
                // locked: a settlement or write-off committing meanwhile would not see this pledge to release it
                : cases.findById(pledged.caseId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .chain(debtCase -> {
                    if (debtCase == null || !debtCase.debtorId.equals(pledged.borrowerId())) {
                        return giveBack(pledged, "no debt case " + pledged.caseId() + " of yours");
                    }
                    return pledges.countOfCase(debtCase.id, Pledging.Status.LIVE).chain(live -> {
                        var refusal = Pledging.refusal(debtCase.status, live > 0);
                        if (refusal.isPresent()) {
                            return record.note(debtCase, "PLEDGE_RETURNED", Negotiation.SYSTEM, "Pledge of "
                                            + quantity(pledged.quantity(), pledged.asset()) + " given back: "
                                            + refusal.get())
                                    .chain(() -> giveBack(pledged, refusal.get()));
                        }
                        Instant now = clock.instant();
                        Pledge pledge = new Pledge();
                        pledge.id = pledged.pledgeId();
                        pledge.caseId = debtCase.id;
                        pledge.debtorId = debtCase.debtorId;
                        pledge.asset = pledged.asset();
                        pledge.quantity = pledged.quantity();
                        pledge.createdAt = now;
                        pledge.updatedAt = now;
                        return pledges.persist(pledge).chain(() -> record.note(debtCase, "PLEDGE_OFFERED",
                                debtCase.debtorId, "Pledge of " + quantity(pledge) + " offered to secure the case"));
                    });
                }));
    }

    public Uni<Pledge> accept(DebtCase debtCase, UUID pledgeId, String agent) {
        if (debtCase.isClosed()) {
            throw Problems.conflict("case-closed", "case " + debtCase.id + " is " + debtCase.status);
        }
        return find(debtCase, pledgeId).chain(pledge -> {
            move(pledge, Pledging.Move.ACCEPT);
            pledge.decidedBy = agent;
            pledge.decidedAt = pledge.updatedAt;
            return record.note(debtCase, "PLEDGE_ACCEPTED", agent, "Pledge of " + quantity(pledge)
                            + " accepted: it secures the case until it is settled, and is sold if the plan breaks",
                    new DebtEvents.PledgeAccepted(debtCase.id, debtCase.debtorId, pledge.id, pledge.asset,
                            pledge.quantity, agent)).replaceWith(pledge);
        });
    }

    public Uni<Pledge> decline(DebtCase debtCase, UUID pledgeId, String agent, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problems.invalid("reason", "required: why the pledge is declined");
        }
        return find(debtCase, pledgeId).chain(pledge -> {
            move(pledge, Pledging.Move.DECLINE);
            pledge.decidedBy = agent;
            pledge.decidedAt = pledge.updatedAt;
            pledge.reason = reason.strip();
            return record.note(debtCase, "PLEDGE_DECLINED", agent, "Pledge of " + quantity(pledge) + " declined: "
                            + pledge.reason + "; it goes back to the reserve",
                    new DebtEvents.PledgeReleased(debtCase.id, debtCase.debtorId, pledge.id, pledge.asset,
                            pledge.quantity, "declined: " + pledge.reason)).replaceWith(pledge);
        });
    }

    /** The case is closed ({@code why}): its offered and accepted pledges go back to the debtor. */
    public Uni<Void> releaseAll(DebtCase debtCase, String why) {
        return all(debtCase, List.of(Pledging.Status.OFFERED, Pledging.Status.ACCEPTED), pledge -> {
            move(pledge, Pledging.Move.RELEASE);
            pledge.reason = why;
            return record.note(debtCase, "PLEDGE_RELEASED", Negotiation.SYSTEM, "Pledge of " + quantity(pledge)
                            + " released: " + why,
                    new DebtEvents.PledgeReleased(debtCase.id, debtCase.debtorId, pledge.id, pledge.asset,
                            pledge.quantity, why));
        });
    }

    /** The plan broke ({@code why}): the accepted pledge is forfeited, to be sold. */
    public Uni<Void> forfeitAccepted(DebtCase debtCase, String why) {
        return all(debtCase, List.of(Pledging.Status.ACCEPTED), pledge -> {
            move(pledge, Pledging.Move.FORFEIT);
            pledge.reason = why;
            return record.note(debtCase, "PLEDGE_FORFEITED", Negotiation.SYSTEM, "Pledge of " + quantity(pledge)
                            + " forfeited (" + why + "): it is sold and the proceeds pay the debt",
                    new DebtEvents.PledgeForfeited(debtCase.id, debtCase.debtorId, pledge.id, pledge.asset,
                            pledge.quantity, why));
        });
    }

    /** Moves the pledge, or refuses with 409 {@code pledge-<move>} naming its status ({@link Pledge#move}). */
    void move(Pledge pledge, Pledging.Move move) {
        pledge.move(move, clock.instant());
    }

    static String quantity(Pledge pledge) {
        return quantity(pledge.quantity, pledge.asset);
    }

    private static String quantity(java.math.BigDecimal quantity, String asset) {
        return quantity.stripTrailingZeros().toPlainString() + " " + asset;
    }

    private Uni<Pledge> find(DebtCase debtCase, UUID pledgeId) {
        return pledges.findById(pledgeId).map(pledge -> {
            if (pledge == null || !pledge.caseId.equals(debtCase.id)) {
                throw Problems.notFound("pledge", pledgeId);
            }
            return pledge;
        });
    }

    private Uni<Void> all(DebtCase debtCase, List<Pledging.Status> statuses,
                          java.util.function.Function<Pledge, Uni<Void>> each) {
        return pledges.ofCase(debtCase.id, statuses).chain(found -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Pledge pledge : found) {
                chain = chain.chain(() -> each.apply(pledge));
            }
            return chain;
        });
    }

    private Uni<Void> giveBack(LoanEvents.CollateralPledged pledged, String reason) {
        Log.infof("pledge %s of %s to case %s given back: %s", pledged.pledgeId(), pledged.borrowerId(),
                pledged.caseId(), reason);
        return outbox.publish(Topics.DEBT_EVENTS, new DebtEvents.PledgeReleased(pledged.caseId(), pledged.borrowerId(),
                pledged.pledgeId(), pledged.asset(), pledged.quantity(), reason)).replaceWithVoid();
    }
}
