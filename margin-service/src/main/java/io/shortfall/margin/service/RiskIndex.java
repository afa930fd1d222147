package io.shortfall.margin.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.shortfall.margin.Position;
import io.shortfall.margin.config.MarginConfig;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.repository.PositionRepository;
import io.shortfall.margin.risk.PositionState;
import io.shortfall.margin.risk.RiskBook;
import io.shortfall.margin.risk.RiskRules;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The in-memory {@link RiskBook} of every asset, a projection of the {@code position} table: a tick asks it which
 * loans it may concern and loads only those. It is rebuilt from the table at start-up, before the consumers
 * start and before the service reports ready, and follows every committed change of a position (a position
 * older than the one held is ignored, as commits may be reported out of order).
 */
@ApplicationScoped
public class RiskIndex {

    private final Map<String, RiskBook> books = new ConcurrentHashMap<>();
    private final PositionRepository positions;
    private final Assets assets;
    private final RiskRules rules;
    /** Loans whose amounts a book cannot hold (beyond a {@code long}), by asset: every tick of it assesses them. */
    private final Map<UUID, String> outside = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    /** Positions read per page when rebuilding. */
    int pageSize = 5_000;

    public RiskIndex(PositionRepository positions, Assets assets, MarginConfig config) {
        this.positions = positions;
        this.assets = assets;
        this.rules = new RiskRules(config.zoneHysteresis(), config.marginCallRepeat(), config.priceMaxAge());
    }

    /** Before SmallRye Reactive Messaging starts the consumers (priority 1000). */
    void rebuild(@Observes @Priority(500) StartupEvent startup) throws Throwable {
        int count = VertxContextSupport.subscribeAndAwait(() -> loadAfter(null, 0));
        loaded = true;
        Log.infof("risk index rebuilt from %d open positions", count);
    }

    /** Reads the open positions page by page (each in its own session), in loan id order after {@code after}. */
    private Uni<Integer> loadAfter(UUID after, int loadedSoFar) {
        return Panache.withSession(() -> (after == null
                        ? positions.find("status <> ?1 order by loanId", PositionStatus.CLOSED)
                        : positions.find("status <> ?1 and loanId > ?2 order by loanId", PositionStatus.CLOSED, after))
                        .page(0, pageSize).list())
                .chain(page -> {
                    page.forEach(this::refresh);
                    int total = loadedSoFar + page.size();
                    return page.size() < pageSize ? Uni.createFrom().item(total)
                            : loadAfter(page.get(page.size() - 1).loanId, total);
                });
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** The loans of {@code asset} a tick at {@code price} observed at {@code observedAt} may change. */
    public List<UUID> candidates(String asset, BigDecimal price, Instant observedAt) {
        List<UUID> candidates = read(asset, book -> book.candidates(price, observedAt));
        if (outside.isEmpty()) {
            return candidates;
        }
        List<UUID> all = new java.util.ArrayList<>(candidates);
        outside.forEach((loan, of) -> {
            if (of.equals(asset)) {
                all.add(loan);
            }
        });
        return all;
    }

    /** After the position's change has committed. */
    public void refresh(Position p) {
        RiskBook book = books.computeIfAbsent(p.collateralAsset,
                asset -> new RiskBook(asset, assets.scaleOf(asset), rules, 1024));
        PositionState state = new PositionState(p.loanId, p.version, p.debt(), p.collateralAmount, p.thresholds(),
                p.autoIncrease, p.status, p.zone, p.triggered,
                // as the table holds it (and the next tick will read it): to the microsecond
                p.lastMarginCallAt == null ? null : p.lastMarginCallAt.truncatedTo(ChronoUnit.MICROS),
                p.marginCallRepeat);
        synchronized (book) {
            try {
                book.upsert(state);
                outside.remove(p.loanId);
            } catch (IllegalArgumentException beyondRange) {
                // amounts the book cannot hold: the loan is handed to every tick of its asset instead
                book.remove(p.loanId);
                if (p.status == PositionStatus.CLOSED) {
                    outside.remove(p.loanId);
                } else {
                    outside.put(p.loanId, p.collateralAsset);
                }
                Log.warnf("loan %s is outside the risk index (%s): every %s tick will assess it", p.loanId,
                        beyondRange.getMessage(), p.collateralAsset);
            }
        }
    }

    public void refreshAll(Collection<Position> changed) {
        changed.forEach(this::refresh);
    }

    /** Reads the asset's book under its lock; on an asset without positions, reads an empty book. */
    public <T> T read(String asset, Function<RiskBook, T> reader) {
        RiskBook book = books.computeIfAbsent(asset, a -> new RiskBook(a, assets.scaleOf(a), rules, 1024));
        synchronized (book) {
            return reader.apply(book);
        }
    }
}
