package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Installments;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

import java.math.BigDecimal;
import java.util.List;

/** A negative balance was recorded: what is owed and the self-serve ladder of ways to repay it. */
public record NegativeBalanceNotice(String recipient, String caseId, String amount, String currency,
                                    List<Rung> rungs) implements Notice {

    /** One way to repay: its one-line description and its exact schedule. */
    public record Rung(String kind, String description, String total, List<Line> schedule, int count,
                       String regular, String last, boolean lastDiffers, boolean uniform) {
        public boolean payInFull() {
            return DebtEvents.LadderOffer.PAY_IN_FULL.equals(kind);
        }

        /** The rung in German, as the German email says it. */
        public String descriptionDe(String currency) {
            if (payInFull()) {
                return total + " " + currency + " vollständig bis " + dueBy() + " zahlen";
            }
            if (!uniform) {
                return count + " Monatsraten, insgesamt " + total + " " + currency + ", die erste fällig am "
                        + firstDue();
            }
            return count + " Monatsraten zu " + regular + " " + currency + (lastDiffers ? " (die letzte " + last + ")" : "")
                    + ", die erste fällig am " + firstDue();
        }

        public String firstDue() {
            return schedule.isEmpty() ? "" : schedule.get(0).dueDate();
        }

        public String dueBy() {
            return schedule.isEmpty() ? "" : schedule.get(schedule.size() - 1).dueDate();
        }
    }

    public record Line(int n, String dueDate, String amount) {
    }

    /** The notice, or an {@link IllegalArgumentException} when a rung's schedule does not sum to its total. */
    public static NegativeBalanceNotice of(DebtEvents.DebtCaseOpened opened) {
        List<DebtEvents.LadderOffer> offers = opened.offers() == null ? List.of() : opened.offers();
        List<Rung> rungs = offers.stream().map(offer -> rung(offer, opened.currency())).toList();
        return new NegativeBalanceNotice(opened.debtorId(), opened.caseId().toString(),
                opened.amount().toPlainString(), opened.currency(), rungs);
    }

    private static Rung rung(DebtEvents.LadderOffer offer, String currency) {
        List<BigDecimal> amounts = offer.schedule().stream().map(DebtEvents.ScheduledInstallment::amount).toList();
        Installments installments = Installments.of(amounts, offer.total());
        List<Line> lines = offer.schedule().stream()
                .map(i -> new Line(i.n(), i.dueDate().toString(), i.amount().toPlainString())).toList();
        String description = DebtEvents.LadderOffer.PAY_IN_FULL.equals(offer.kind())
                ? "Pay " + offer.total().toPlainString() + " " + currency + " in full by "
                + lines.get(lines.size() - 1).dueDate()
                : installments.describe(currency) + ", the first due " + lines.get(0).dueDate();
        return new Rung(offer.kind(), description, offer.total().toPlainString(), lines, installments.count(),
                installments.regular().toPlainString(), installments.last().toPlainString(),
                installments.lastDiffers(), installments.uniform());
    }

    @Override
    public NotificationType type() {
        return NotificationType.NEGATIVE_BALANCE;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Nach der Liquidation schulden Sie " + amount + " " + currency
                : "You owe " + amount + " " + currency + " after your liquidation";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "Der Verkauf Ihrer Sicherheiten hat Ihren Kredit nicht gedeckt: " + amount + " " + currency
                    + " bleiben offen. " + String.join("; oder ", rungs.stream().map(r -> r.descriptionDe(currency))
                    .toList()) + ".";
        }
        return "The sale of your collateral did not cover your loan: " + amount + " " + currency + " remain. "
                + String.join("; or ", rungs.stream().map(Rung::description).toList()) + ".";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.negativeBalance(name, lang, this);
    }
}
