package io.shortfall.margin.domain;

import io.shortfall.events.Thresholds;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against the rules written the plain way ({@link NaiveMargin}), for any loans and any sequence of
 * prices (on every boundary and one hundred-millionth either side), clock times (six-hour gaps, stale prices),
 * breakers and loan changes:
 * <ul>
 *   <li>each decision is the same, event for event;</li>
 *   <li>deciding only the loans whose keys the price or the clock reached (what the service asks the database for)
 *   emits the same events and leaves every loan in the same state as deciding every loan on every price: the keys
 *   never miss a loan.</li>
 * </ul>
 */
class MarginEnginePropertiesTest {

    private static final RiskRules RULES = RiskRules.standard();
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<Thresholds> THRESHOLDS = List.of(
            new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"), new BigDecimal("0.80"), new BigDecimal("0.8333")),
            new Thresholds(new BigDecimal("0.50"), new BigDecimal("0.60"), new BigDecimal("0.70"), new BigDecimal("0.75")),
            new Thresholds(new BigDecimal("0.70"), new BigDecimal("0.78"), new BigDecimal("0.785"), new BigDecimal("0.785")));

    record LoanSpec(long debtCents, long collateralUnits, int thresholds, boolean autoIncrease, boolean liquidating) {
    }

    /** A price: at a loan's boundary (kind 0..4, offset −1..1 hundred-millionths) or free; time passing; a breaker. */
    record Tick(int loan, int boundary, int offset, long freePriceCents, boolean free, long advanceSeconds,
                long lagSeconds, boolean breaker) {
    }

    /** A loan event between prices: new debt, or the status toggled (with the trigger cleared). */
    record Change(int loan, long debtCents, boolean toggleStatus) {
    }

    record Step(Tick tick, Change change) {
    }

    @Provide
    Arbitrary<List<LoanSpec>> loans() {
        return Combinators.combine(
                Arbitraries.longs().between(100_00L, 5_000_000_00L),
                Arbitraries.longs().between(1_000_000L, 100_00000000L),
                Arbitraries.integers().between(0, THRESHOLDS.size() - 1),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 9).map(i -> i == 0)).as(LoanSpec::new).list().ofMinSize(1)
                .ofMaxSize(25);
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

    /** One loan as the service keeps it: the plain state, plus what the engine keeps (held, boundaries, keys). */
    private static final class Kept {
        NaiveMargin.Loan loan;
        boolean held;
        Boundaries boundaries;
        MarginEngine.Keys keys;
    }

    @Property(tries = 300)
    void deciding_only_the_loans_the_keys_name_is_deciding_every_loan_by_the_plain_rules(
            @ForAll("loans") List<LoanSpec> specs, @ForAll("steps") List<Step> steps) {
        MarginAssessor assessor = new MarginAssessor(RULES);
        MarginEngine engine = assessor.engine();
        NaiveMargin naive = new NaiveMargin(RULES);
        List<NaiveMargin.Loan> plain = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        for (LoanSpec spec : specs) {
            var loan = new NaiveMargin.Loan(BigDecimal.valueOf(spec.debtCents(), 2),
                    BigDecimal.valueOf(spec.collateralUnits(), 8), THRESHOLDS.get(spec.thresholds()),
                    spec.autoIncrease(), spec.liquidating() ? PositionStatus.LIQUIDATING : PositionStatus.ACTIVE,
                    Zone.GREEN, false, null, 0);
            plain.add(loan);
            Kept k = new Kept();
            k.loan = loan;
            rebound(assessor, engine, k);
            kept.add(k);
        }
        Instant at = T0;
        for (Step step : steps) {
            if (step.change() != null) {
                Change change = step.change();
                int i = change.loan() % plain.size();
                plain.set(i, changed(plain.get(i), change));
                Kept k = kept.get(i);
                k.loan = changed(k.loan, change);
                if (change.toggleStatus()) {
                    k.held = false;
                }
                rebound(assessor, engine, k);
                continue;
            }
            Tick tick = step.tick();
            at = at.plusSeconds(tick.advanceSeconds());
            Instant now = at.plusSeconds(tick.lagSeconds());
            BigDecimal price = priceOf(tick, plain.get(tick.loan() % plain.size()));
            long p = PriceKey.of(price);
            boolean release = !tick.breaker() && !engine.isStale(at, now);
            for (int i = 0; i < plain.size(); i++) {
                NaiveMargin.Decided expected = naive.decide(plain.get(i), price, at, now, tick.breaker());
                plain.set(i, expected.after());

                Kept k = kept.get(i);
                List<String> events = List.of();
                if (due(k, p, now, release)) {
                    var snapshot = new MarginAssessor.Snapshot(k.loan.zone(), k.loan.status(), k.loan.triggered(),
                            k.loan.lastCallAt(), k.loan.repeat(), k.loan.debt(), k.loan.collateral(),
                            k.loan.thresholds(), k.loan.autoIncrease(), 8);
                    MarginAssessor.Assessment a = assessor.assess(snapshot, k.boundaries, price, at, tick.breaker(),
                            now);
                    events = eventsOf(a);
                    k.loan = k.loan.with(a.to(), k.loan.triggered() || a.triggers(), a.lastMarginCallAt(),
                            a.marginCallRepeat());
                    k.held = a.trigger().holds();
                    k.keys = engine.keys(state(k), k.boundaries, true);
                }
                assertThat(events).as("loan %d at %s, %s", i, price, now).isEqualTo(expected.events());
                assertThat(k.loan).as("loan %d after %s", i, price).isEqualTo(expected.after());
            }
        }
    }

    /** The query the service runs, for one loan. */
    private static boolean due(Kept k, long p, Instant now, boolean release) {
        MarginEngine.Keys keys = k.keys;
        return keys.fallsAt() != null && keys.fallsAt() >= p
                || keys.risesAt() != null && keys.risesAt() <= p
                || keys.callDueAt() != null && !keys.callDueAt().isAfter(now)
                || release && k.held && k.boundaries.liquidationAt() >= p;
    }

    private static void rebound(MarginAssessor assessor, MarginEngine engine, Kept k) {
        k.boundaries = assessor.boundaries(k.loan.debt(), k.loan.collateral(), k.loan.thresholds());
        k.keys = engine.keys(state(k), k.boundaries, true);
    }

    private static MarginEngine.State state(Kept k) {
        return new MarginEngine.State(k.loan.zone(), k.loan.status(), k.loan.triggered(), k.held,
                k.loan.autoIncrease(), k.loan.lastCallAt(), k.loan.repeat());
    }

    private static NaiveMargin.Loan changed(NaiveMargin.Loan s, Change change) {
        PositionStatus status = change.toggleStatus()
                ? (s.status() == PositionStatus.ACTIVE ? PositionStatus.LIQUIDATING : PositionStatus.ACTIVE)
                : s.status();
        return new NaiveMargin.Loan(BigDecimal.valueOf(change.debtCents(), 2), s.collateral(), s.thresholds(),
                s.autoIncrease(), status, s.zone(), change.toggleStatus() ? false : s.triggered(), s.lastCallAt(),
                s.repeat());
    }

    private static List<String> eventsOf(MarginAssessor.Assessment a) {
        List<String> events = new ArrayList<>();
        if (a.zoneChanged()) {
            events.add("zone " + a.from() + "->" + a.to());
        }
        if (a.call() != null) {
            events.add("call " + a.call().repeat());
        }
        if (a.topUp() != null) {
            events.add("top-up");
        }
        if (a.triggers()) {
            events.add("trigger");
        }
        return events;
    }

    private static BigDecimal priceOf(Tick tick, NaiveMargin.Loan loan) {
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
}
