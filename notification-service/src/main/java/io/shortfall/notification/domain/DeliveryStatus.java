package io.shortfall.notification.domain;

/** An email's state: waiting (for its time, or for the borrower's address), sent, or given up. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
