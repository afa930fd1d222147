package io.shortfall.web.notifications;

import io.shortfall.web.backend.ServiceUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * When a borrower's feed has something new, from notification-service's live stream
 * ({@code GET /api/notifications/stream}, server-sent events, opened with the borrower's token for as long as their
 * feed page is open). That stream says {@code ready} once it listens, then {@code notification} for each new item,
 * whichever replica consumed the event that made it, and sends a comment now and then to keep idle connections open.
 * Each event becomes a signal of its name here ({@link #KEEP_ALIVE} for a comment), and the page reads its list
 * again; the {@code ready} signal covers an item made between the page's first read and the stream's start.
 *
 * <p>HTTP/1.1, one connection per open page: an HTTP/2 connection would cap the streams it carries.
 */
@ApplicationScoped
public class FeedSignals {

    /** The signal of the stream's keep-alive comments. */
    public static final String KEEP_ALIVE = ":";

    private static final Logger LOG = Logger.getLogger(FeedSignals.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final URI stream;

    FeedSignals(ServiceUrls urls) {
        String base = urls.notification();
        this.stream = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/api/notifications/stream");
    }

    /**
     * A signal for each event of the stream opened with {@code headers}; ends when the service ends the stream or
     * refuses it (logged; the browser then reconnects), and closes the stream when the page goes.
     */
    public Multi<String> of(Map<String, String> headers) {
        return Multi.createFrom().emitter(emitter -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
            headers.forEach(request::header);
            EventNames names = new EventNames(emitter);
            CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request.build(), info -> {
                if (info.statusCode() == 200) {
                    return HttpResponse.BodySubscribers.fromLineSubscriber(names);
                }
                LOG.warnf("the notification stream answered %d: the feed page is not live until it reconnects",
                        info.statusCode());
                return HttpResponse.BodySubscribers.discarding();
            });
            emitter.onTermination(() -> {
                names.cancel();
                answer.cancel(true);
            });
            answer.whenComplete((response, failure) -> {
                if (failure != null) {
                    emitter.fail(failure);
                } else {
                    emitter.complete();
                }
            });
        });
    }

    /** Reads the stream's lines: the name of each event ({@code event: <name>}), and each comment. */
    private static final class EventNames implements Flow.Subscriber<String> {

        private final MultiEmitter<? super String> emitter;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        EventNames(MultiEmitter<? super String> emitter) {
            this.emitter = emitter;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                emitter.emit(line.substring("event:".length()).trim());
            } else if (line.startsWith(":")) {
                emitter.emit(KEEP_ALIVE);
            }
        }

        @Override
        public void onError(Throwable failure) {
            // the response's future fails with it
        }

        @Override
        public void onComplete() {
            // the response's future completes
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
