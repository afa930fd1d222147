package io.shortfall.web.debt;

import io.shortfall.client.debt.model.MessageView;
import io.shortfall.web.backend.Call;
import io.shortfall.web.backend.ServiceRefused;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The messages between a debtor and the agents on one case, oldest first, and the message being written: what was
 * typed and what was wrong with it when it was refused (the service's words, or {@code unwritten}: nothing was
 * typed, which the template words in the page's language). The debtor's page and the agent's case file show the same.
 */
public record Conversation(List<MessageView> messages, String draft, String error, boolean unwritten) {

    public static Conversation of(List<MessageView> messages) {
        return new Conversation(messages, "", null, false);
    }

    /** Whether the message field shows an error. */
    public boolean invalid() {
        return unwritten || (error != null && !error.isEmpty());
    }

    /**
     * Sends {@code text} (an empty one is not sent); when it is refused, the conversation to show again: the text as
     * typed, and why (the service's words, next to the field).
     */
    public static Optional<Function<List<MessageView>, Conversation>> send(String text, Call.ClientCall<?> sending) {
        if (text == null || text.isBlank()) {
            return Optional.of(messages -> new Conversation(messages, "", null, true));
        }
        try {
            Call.of(sending);
            return Optional.empty();
        } catch (ServiceRefused e) {
            if (!e.aboutTheForm()) {
                throw e;
            }
            String error = e.fields().getOrDefault("text", e.message());
            return Optional.of(messages -> new Conversation(messages, text, error, false));
        }
    }
}
