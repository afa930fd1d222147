package io.shortfall.margin.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The business counters at {@code /q/metrics}, counted from a {@link MarginOutcome} once its transaction has
 * committed: an attempt rolled back and retried, or a record delivered again, counts once.
 * {@code shortfall.margin.calls} (tags {@code asset}, {@code repeat}), {@code shortfall.liquidations.triggered}
 * and {@code shortfall.breakers.tripped} (tag {@code asset}), {@code shortfall.margin.decided} (positions decided,
 * tag {@code asset} omitted), {@code shortfall.margin.rounds} (rounds of an asset that found nothing more to
 * decide: after a tick, and every sweep) and {@code shortfall.margin.decisions.failed}. They count since the
 * process started.
 */
@ApplicationScoped
public class MarginMetrics {

    private final MeterRegistry registry;

    public MarginMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(MarginOutcome outcome) {
        outcome.calls().forEach(call -> registry.counter("shortfall.margin.calls", "asset", call.asset(),
                "repeat", Boolean.toString(call.repeat())).increment());
        outcome.triggered().forEach(asset -> registry.counter("shortfall.liquidations.triggered", "asset", asset)
                .increment());
        outcome.breakersTripped().forEach(asset -> registry.counter("shortfall.breakers.tripped", "asset", asset)
                .increment());
        if (outcome.decidedCount() > 0) {
            registry.counter("shortfall.margin.decided").increment(outcome.decidedCount());
        }
    }

    /** A round of decisions of {@code asset} found nothing more to decide. */
    public void roundFinished(String asset) {
        registry.counter("shortfall.margin.rounds", "asset", asset).increment();
    }

    /** A batch of decisions of {@code asset} failed (it is tried again). */
    public void decisionsFailed(String asset) {
        registry.counter("shortfall.margin.decisions.failed", "asset", asset).increment();
    }
}
