package io.shortfall.notification.domain;

/**
 * What a notification tells the borrower (DOMAIN.md, "Notifications"). A {@link #collection()} notice is a
 * collection communication: quiet hours, the 7-in-7 cap and a cease request apply to it. Margin calls,
 * liquidation notices and the legally required notices (the debt and its terms, receipts of payments, plans,
 * settlement and write-off) are never held back.
 */
public enum NotificationType {
    ORANGE_WARNING(false),
    MARGIN_CALL(false),
    AUTO_TOP_UP_DONE(false),
    AUTO_TOP_UP_SHORT(false),
    LIQUIDATION_STARTED(false),
    LIQUIDATION_RECEIPT(false),
    NEGATIVE_BALANCE(false),
    OFFER_RECEIVED(true),
    PLAN_ACCEPTED(false),
    INSTALLMENT_DUE_SOON(true),
    INSTALLMENT_DUE(true),
    INSTALLMENT_OVERDUE(true),
    PAYMENT_RECEIVED(false),
    PLAN_BROKEN(true),
    DEBT_SETTLED(false),
    DEBT_WRITTEN_OFF(false);

    private final boolean collection;

    NotificationType(boolean collection) {
        this.collection = collection;
    }

    /** Whether this is a collection communication (held by quiet hours, the cap and a cease request). */
    public boolean collection() {
        return collection;
    }
}
