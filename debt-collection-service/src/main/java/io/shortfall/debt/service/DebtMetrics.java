package io.shortfall.debt.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * The business counters of debt collection, per currency, each counted once what it counts has committed: cases
 * opened (and the amount), payments (and the amount paid, and the cases they settled), write-offs approved (and the
 * amount written off).
 */
@ApplicationScoped
public class DebtMetrics {

    private final MeterRegistry registry;

    public DebtMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void caseOpened(String currency, BigDecimal amount) {
        registry.counter("shortfall.debt.cases.opened", "currency", currency).increment();
        registry.counter("shortfall.debt.opened.amount", "currency", currency).increment(amount.doubleValue());
    }

    public void paid(String currency, BigDecimal amount, boolean settled) {
        registry.counter("shortfall.debt.payments", "currency", currency).increment();
        registry.counter("shortfall.debt.paid.amount", "currency", currency).increment(amount.doubleValue());
        if (settled) {
            registry.counter("shortfall.debt.settled", "currency", currency).increment();
        }
    }

    public void writtenOff(String currency, BigDecimal amount) {
        registry.counter("shortfall.debt.written.off", "currency", currency).increment();
        registry.counter("shortfall.debt.written.off.amount", "currency", currency).increment(amount.doubleValue());
    }
}
