package io.shortfall.web.debt;

import io.shortfall.client.debt.model.ScheduledInstallment;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The debtor's own plan as their case page shows it: the number of monthly installments and the first due date as
 * typed, what was wrong with them (by field), the exact schedule they make, or a line saying why there is none.
 */
public record PlanProposal(String installments, String firstDueDate, Map<String, String> errors,
                           List<ScheduledInstallment> schedule, String note, String currency) {

    /**
     * An empty form, its first installment proposed two weeks from today; {@code ask} the line in place of the
     * schedule ({@link DebtMessages#askInstallments} in the page's language).
     */
    static PlanProposal blank(String currency, String ask) {
        return new PlanProposal("", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString(), Map.of(), List.of(), ask,
                currency);
    }
}
