package io.shortfall.web.notifications;

import io.shortfall.web.backend.ServiceUrls;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * When a borrower's feed has something new, from notification-service's live stream
 * ({@code GET /api/notifications/stream}, server-sent events, opened with the borrower's token for as long as their
 * feed page is open). That stream says {@code ready} once it listens, then {@code notification} for each new item,
 * whichever replica consumed the event that made it; each becomes one signal here, and the page reads its list
 * again. The {@code ready} signal covers an item made between the page's first read and the stream's start.
 */
@ApplicationScoped
public class FeedSignals {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final URI stream;

    FeedSignals(ServiceUrls urls) {
        this.stream = URI.create(urls.notification()).resolve("/api/notifications/stream");
    }

    /**
     * A signal (the event's name) for each event of the stream opened with {@code headers}; ends when the service
     * ends the stream or refuses it (the browser then reconnects), and closes the stream when the page goes.
     */
    public Multi<String> of(Map<String, String> headers) {
        return Multi.createFrom().emitter(emitter -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
            headers.forEach(request::header);
            EventNames names = new EventNames(emitter);
            emitter.onTermination(names::cancel);
            http.sendAsync(request.build(), answer -> answer.statusCode() == 200
                            ? HttpResponse.BodySubscribers.fromLineSubscriber(names)
                            : HttpResponse.BodySubscribers.discarding())
                    .whenComplete((answer, failure) -> {
                        if (failure != null) {
                            emitter.fail(failure);
                        } else {
                            emitter.complete();
                        }
                    });
        });
    }

    /** Reads the stream's lines and emits the name of each event ({@code event: <name>}). */
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
