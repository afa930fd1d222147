package io.shortfall.margin.risk;

import io.shortfall.events.Thresholds;
import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.PositionStatus;
import io.shortfall.margin.domain.Zone;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed book and a naive scan with {@link MarginAssessor} over every position emit the same events and
 * end in the same state, for any positions and any sequence of ticks and loan changes, including prices exactly
 * on a boundary and one hundred-millionth either side.
 */
class RiskBookPropertiesTest {

    private static final RiskRules RULES = RiskRules.standard();
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<Thresholds> THRESHOLDS = List.of(
            new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"), new BigDecimal("0.80"), new BigDecimal("0.8333")),
            new Thresholds(new BigDecimal("0.50"), new BigDecimal("0.60"), new BigDecimal("0.70"), new BigDecimal("0.75")),
            new Thresholds(new BigDecimal("0.70"), new BigDecimal("0.78"), new BigDecimal("0.785"), new BigDecimal("0.785")));

    record Loan(long debtCents, long collateralUnits, int thresholds, boolean autoIncrease, boolean liquidating) {
    }

    /** A tick: at a loan's boundary (kind 0..4, offset −1..1 hundred-millionths) or at a free price. */
    record Tick(int loan, int boundary, int offset, long freePriceCents, boolean free, long advanceSeconds,
                long lagSeconds, boolean breaker) {
    }

    /** A loan event between ticks: new debt, or the status toggled (with the trigger cleared). */
    record Change(int loan, long debtCents, boolean toggleStatus) {
    }

    record Step(Tick tick, Change change) {
    }

