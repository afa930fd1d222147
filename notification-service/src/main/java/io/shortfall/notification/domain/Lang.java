package io.shortfall.notification.domain;

import java.util.Locale;
import java.util.Optional;

/** The languages emails are written in; any other locale reads English. */
public enum Lang {
    EN,
    DE;

    /** The language of a locale tag ({@code "de"}, {@code "de-AT"}, {@code "de_DE"}), if one is written. */
    public static Optional<Lang> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        for (Lang lang : values()) {
            if (lang.code().equals(language)) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** The language of {@code tag}, English when it is not one we write. */
    public static Lang of(String tag) {
        return supported(tag).orElse(EN);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
