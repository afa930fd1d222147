package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Installments;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

import java.math.BigDecimal;
import java.util.List;

/** A repayment plan was agreed: its exact schedule. */
public record PlanAcceptedNotice(String recipient, String caseId, String planId, int count, String total,
                                 String firstDue, String lastDue, List<NegativeBalanceNotice.Line> schedule)
        implements Notice {

    /** The notice, or an {@link IllegalArgumentException} for an empty schedule. */
    public static PlanAcceptedNotice of(DebtEvents.PlanStarted started) {
        List<DebtEvents.ScheduledInstallment> schedule = started.schedule() == null ? List.of() : started.schedule();
        List<BigDecimal> amounts = schedule.stream().map(DebtEvents.ScheduledInstallment::amount).toList();
        BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Installments installments = Installments.of(amounts, total);
        List<NegativeBalanceNotice.Line> lines = schedule.stream()
                .map(i -> new NegativeBalanceNotice.Line(i.n(), i.dueDate().toString(), i.amount().toPlainString()))
                .toList();
        return new PlanAcceptedNotice(started.debtorId(), started.caseId().toString(), started.planId().toString(),
                installments.count(), total.toPlainString(), lines.get(0).dueDate(),
                lines.get(lines.size() - 1).dueDate(), lines);
    }

    @Override
    public NotificationType type() {
        return NotificationType.PLAN_ACCEPTED;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Ihr Ratenplan: " + count + " Zahlungen, insgesamt " + total + " USDT"
                : "Your repayment plan: " + count + " payments, " + total + " USDT in total";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return count + " Zahlungen, insgesamt " + total + " USDT, vom " + firstDue + " bis " + lastDue + ".";
        }
        return count + " payments totalling " + total + " USDT, from " + firstDue + " to " + lastDue + ".";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.planAccepted(name, lang, this);
    }
}
