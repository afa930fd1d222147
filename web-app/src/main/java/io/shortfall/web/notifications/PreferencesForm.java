package io.shortfall.web.notifications;

import org.jboss.resteasy.reactive.RestForm;

/** The preferences as submitted; a checkbox left unticked is not sent at all. */
public class PreferencesForm {

    @RestForm
    public String timeZone;

    @RestForm
    public String locale;

    @RestForm
    public String quietStart;

    @RestForm
    public String quietEnd;

    @RestForm
    public String ceaseCollectionContact;

    /** Whether the cease box was ticked. */
    public boolean cease() {
        return ceaseCollectionContact != null;
    }
}
