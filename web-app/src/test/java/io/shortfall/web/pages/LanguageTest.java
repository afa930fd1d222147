package io.shortfall.web.pages;

import io.vertx.core.http.Cookie;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @Test
    void theSwitchWinsOverTheBrowser() {
        assertThat(Language.chosen(Cookie.cookie(Language.COOKIE, "de"), "en-US,en;q=0.9")).isEqualTo(Locale.GERMAN);
        assertThat(Language.chosen(Cookie.cookie(Language.COOKIE, "en"), "de-DE,de;q=0.9")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void withoutTheSwitchTheBrowsersFirstWrittenLanguage() {
        assertThat(Language.chosen(null, "de-DE,de;q=0.9,en;q=0.8")).isEqualTo(Locale.GERMAN);
        assertThat(Language.chosen(null, "de-AT")).isEqualTo(Locale.GERMAN);
        assertThat(Language.chosen(null, "fr-FR,fr;q=0.9,de;q=0.5")).isEqualTo(Locale.GERMAN);
        assertThat(Language.chosen(null, "fr-FR,en;q=0.5,de;q=0.4")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void englishOtherwise() {
        assertThat(Language.chosen(null, null)).isEqualTo(Locale.ENGLISH);
        assertThat(Language.chosen(null, "fr-FR")).isEqualTo(Locale.ENGLISH);
        assertThat(Language.chosen(Cookie.cookie(Language.COOKIE, "fr"), "fr")).isEqualTo(Locale.ENGLISH);
        assertThat(Language.chosen(null, ";;q=x")).isEqualTo(Locale.ENGLISH);
    }

    @Property
    void anyHeaderGivesALanguageThePagesAreWrittenIn(@ForAll String acceptLanguage, @ForAll String cookie) {
        assertThat(Language.WRITTEN).contains(Language.chosen(Cookie.cookie(Language.COOKIE, cookie), acceptLanguage));
    }

    @Test
    void aGermanPageReadsTheDecimalCommaAndTheGroupingPoint() {
        assertThat(Language.plainNumber("0,25", Locale.GERMAN)).isEqualTo("0.25");
        assertThat(Language.plainNumber("1.234,56", Locale.GERMAN)).isEqualTo("1234.56");
        assertThat(Language.plainNumber("0.25", Locale.GERMAN)).isEqualTo("0.25");
        assertThat(Language.plainNumber("20.000", Locale.GERMAN)).isEqualTo("20000");
        assertThat(Language.plainNumber("1.234.567", Locale.GERMAN)).isEqualTo("1234567");
        assertThat(Language.plainNumber("5950.00", Locale.GERMAN)).isEqualTo("5950.00");
        assertThat(Language.plainNumber("20.000", Locale.ENGLISH)).isEqualTo("20.000");
        assertThat(Language.plainNumber("0,25", Locale.ENGLISH)).isEqualTo("0,25");       // refused as typed
        assertThat(Language.plainNumber(null, Locale.GERMAN)).isNull();
    }

    @Test
    void theSwitchLeadsBackToThePageOnlyWhenItIsOneOfOurs() {
        assertThat(LanguageSwitch.back("http://localhost:8080/debts/7?done=paid", "localhost:8080"))
                .isEqualTo(URI.create("/debts/7?done=paid"));
        assertThat(LanguageSwitch.back("https://attacker.example/phish", "localhost:8080")).isEqualTo(URI.create("/"));
        assertThat(LanguageSwitch.back("http://localhost:8080//attacker.example", "localhost:8080"))
                .isEqualTo(URI.create("/"));
        assertThat(LanguageSwitch.back(null, "localhost:8080")).isEqualTo(URI.create("/"));
        assertThat(LanguageSwitch.back("::not a uri::", "localhost:8080")).isEqualTo(URI.create("/"));
    }
}
