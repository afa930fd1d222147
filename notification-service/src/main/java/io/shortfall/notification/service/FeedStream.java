package io.shortfall.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.shortfall.notification.domain.Lang;
import io.shortfall.notification.mail.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The live feed. The consumer's transaction that creates a notification also runs {@code pg_notify} on
 * {@link #CHANNEL}; PostgreSQL delivers it only when that transaction commits, to every replica listening. Each
 * replica listens here and hands the item to its connected clients ({@code GET /api/notifications/stream}), so a
 * client hears of a notification once it is in the feed, whichever replica consumed the event.
 */
@ApplicationScoped
public class FeedStream {

    public static final String CHANNEL = "shortfall_feed";

    /**
     * What a NOTIFY carries: the title and body in each language, keyed by {@link Lang#code()} (it must stay under
     * PostgreSQL's 8000 bytes: bodies are cut if needed).
     */
    public record Item(UUID id, String recipient, String type, Map<String, String> title, Map<String, String> body,
                       Instant createdAt) {

        public static Item of(UUID id, Notice notice, Instant createdAt) {
            Map<String, String> titles = new LinkedHashMap<>();
            Map<String, String> bodies = new LinkedHashMap<>();
            for (Lang lang : Lang.values()) {
                titles.put(lang.code(), notice.title(lang));
                bodies.put(lang.code(), notice.summary(lang));
            }
            return new Item(id, notice.recipient(), notice.type().name(), titles, bodies, createdAt);
        }

        public String title(Lang lang) {
            return title.getOrDefault(lang.code(), title.get(Lang.EN.code()));
        }

        public String body(Lang lang) {
            return body.getOrDefault(lang.code(), body.get(Lang.EN.code()));
        }
    }

    private final BroadcastProcessor<Item> items = BroadcastProcessor.create();
    private final ObjectMapper json;
    private final Vertx vertx;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public FeedStream(ObjectMapper json, Vertx vertx,
                      @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.json = json;
        this.vertx = vertx;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(this::received);
        subscriber.connect().onFailure(e -> Log.errorf(e, "the live feed cannot listen on %s", CHANNEL));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** The NOTIFY payload of {@code item}. */
    public String payload(Item item) {
        try {
            String text = json.writeValueAsString(item);
            if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 7000) {
                Map<String, String> cut = new LinkedHashMap<>();
                item.body().forEach((lang, body) -> cut.put(lang, body.length() <= 1000 ? body
                        : body.substring(0, 1000) + "…"));
                text = json.writeValueAsString(new Item(item.id(), item.recipient(), item.type(), item.title(), cut,
                        item.createdAt()));
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void received(String payload) {
        try {
            items.onNext(json.readValue(payload, Item.class));
        } catch (JsonProcessingException | RuntimeException e) {
            Log.warnf("unreadable live feed item %s: %s", payload, e.toString());
        }
    }

    /** The items of {@code recipient} from now on. */
    public Multi<Item> of(String recipient) {
        return items.filter(item -> recipient.equals(item.recipient()));
    }
}
