package io.shortfall.web.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a page in a language other than the services' own (English) says of a refusal, by the problem's type: the
 * services word a problem's {@code detail} in English, and a German page shows the German sentence for its type
 * ({@code problems/problems_de.properties}) rather than an English one. A type without one is shown as the service
 * worded it.
 */
public final class ProblemWording {

    private static final Map<String, Properties> BY_LANGUAGE = Map.of("de", load("problems/problems_de.properties"));

    /** The sentence for problems of {@code type} (a slug such as {@code ltv-too-high}) in {@code locale}, if any. */
    public static Optional<String> of(String type, Locale locale) {
        Properties words = BY_LANGUAGE.get(locale.getLanguage());
        return words == null || type == null ? Optional.empty() : Optional.ofNullable(words.getProperty(type));
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ProblemWording.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private ProblemWording() {
    }
}
