package io.shortfall.web.debt;

import org.jboss.resteasy.reactive.RestForm;

/** A payment as submitted; its idempotency key was made with the page, so a resubmitted form pays once. */
public class PaymentForm {

    @RestForm
    public String amount;

    @RestForm
    public String idempotencyKey;
}