    @Provide
    Arbitrary<List<Loan>> loans() {
        return Combinators.combine(
                Arbitraries.longs().between(100_00L, 5_000_000_00L),
                Arbitraries.longs().between(1_000_000L, 100_00000000L),
                Arbitraries.integers().between(0, THRESHOLDS.size() - 1),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9).map(i -> i == 0)).as(Loan::new).list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Tick> ticks = Combinators.combine(
                Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(-1, 1), Arbitraries.longs().between(1_00L, 200_000_00L),
                Arbitraries.integers().between(0, 4).map(i -> i == 0),
                Arbitraries.longs().between(0, 8 * 3600).edgeCases(c -> c.add(6L * 3600)),
                Arbitraries.integers().between(0, 5).map(i -> i == 0 ? 400L : 0L),
                Arbitraries.integers().between(0, 7).map(i -> i == 0)).as(Tick::new);
        Arbitrary<Change> changes = Combinators.combine(Arbitraries.integers().between(0, 24),
                Arbitraries.longs().between(100_00L, 5_000_000_00L), Arbitraries.of(true, false)).as(Change::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, ticks.map(t -> new Step(t, null))),
                net.jqwik.api.Tuple.of(1, changes.map(c -> new Step(null, c))));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void indexedBookAndNaiveScanEmitTheSameEvents(@ForAll("loans") List<Loan> loans,
                                                  @ForAll("steps") List<Step> steps) {
        RiskBook book = new RiskBook("BTC", 8, RULES, 4);
        MarginAssessor assessor = RULES.assessor();
        Map<UUID, PositionState> naive = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < loans.size(); i++) {
            Loan loan = loans.get(i);
            UUID id = new UUID(i * 7919L, i);
            ids.add(id);
            PositionState state = new PositionState(id, 1, BigDecimal.valueOf(loan.debtCents(), 2),
                    BigDecimal.valueOf(loan.collateralUnits(), 8), THRESHOLDS.get(loan.thresholds()),
                    loan.autoIncrease(), loan.liquidating() ? PositionStatus.LIQUIDATING : PositionStatus.ACTIVE,
                    Zone.GREEN, false, null, 0);
            naive.put(id, state);
            book.upsert(state);
        }
        Instant at = T0;
        for (Step step : steps) {
            if (step.change() != null) {
                Change change = step.change();
                UUID id = ids.get(change.loan() % ids.size());
                PositionState s = naive.get(id);
                PositionStatus status = change.toggleStatus()
                        ? (s.status() == PositionStatus.ACTIVE ? PositionStatus.LIQUIDATING : PositionStatus.ACTIVE)
                        : s.status();
                PositionState changed = new PositionState(id, s.version() + 1, BigDecimal.valueOf(change.debtCents(), 2),
                        s.collateral(), s.thresholds(), s.autoIncrease(), status, s.zone(),
                        change.toggleStatus() ? false : s.triggered(), s.lastMarginCallAt(), s.marginCallRepeat());
                naive.put(id, changed);
                book.upsert(changed);
                continue;
            }
            Tick tick = step.tick();
            at = at.plusSeconds(tick.advanceSeconds());
            Instant now = at.plusSeconds(tick.lagSeconds());
            BigDecimal price = priceOf(tick, naive.get(ids.get(tick.loan() % ids.size())));

            List<RiskEvent> indexed = new ArrayList<>();
            book.tick(price, at, tick.breaker(), now, indexed::add);
            List<RiskEvent> scanned = new ArrayList<>();
            for (Map.Entry<UUID, PositionState> entry : naive.entrySet()) {
                entry.setValue(assess(assessor, entry.getValue(), price, at, tick.breaker(), now, scanned));
            }
            assertThat(sorted(indexed)).as("events of a tick at %s", price).isEqualTo(sorted(scanned));
        }
        for (PositionState expected : naive.values()) {
            assertThat(book.state(expected.loanId())).isEqualTo(expected);
        }
    }

    private static BigDecimal priceOf(Tick tick, PositionState loan) {
        if (tick.free()) {
            return BigDecimal.valueOf(tick.freePriceCents(), 2).setScale(8);
        }
        Thresholds t = loan.thresholds();
        BigDecimal ratio = switch (tick.boundary()) {
            case 0 -> t.warning();
            case 1 -> t.marginCall();
            case 2 -> t.liquidation();
            case 3 -> t.warning().subtract(RULES.hysteresis());
            default -> t.marginCall().subtract(RULES.hysteresis());
        };
        BigDecimal boundary = loan.debt().divide(ratio.multiply(loan.collateral()), 8, RoundingMode.DOWN)
                .add(BigDecimal.valueOf(tick.offset(), 8));
        return boundary.signum() > 0 ? boundary : new BigDecimal("0.00000001");
    }

    /** What the service does to one position on a tick, with the assessor. */
    private static PositionState assess(MarginAssessor assessor, PositionState s, BigDecimal price, Instant at,
                                        boolean breaker, Instant now, List<RiskEvent> events) {
        var a = assessor.assess(new MarginAssessor.Snapshot(s.zone(), s.status(), s.triggered(), s.lastMarginCallAt(),
                s.marginCallRepeat(), s.debt(), s.collateral(), s.thresholds(), s.autoIncrease(), 8),
                price.setScale(8), at, breaker, now);
        if (a.zoneChanged()) {
            events.add(new RiskEvent.ZoneChange(s.loanId(), a.from(), a.to(), a.ltv()));
        }
        if (a.call() != null) {
            events.add(new RiskEvent.Call(s.loanId(), a.call().repeat(), a.ltv(), a.call().terms()));
        }
        if (a.topUp() != null) {
            events.add(new RiskEvent.TopUp(s.loanId(), a.topUp()));
        }
        if (a.triggers()) {
            events.add(new RiskEvent.Trigger(s.loanId(), a.ltv()));
        }
        return new PositionState(s.loanId(), s.version(), s.debt(), s.collateral(), s.thresholds(), s.autoIncrease(),
                s.status(), a.to(), s.triggered() || a.triggers(), a.lastMarginCallAt(), a.marginCallRepeat());
    }

    /** Per loan, in emission order. */
    private static List<RiskEvent> sorted(List<RiskEvent> events) {
        List<RiskEvent> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparing(RiskEvent::loanId));
        return copy;
    }
}
