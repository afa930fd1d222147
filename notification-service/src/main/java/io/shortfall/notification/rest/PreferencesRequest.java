package io.shortfall.notification.rest;

import io.shortfall.kit.rest.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/preferences}: the preferences to change, as in {@link PreferencesView}; a field left out (or null)
 * keeps its value.
 */
public record PreferencesRequest(@Size(max = Limits.NAME) String timeZone, @Size(max = Limits.CODE) String locale,
                                 @Valid PreferencesView.QuietHoursView quietHours, Boolean ceaseCollectionContact) {
}
