package io.shortfall.web.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words every page shares (the header, the start page, the error pages): {@code {msg:...}} in templates. In
 * English here; in German in {@code messages/msg_de.properties}, which must name every one of them (the build fails
 * on a key that is not here).
 */
@MessageBundle
public interface AppMessages {

    @Message("Skip to content")
    String skipToContent();

    @Message("Main")
    String mainNav();

    @Message("Loans")
    String navLoans();

    @Message("Debts")
    String navDebts();

    @Message("Notifications")
    String navNotifications();

    @Message("Preferences")
    String navPreferences();

    @Message("Cases")
    String navCases();

    @Message("Approvals")
    String navApprovals();

    @Message("Risk")
    String navRisk();

    @Message("Liquidations")
    String navLiquidations();

    @Message("Emails")
    String navEmails();

    @Message("Sign out")
    String signOut();

    /** The switch to the other language, written in that language. */
    @Message("{#if to == 'de'}Deutsch{#else}English{/if}")
    String switchTo(String to);

    @Message("Home")
    String homeTitle();

    @Message("Welcome, {name}")
    String welcome(String name);

    @Message("Your work in Shortfall:")
    String yourWork();

    @Message("The case queue")
    String workQueue();

    @Message("Settlements and write-offs waiting for your approval")
    String workApprovals();

    @Message("Risk by asset, stress what-if and the breakers")
    String workRisk();

    @Message("Back to the start")
    String backToStart();

    @Message("Something went wrong")
    String failedTitle();

    @Message("Something went wrong on our side")
    String failedHeading();

    @Message("This page could not be shown. Nothing you sent was lost; try again in a moment. If it keeps happening, "
            + "tell support the reference")
    String failedText();

    @Message("Not for your role")
    String forbiddenTitle();

    @Message("This page is for another kind of account.")
    String forbiddenText();

    @Message("Not found")
    String notFoundTitle();

    @Message("There is nothing here for you. The link may be mistyped, or what it pointed to is not yours.")
    String notFoundText();

    @Message("Refused")
    String refusedTitle();

    @Message("That was refused")
    String refusedHeading();

    @Message("Try again shortly")
    String unavailableTitle();

    @Message("Part of Shortfall did not answer. If you had just asked for a change, it may or may not have been made: "
            + "look before you ask again.")
    String unavailableText();

    /** A change a service did not confirm in time: it may or may not be made; the same form makes it at most once. */
    @Message("Shortfall did not confirm this in time. Send it again: it will not be done twice.")
    String unconfirmed();
}
