package io.shortfall.debt.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One payment of a schedule: the {@code n}-th (from 1), due by the end of {@code dueDate} in the debtor's zone. */
public record Installment(int n, LocalDate dueDate, BigDecimal amount) {
}
