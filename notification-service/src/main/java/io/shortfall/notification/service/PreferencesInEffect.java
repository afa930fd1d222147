package io.shortfall.notification.service;

import io.shortfall.notification.Recipient;
import io.shortfall.notification.ChosenPreferences;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.domain.QuietHours;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * A borrower's preferences in effect: what they chose, else their contact's time zone and locale, else UTC,
 * English, quiet hours 21:00–08:00 and no cease request.
 */
public record PreferencesInEffect(ZoneId zone, Lang lang, QuietHours quietHours, boolean ceaseCollectionContact) {

    /** The zone of a borrower whose zone is unknown: UTC, by the IANA name debt-collection-service uses too. */
    static final ZoneId UTC = ZoneId.of("UTC");

    public static PreferencesInEffect of(ChosenPreferences chosen, Recipient recipient) {
        if (chosen != null) {
            // A zone or locale the borrower did not choose (null) follows their contact's, as it changes.
            ZoneId zone = chosen.timeZone != null ? zone(chosen.timeZone)
                    : recipient == null ? UTC : zone(recipient.timeZone);
            Lang lang = chosen.locale != null ? Lang.of(chosen.locale)
                    : recipient == null ? Lang.EN : Lang.of(recipient.locale);
            return new PreferencesInEffect(zone, lang, new QuietHours(chosen.quietStart, chosen.quietEnd),
                    chosen.ceaseCollectionContact);
        }
        return new PreferencesInEffect(recipient == null ? UTC : zone(recipient.timeZone),
                recipient == null ? Lang.EN : Lang.of(recipient.locale), QuietHours.DEFAULT, false);
    }

    /** A zone as stored or sent by loan-service; an unknown one reads UTC rather than losing the email. */
    static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return UTC;
        }
    }
}
