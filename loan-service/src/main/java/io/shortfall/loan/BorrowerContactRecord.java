package io.shortfall.loan;

import io.shortfall.kit.projections.LatestBorrowerContact;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The contact details last sent for a borrower in a {@code BorrowerContact} event. */
@Entity
@Table(name = "borrower_contact")
public class BorrowerContactRecord extends LatestBorrowerContact {
}
