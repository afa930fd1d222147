package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Installments;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

import java.math.BigDecimal;
import java.util.List;

/**
 * An agent (or the system) made the debtor an offer or a counter-offer: its terms, and how to answer. An
 * installment offer states each payment (the equal ones and the last, which carries the rounding remainder) and
 * the total as the total: never the total as each installment.
 */
public record OfferReceivedNotice(String recipient, String caseId, String offerId, String by, String kind,
                                  Integer installments, String frequency, String firstDueDate, String downPayment,
                                  String amount, String note, List<Line> schedule, Installments plan)
        implements Notice {

    /** One payment of the offer's schedule. */
    public record Line(int n, String dueDate, String amount) {
    }

    public static OfferReceivedNotice of(DebtEvents.OfferMade made) {
        DebtEvents.OfferTerms terms = made.terms();
        List<DebtEvents.ScheduledInstallment> rows = made.schedule() == null ? List.of() : made.schedule();
        List<Line> lines = rows.stream()
                .map(i -> new Line(i.n(), i.dueDate().toString(), i.amount().toPlainString())).toList();
        Installments plan = null;
        boolean hasDown = terms != null && terms.downPayment() != null && terms.downPayment().signum() != 0;
        List<BigDecimal> after = rows.stream().skip(hasDown ? 1 : 0).map(DebtEvents.ScheduledInstallment::amount)
                .toList();
        if (!after.isEmpty()) {
            plan = Installments.of(after, after.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return new OfferReceivedNotice(made.debtorId(), made.caseId().toString(), made.offerId().toString(),
                made.by(), made.kind(), terms == null ? null : terms.installments(),
                terms == null ? null : terms.frequency(),
                terms == null || terms.firstDueDate() == null ? null : terms.firstDueDate().toString(),
                terms == null || terms.downPayment() == null ? null : terms.downPayment().toPlainString(),
                terms == null || terms.amount() == null ? null : terms.amount().toPlainString(),
                terms == null ? null : terms.note(), lines, plan);
    }

    /** Whether the event carried the exact schedule (older events did not). */
    public boolean hasSchedule() {
        return plan != null;
    }

    /** How many installments follow the down payment (all of them without one). */
    public int count() {
        return plan != null ? plan.count() : installments == null ? 0
                : installments - (hasDownPayment() ? 1 : 0);
    }

    public String regular() {
        return plan == null ? null : plan.regular().toPlainString();
    }

    public String last() {
        return plan == null ? null : plan.last().toPlainString();
    }

    public boolean lastDiffers() {
        return plan != null && plan.lastDiffers();
    }

    /** Whether the installments are equal but for the last one (else they are stated one by one). */
    public boolean uniform() {
        return plan != null && plan.uniform();
    }

    public boolean settlement() {
        return "SETTLEMENT".equals(kind);
    }

    public boolean hasInstallments() {
        return installments != null;
    }

    public boolean hasDownPayment() {
        return downPayment != null;
    }

    public boolean hasFirstDueDate() {
        return firstDueDate != null;
    }

    public boolean hasAmount() {
        return amount != null;
    }

    public boolean hasNote() {
        return note != null && !note.isBlank();
    }

    @Override
    public NotificationType type() {
        return NotificationType.OFFER_RECEIVED;
    }

    @Override
    public String title(Lang lang) {
        if (lang == Lang.DE) {
            return settlement() ? "Neues Vergleichsangebot zu Ihrer Schuld" : "Neues Ratenzahlungsangebot zu Ihrer Schuld";
        }
        return settlement() ? "New settlement offer on your debt" : "New installment offer on your debt";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return (settlement() ? "Vergleich über " + amount + " USDT" : installmentsDe())
                    + (firstDueDate == null ? "" : ", die erste fällig am " + firstDueDate)
                    + ". Nehmen Sie es in der App an, lehnen Sie es ab oder machen Sie ein Gegenangebot.";
        }
        return (settlement() ? "Settle for " + amount + " USDT" : installmentsEn())
                + (firstDueDate == null ? "" : ", the first due " + firstDueDate)
                + ". Accept, reject or counter it in the app.";
    }

    /** "100.00 USDT down, then 3 monthly installments of 126.69 USDT (the last 126.70), 480.08 USDT in all". */
    private String installmentsEn() {
        String down = hasDownPayment() ? downPayment + " USDT down, then " : "";
        String each = !hasSchedule() ? ""
                : uniform() ? " of " + regular() + " USDT" + (lastDiffers() ? " (the last " + last() + ")" : "")
                : ": " + String.join(", ", schedule.stream().skip(hasDownPayment() ? 1 : 0).map(Line::amount)
                .toList()) + " USDT";
        return down + count() + " " + lower(frequency) + " installment" + (count() == 1 ? "" : "s") + each
                + (amount == null ? "" : ", " + amount + " USDT in all");
    }

    private String installmentsDe() {
        String down = hasDownPayment() ? downPayment + " USDT Anzahlung, dann " : "";
        String each = !hasSchedule() ? ""
                : uniform() ? " zu " + regular() + " USDT" + (lastDiffers() ? " (die letzte " + last() + ")" : "")
                : ": " + String.join(", ", schedule.stream().skip(hasDownPayment() ? 1 : 0).map(Line::amount)
                .toList()) + " USDT";
        return down + count() + " Rate" + (count() == 1 ? "" : "n") + each
                + (amount == null ? "" : ", insgesamt " + amount + " USDT");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.offerReceived(name, lang, this);
    }
}
