package io.shortfall.notification.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.shortfall.events.DebtEvents;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.NotificationType;

/** A payment on the debt was applied: the amount and what remains. */
public record PaymentReceivedNotice(String recipient, String caseId, String paymentId, String amount,
                                    String outstanding, boolean paidOff) implements Notice {

    public static PaymentReceivedNotice of(DebtEvents.PaymentReceived received) {
        return new PaymentReceivedNotice(received.debtorId(), received.caseId().toString(),
                received.paymentId().toString(), Text.plain(received.amount()), Text.plain(received.outstanding()),
                received.outstanding() != null && received.outstanding().signum() == 0);
    }

    @Override
    public NotificationType type() {
        return NotificationType.PAYMENT_RECEIVED;
    }

    @Override
    public String title(Lang lang) {
        return lang == Lang.DE ? "Zahlung über " + amount + " USDT erhalten"
                : "Payment of " + amount + " USDT received";
    }

    @Override
    public String summary(Lang lang) {
        if (lang == Lang.DE) {
            return "Wir haben " + amount + " USDT erhalten. Offen: " + outstanding + " USDT.";
        }
        return "We received " + amount + " USDT. Outstanding: " + outstanding + " USDT.";
    }

    @Override
    public MailTemplateInstance email(String name, Lang lang) {
        return Emails.paymentReceived(name, lang, this);
    }
}
