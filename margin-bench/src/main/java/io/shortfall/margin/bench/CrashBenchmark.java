package io.shortfall.margin.bench;

import io.shortfall.margin.risk.RiskBook;
import io.shortfall.margin.risk.RiskEvent;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@code crash-30pct}: BTC falls 30% in 30 ticks of 1% of its opening price, one second apart, fresh and with
 * the breaker closed, over a million positions across three assets; every event is built (LTV, margin-call
 * terms, top-up amounts) and counted. Each iteration starts from the books as opened.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class CrashBenchmark {

    private static final Instant AT = Instant.parse("2026-11-30T00:00:00Z");

    @State(Scope.Thread)
    public static class Market {
        RiskBook[] books;

        @Setup(Level.Iteration)
        public void open() {
            books = null;
            books = Books.build(Books.POSITIONS);
        }
    }

    /** The events of the last crash, by kind (reported per iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Events {
        public long zoneChanges;
        public long marginCalls;
        public long topUps;
        public long triggers;

        @Setup(Level.Iteration)
        public void reset() {
            zoneChanges = marginCalls = topUps = triggers = 0;
        }

        public long total() {
            return zoneChanges + marginCalls + topUps + triggers;
        }
    }

    @Benchmark
    public long crash30pct(Market market, Events events) {
        RiskBook btc = market.books[0];
        BigDecimal open = Books.PRICES[0];
        long total = 0;
        for (int i = 1; i <= 30; i++) {
            BigDecimal price = open.multiply(BigDecimal.valueOf(100 - i, 2)).setScale(8, RoundingMode.DOWN);
            Instant at = AT.plusSeconds(i);
            total += btc.tick(price, at, false, at, event -> {
                if (event instanceof RiskEvent.ZoneChange) {
                    events.zoneChanges++;
                } else if (event instanceof RiskEvent.Call) {
                    events.marginCalls++;
                } else if (event instanceof RiskEvent.TopUp) {
                    events.topUps++;
                } else {
                    events.triggers++;
                }
            });
        }
        return total;
    }
}
