package io.shortfall.margin.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The business counters at {@code /q/metrics}, counted from a {@link TickOutcome} once its transaction has
 * committed: a tick retried after a rolled-back attempt, or delivered again, counts once.
 * {@code shortfall.margin.calls} (tags {@code asset}, {@code repeat}), {@code shortfall.liquidations.triggered}
 * and {@code shortfall.breakers.tripped} (tag {@code asset}). They count since the process started.
 */
@ApplicationScoped
public class MarginMetrics {

    private final MeterRegistry registry;

    public MarginMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(TickOutcome outcome) {
        outcome.calls().forEach(call -> registry.counter("shortfall.margin.calls", "asset", call.asset(),
                "repeat", Boolean.toString(call.repeat())).increment());
        outcome.triggered().forEach(asset -> registry.counter("shortfall.liquidations.triggered", "asset", asset)
                .increment());
        if (outcome.isBreakerTripped()) {
            registry.counter("shortfall.breakers.tripped", "asset", outcome.asset()).increment();
        }
    }
}
