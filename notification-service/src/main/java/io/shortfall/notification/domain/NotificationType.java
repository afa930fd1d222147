package io.shortfall.notification.domain;

/**
 * What a notification tells the borrower (docs/DOMAIN.md, "Notifications"). A {@link #collection()} notice is a
 * collection communication: quiet hours, the 7-in-7 cap and a cease request apply to it. Margin calls,
 * liquidation notices and the legally required notices (the debt and its terms, receipts of payments, plans,
 * settlement and write-off) are never held back.
 */
public enum NotificationType {
    ORANGE_WARNING(false, Priority.URGENT),
    /** The loan moved to a better zone (RED to ORANGE or GREEN, ORANGE to GREEN). */
    ZONE_RECOVERED(false, Priority.NORMAL),
    MARGIN_CALL(false, Priority.URGENT),
    AUTO_TOP_UP_DONE(false, Priority.URGENT),
    AUTO_TOP_UP_SHORT(false, Priority.URGENT),
    LIQUIDATION_STARTED(false, Priority.URGENT),
    LIQUIDATION_RECEIPT(false, Priority.NORMAL),
    NEGATIVE_BALANCE(false, Priority.NORMAL),
    OFFER_RECEIVED(true, Priority.LOW),
    PLAN_ACCEPTED(false, Priority.NORMAL),
    INSTALLMENT_DUE_SOON(true, Priority.LOW),
    INSTALLMENT_DUE(true, Priority.LOW),
    INSTALLMENT_OVERDUE(true, Priority.LOW),
    PAYMENT_RECEIVED(false, Priority.NORMAL),
    PLAN_BROKEN(true, Priority.LOW),
    DEBT_SETTLED(false, Priority.NORMAL),
    DEBT_WRITTEN_OFF(false, Priority.NORMAL),
    /** The debt was passed to an external collection agency or to legal proceedings: told once, never held. */
    CASE_ESCALATED(false, Priority.NORMAL),
    /** What became of collateral pledged to secure a debt: accepted, given back, or sold (with the arithmetic). */
    PLEDGE_ACCEPTED(false, Priority.NORMAL),
    PLEDGE_RELEASED(false, Priority.NORMAL),
    PLEDGE_SOLD(false, Priority.NORMAL);

    /**
     * The order emails are sent in when many are due: what the borrower can still act on in a crash (a warning,
     * a margin call, a top-up, a liquidation starting) before receipts and the other notices of what happened,
     * and those before collection notices.
     */
    public enum Priority {
        URGENT, NORMAL, LOW
    }

    private final boolean collection;
    private final Priority priority;

    NotificationType(boolean collection, Priority priority) {
        this.collection = collection;
        this.priority = priority;
    }

    public Priority priority() {
        return priority;
    }

    /** Whether this is a collection communication (held by quiet hours, the cap and a cease request). */
    public boolean collection() {
        return collection;
    }
}
