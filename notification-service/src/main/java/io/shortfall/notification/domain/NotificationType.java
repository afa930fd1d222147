package io.shortfall.notification.domain;

/** What a notification tells the borrower (DOMAIN.md, "Notifications"). */
public enum NotificationType {
    ORANGE_WARNING,
    MARGIN_CALL,
    LIQUIDATION_STARTED,
    LIQUIDATION_RECEIPT,
    NEGATIVE_BALANCE
}
