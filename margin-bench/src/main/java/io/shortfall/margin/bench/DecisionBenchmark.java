package io.shortfall.margin.bench;

import io.shortfall.margin.domain.MarginAssessor;
import io.shortfall.margin.domain.MarginEngine;
import io.shortfall.margin.domain.RiskRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The CPU part of a tick in margin-service, on the code it runs: {@link MarginAssessor#assess} with the loan's
 * stored boundaries (the engine's integer decision, then the amounts its events state: LTV, margin-call terms,
 * top-up). {@code crash}: a crash price reaching every one of {@code positions} loans at once (GREEN to RED, a margin
 * call and a liquidation trigger each); {@code calm}: a price that reaches none (the engine decides nothing new,
 * as for a loan a sweep looks at).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecisionBenchmark {

    @Param({"100000"})
    int positions;

    private MarginAssessor assessor;
    private Books.Held[] held;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() {
        assessor = new MarginAssessor(RiskRules.standard());
        held = Books.build(assessor, positions);
        now = Instant.parse("2026-12-05T10:00:00Z");
    }

    @Benchmark
    public void crash(Blackhole sink) {
        for (Books.Held h : held) {
            sink.consume(assessor.assess(h.snapshot(), h.boundaries(), Books.CRASH, now, false, now));
        }
    }

    @Benchmark
    public void calm(Blackhole sink) {
        for (Books.Held h : held) {
            sink.consume(assessor.assess(h.snapshot(), h.boundaries(), Books.PRICE, now, false, now));
        }
    }

    /** The keys the service stores after deciding, so the next price finds the loan only if it must. */
    @Benchmark
    public void keys(Blackhole sink) {
        MarginEngine engine = assessor.engine();
        for (Books.Held h : held) {
            var s = h.snapshot();
            sink.consume(engine.keys(new MarginEngine.State(s.zone(), s.status(), s.triggered(), false,
                    s.autoIncrease(), s.lastMarginCallAt(), s.marginCallRepeat()), h.boundaries(), true));
        }
    }
}
