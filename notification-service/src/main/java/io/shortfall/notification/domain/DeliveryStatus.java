package io.shortfall.notification.domain;

/**
 * An email's state: waiting (for its time, the borrower's address, or the end of quiet hours or of the cap), being
 * sent (claimed by a sender until its outcome is recorded), sent, given up (FAILED, an operator may retry), or not
 * sent because the debtor asked not to be contacted (SUPPRESSED).
 */
public enum DeliveryStatus {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    SUPPRESSED
}
