package io.shortfall.web.agent;

import org.jboss.resteasy.reactive.RestForm;

/**
 * An agent's offer to the debtor: a settlement for less than is owed (over the agent's discount limit it waits for a
 * supervisor), or installments; {@code counterOf} names the debtor's open proposal it answers.
 */
public class OfferForm {

    @RestForm
    public String kind;

    @RestForm
    public String amount;

    @RestForm
    public String installments;

    @RestForm
    public String firstDueDate;

    @RestForm
    public String note;

    @RestForm
    public String counterOf;
}
