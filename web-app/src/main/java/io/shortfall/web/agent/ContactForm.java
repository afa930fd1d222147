package io.shortfall.web.agent;

import org.jboss.resteasy.reactive.RestForm;

/** A contact with the debtor as the agent logs it: how, what came of it, and a note. */
public class ContactForm {

    @RestForm
    public String channel;

    @RestForm
    public String outcome;

    @RestForm
    public String note;
}
