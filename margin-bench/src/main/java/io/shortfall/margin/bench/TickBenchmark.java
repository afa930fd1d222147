package io.shortfall.margin.bench;

import io.shortfall.margin.risk.RiskBook;
import io.shortfall.margin.risk.RiskEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One BTC tick that crosses no boundary, over a million positions across three assets (a third of them BTC):
 * through the index ({@code tickNoCrossing}), and by scanning every BTC position, with the engine's integer
 * rules ({@code tickFullScan}) and with the service's {@code BigDecimal} assessor ({@code tickFullScanBigDecimal}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TickBenchmark {

    private static final Instant AT = Instant.parse("2026-11-30T00:00:00Z");
    private RiskBook btc;
    private final BigDecimal[] prices = {new BigDecimal("60000.00000000"), new BigDecimal("60100.50000000"),
            new BigDecimal("59900.25000000"), new BigDecimal("60050.00000000")};
    private int next;
    private Consumer<RiskEvent> sink;

    @Setup(Level.Trial)
    public void build(Blackhole blackhole) {
        RiskBook[] books = Books.build(Books.POSITIONS);
        btc = books[0];
        blackhole.consume(books);
        sink = blackhole::consume;
    }

    private BigDecimal nextPrice() {
        next = (next + 1) & 3;
        return prices[next];
    }

    @Benchmark
    public int tickNoCrossing() {
        return btc.tick(nextPrice(), AT, false, AT, sink);
    }

    @Benchmark
    public int tickFullScan() {
        return btc.scan(nextPrice(), AT, false, AT, sink);
    }

    @Benchmark
    @Measurement(iterations = 3, time = 5)
    public int tickFullScanBigDecimal() {
        return btc.exactScan(nextPrice(), AT, false, AT, sink);
    }
}
