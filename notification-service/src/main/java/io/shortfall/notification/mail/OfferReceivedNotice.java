package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/** An agent (or the system) made the debtor an offer or a counter-offer: its terms, and how to answer. */
public record OfferReceivedNotice(String recipient, String caseId, String offerId, String by, String kind,
                                  Integer installments, String frequency, String firstDueDate, String downPayment,
                                  String amount, String note) implements Notice {

    public static OfferReceivedNotice of(DebtEvents.OfferMade made) {
        DebtEvents.OfferTerms terms = made.terms();
        return new OfferReceivedNotice(made.debtorId(), made.caseId().toString(), made.offerId().toString(),
                made.by(), made.kind(), terms == null ? null : terms.installments(),
                terms == null ? null : terms.frequency(),
                terms == null || terms.firstDueDate() == null ? null : terms.firstDueDate().toString(),
                terms == null || terms.downPayment() == null ? null : terms.downPayment().toPlainString(),
                terms == null || terms.amount() == null ? null : terms.amount().toPlainString(),
                terms == null ? null : terms.note());
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
            return (settlement() ? "Vergleich über " + amount + " USDT" : installments + " Raten"
                    + (amount == null ? "" : " zu " + amount + " USDT"))
                    + (firstDueDate == null ? "" : ", die erste fällig am " + firstDueDate)
                    + ". Nehmen Sie es in der App an, lehnen Sie es ab oder machen Sie ein Gegenangebot.";
        }
        return (settlement() ? "Settle for " + amount + " USDT" : installments + " " + lower(frequency)
                + " installments" + (amount == null ? "" : " of " + amount + " USDT"))
                + (firstDueDate == null ? "" : ", the first due " + firstDueDate)
                + ". Accept, reject or counter it in the app.";
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return lang == Lang.DE ? EmailsDe.offerReceived(name, this) : Emails.offerReceived(name, this);
    }
}
