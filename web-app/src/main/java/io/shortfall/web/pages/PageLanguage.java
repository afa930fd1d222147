package io.shortfall.web.pages;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Writes every page and fragment made while a request is handled in that request's {@link Language}: its message
 * bundles ({@code {msg:...}}) and its numbers ({@link Formats}), through the template attribute {@code locale}. A
 * template rendered outside a request (a live update pushed to a page that is open) is given its language by the
 * code that renders it.
 */
@Singleton
public class PageLanguage {

    void initializeEveryTemplate(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(PageLanguage::inTheRequestsLanguage);
    }

    static void inTheRequestsLanguage(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(Language.current());
        }
    }
}
