package io.shortfall.web.notifications;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the notification feed and the preferences page: {@code {notes:...}} in templates. In English here; in
 * German in {@code messages/notes_de.properties}. The notices in the feed come from notification-service already in
 * the borrower's language and are shown as they come.
 */
@MessageBundle("notes")
public interface NotificationMessages {

    @Message("Notifications")
    String feedTitle();

    @Message("Everything Shortfall told you, newest first, and what became of its email. The list updates by itself.")
    String feedIntro();

    @Message("Nothing yet.")
    String nothingYet();

    @Message("emailed")
    String emailSent();

    @Message("email waiting (quiet hours, or the address is not known yet)")
    String emailPending();

    @Message("email being sent")
    String emailSending();

    @Message("the email could not be sent")
    String emailFailed();

    @Message("not emailed, as you asked")
    String emailSuppressed();

    /** The mark-as-read button's name for a screen reader: which notice it marks. */
    @Message("Mark “{title}” as read")
    String markReadLabel(String title);

    @Message("Mark as read")
    String markRead();

    @Message("Preferences")
    String preferencesTitle();

    @Message("Time zone")
    String timeZone();

    @Message("Dates and quiet hours are in this zone, e.g. Europe/Berlin.")
    String timeZoneHint();

    @Message("Language of emails")
    String emailLanguage();

    @Message("Quiet hours: no collection emails between")
    String quietHours();

    @Message("From")
    String quietFrom();

    @Message("To")
    String quietTo();

    @Message("Margin calls, liquidation notices and receipts are never held back.")
    String quietHint();

    @Message("Stop collection emails")
    String cease();

    @Message("You will still get the notices the law requires, and what you owe stays owed.")
    String ceaseHint();

    @Message("Save")
    String save();

    @Message("Your preferences are saved.")
    String saved();
}
