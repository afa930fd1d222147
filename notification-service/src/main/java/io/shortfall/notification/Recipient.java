package io.shortfall.notification;

import io.shortfall.kit.projections.LatestBorrowerContact;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * How to reach a borrower, from the latest {@code BorrowerContact} event. Without an email, the borrower's emails
 * wait until one is known.
 */
@Entity
@Table(name = "contact")
public class Recipient extends LatestBorrowerContact {
}
