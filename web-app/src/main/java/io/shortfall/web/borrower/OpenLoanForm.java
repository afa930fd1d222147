package io.shortfall.web.borrower;

import org.jboss.resteasy.reactive.RestForm;

import java.util.UUID;

/**
 * The open-a-loan form as submitted, kept as typed so that a refused form shows what the borrower wrote. The
 * idempotency key is made when the form is shown: a double click or a resubmitted page opens one loan.
 */
public class OpenLoanForm {

    @RestForm
    public String asset;

    @RestForm
    public String collateralAmount;

    @RestForm
    public String principal;

    @RestForm
    public boolean autoIncrease;

    @RestForm
    public String idempotencyKey;

    static OpenLoanForm blank() {
        OpenLoanForm form = new OpenLoanForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        return form;
    }
}
