package io.shortfall.liquidation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shortfall.events.LiquidationEvents;
import io.shortfall.events.LoanEvents;
import io.shortfall.events.Topics;
import io.shortfall.kit.jobs.PeriodicJob;
import io.shortfall.kit.messaging.PoisonEventException;
import io.shortfall.kit.outbox.Outbox;
import io.shortfall.kit.outbox.OutboxRelay;
import io.shortfall.liquidation.PledgeSale;
import io.shortfall.liquidation.config.LiquidationConfig;
import io.shortfall.liquidation.domain.LiquidationMath;
import io.shortfall.liquidation.domain.PledgeSaleStatus;
import io.shortfall.liquidation.venue.ExecutionVenue;
import io.shortfall.liquidation.venue.VenueException;
import io.shortfall.liquidation.venue.VenueFill;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sells forfeited pledges (loan-service's {@code PledgeSaleRequested}): each is one order at the venue under its
 * client order id {@code pledge-<pledgeId>}, so a retry (a failure, a timeout, a restart, another replica) never
 * sells it twice. A round claims the due ones for a lease, sells them one after the other and records each fill
 * with its {@code PledgeSold} in one transaction; a failure is retried after {@code retry-backoff × 2^(attempts − 1)}
 * (at most {@code max-backoff}), without end: the pledge is the debtor's until it is sold.
 */
@ApplicationScoped
public class PledgeSales {

    private static final int BATCH = 20;

    private final ExecutionVenue venue;
    private final LiquidationConfig config;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Vertx vertx;
    private PeriodicJob job;

    public PledgeSales(ExecutionVenue venue, LiquidationConfig config, Outbox outbox, OutboxRelay relay, Clock clock,
                       Vertx vertx) {
        this.venue = venue;
        this.config = config;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.every(vertx, config.liquidation().workerEvery(), "pledge sales", this::round).runNow();
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** A round now (or right after the one running). */
    public void kick() {
        if (job != null) {
            job.runNow();
        }
    }

    /** Records the sale to make, once per pledge. Runs in the consumer's transaction. */
    public Uni<Void> onRequested(LoanEvents.PledgeSaleRequested requested) {
        if (requested.pledgeId() == null || requested.caseId() == null || requested.borrowerId() == null
                || requested.asset() == null || requested.quantity() == null || requested.quantity().signum() <= 0
                || requested.referencePrice() == null || requested.referencePrice().signum() <= 0) {
            throw new PoisonEventException("PledgeSaleRequested without pledgeId, caseId, borrowerId, asset, a "
                    + "positive quantity or a positive referencePrice");
        }
        return PledgeSale.<PledgeSale>findById(requested.pledgeId()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            PledgeSale sale = new PledgeSale();
            sale.pledgeId = requested.pledgeId();
            sale.caseId = requested.caseId();
            sale.borrowerId = requested.borrowerId();
            sale.asset = requested.asset();
            sale.quantity = requested.quantity();
            sale.referencePrice = requested.referencePrice();
            sale.status = PledgeSaleStatus.PENDING;
            sale.nextAttemptAt = now;
            sale.requestedAt = now;
            return sale.persist().replaceWithVoid();
        });
    }

    /** Claims the due sales and sells them one by one; emits whether a full batch was due. */
    public Uni<Boolean> round() {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(config.liquidation().venueTimeout().multipliedBy(2));
        return Panache.withTransaction(() -> PledgeSale.<PledgeSale>find(
                                "status = ?1 and nextAttemptAt <= ?2 order by requestedAt", PledgeSaleStatus.PENDING, now)
                        .page(0, BATCH).list()
                        .invoke(due -> due.forEach(sale -> sale.nextAttemptAt = leaseEnd)))
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUniAndConcatenate(this::sell)
                        .collect().asList()
                        .replaceWith(claimed.size() >= BATCH));
    }

    private Uni<Void> sell(PledgeSale claimed) {
        Duration timeout = config.liquidation().venueTimeout();
        String orderId = claimed.clientOrderId();
        return Uni.createFrom().deferred(() -> venue.sell(claimed.asset, claimed.quantity, orderId,
                        claimed.referencePrice))
                .ifNoItem().after(timeout).failWith(() -> new VenueException("order " + orderId
                        + " not answered in " + timeout))
                .onItemOrFailure().transformToUni((fill, failure) -> Panache.withTransaction(() ->
                        PledgeSale.<PledgeSale>findById(claimed.pledgeId).chain(sale -> {
                            if (sale == null || sale.status != PledgeSaleStatus.PENDING) {
                                return Uni.createFrom().voidItem();
                            }
                            if (failure == null && fill.quantity().compareTo(sale.quantity) == 0) {
                                return sold(sale, fill);
                            }
                            failed(sale, failure != null ? failure.toString()
                                    : "order " + orderId + " filled " + fill.quantity() + " of " + sale.quantity);
                            return Uni.createFrom().voidItem();
                        })))
                .invoke(relay::wake)
                .onFailure().recoverWithItem(failure -> {
                    Log.errorf(failure, "pledge %s: the sale could not be recorded; retried after its lease",
                            claimed.pledgeId);
                    return null;
                });
    }

    private Uni<Void> sold(PledgeSale sale, VenueFill fill) {
        sale.status = PledgeSaleStatus.SOLD;
        sale.price = fill.price();
        sale.proceeds = sale.quantity.multiply(fill.price()).setScale(LiquidationMath.USDT_SCALE, RoundingMode.DOWN);
        sale.soldAt = clock.instant();
        sale.attempts++;
        Log.infof("pledge %s: %s %s sold at %s for %s", sale.pledgeId, sale.quantity.toPlainString(), sale.asset,
                sale.price.toPlainString(), sale.proceeds.toPlainString());
        return outbox.publish(Topics.LIQUIDATION_EVENTS, new LiquidationEvents.PledgeSold(sale.pledgeId, sale.caseId,
                sale.borrowerId, sale.asset, sale.quantity, sale.price, sale.proceeds, sale.clientOrderId()))
                .replaceWithVoid();
    }

    private void failed(PledgeSale sale, String error) {
        sale.attempts++;
        sale.lastError = error;
        sale.nextAttemptAt = clock.instant().plus(config.liquidation().backoff(sale.attempts));
        Log.warnf("pledge %s: sale attempt %d failed (%s); next at %s", sale.pledgeId, sale.attempts, error,
                sale.nextAttemptAt);
    }

    /** Every pledge sale still waiting to fill (operators, tests). */
    public Uni<List<PledgeSale>> pending() {
        return PledgeSale.list("status", PledgeSaleStatus.PENDING);
    }
}
