package io.shortfall.web.debt;

import org.jboss.resteasy.reactive.RestForm;

/** The debtor's own plan as submitted (or typed, for its preview): monthly installments of all that is owed. */
public class ProposalForm {

    @RestForm
    public String installments;

    @RestForm
    public String firstDueDate;

    /** The agent's offer this plan answers (and so declines), when it is a counter-offer; else empty. */
    @RestForm
    public String counterOf;

    /** The debt's currency, which the page sends with the form to name the schedule's amounts in. */
    @RestForm
    public String currency;
}
