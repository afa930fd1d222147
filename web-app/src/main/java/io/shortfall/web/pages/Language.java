package io.shortfall.web.pages;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language a page is written in ({@code inject:language}): the one chosen with the switch in the page's header
 * (the {@value #COOKIE} cookie), else the first of the browser's languages ({@code Accept-Language}) that the pages
 * are written in, else English. The pages are in English and German, like the emails.
 */
@Named("language")
@RequestScoped
public class Language {

    /** The cookie the switch sets: {@code en} or {@code de}. */
    public static final String COOKIE = "shortfall-lang";

    /** The languages the pages are written in, the default first. */
    public static final List<Locale> WRITTEN = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Inject
    HttpServerRequest request;

    /** 20.000 or 1.234.567: points before groups of three digits, which German writes for thousands. */
    private static final Pattern GROUPED = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{3})+");

    private Locale locale;

    /** The page's language. */
    public Locale locale() {
        if (locale == null) {
            locale = chosen(request.getCookie(COOKIE), request.getHeader("Accept-Language"));
        }
        return locale;
    }

    /** Its tag for {@code <html lang>}: {@code en} or {@code de}. */
    public String tag() {
        return locale().getLanguage();
    }

    /** German, when the page is in English (and the other way round): what the switch offers. */
    public Locale other() {
        return WRITTEN.stream().filter(l -> !l.equals(locale())).findFirst().orElseThrow();
    }

    /**
     * A number as typed on a page in this language, written as the services read it (a point before the decimals, no
     * grouping): on a German page {@code 1.234,56} and {@code 0,25} read 1234.56 and 0.25, and {@code 20.000} (points
     * before groups of three digits, no comma) reads 20000 as Germans write it, while other text with a point
     * ({@code 0.25}) keeps it as the decimal point; the page writes the amounts it suggests the German way
     * ({@link #typedAs}). On an English page the text is left as typed. Null stays null.
     */
    public String plainNumber(String typed) {
        return plainNumber(typed, locale());
    }

    /**
     * A plain number as one would type it on the page, for the examples under a field:
     * 0.25 in English, 0,25 in German.
     */
    public String typedAs(String plain) {
        return locale().equals(Locale.GERMAN) ? plain.replace('.', ',') : plain;
    }

    static String plainNumber(String typed, Locale locale) {
        if (typed == null || !locale.equals(Locale.GERMAN)) {
            return typed;
        }
        if (typed.indexOf(',') >= 0 || GROUPED.matcher(typed.strip()).matches()) {
            return typed.replace(".", "").replace(',', '.');
        }
        return typed;
    }

    /** The language of the page being made: the request's, or English outside a request. */
    public static Locale current() {
        return Arc.container().requestContext().isActive() ? Arc.container().instance(Language.class).get().locale()
                : WRITTEN.get(0);
    }

    /** A message bundle in the page's language, for what the Java code words itself. */
    public <T> T messages(Class<T> bundle) {
        return of(bundle, locale());
    }

    /** A message bundle in {@code locale}. */
    public static <T> T of(Class<T> bundle, Locale locale) {
        return locale.equals(WRITTEN.get(0)) ? MessageBundles.get(bundle)
                : MessageBundles.get(bundle, Localized.Literal.of(locale.getLanguage()));
    }

    /** The cookie's language if it is one the pages are written in, else the best match of {@code Accept-Language}. */
    static Locale chosen(Cookie cookie, String acceptLanguage) {
        if (cookie != null) {
            for (Locale written : WRITTEN) {
                if (written.getLanguage().equals(cookie.getValue())) {
                    return written;
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), WRITTEN);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a header no browser sends: the default
            }
        }
        return WRITTEN.get(0);
    }
}
