package io.shortfall.web.backend;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the calls one page needs at once, on threads of their own. Not on Quarkus' worker pool, which runs the page
 * itself: a page waiting there for calls queued behind other waiting pages would wait for ever once the pool is full.
 * Each call is bounded by the clients' read timeout, so a page waits at most that long.
 */
@ApplicationScoped
public class BackendCalls {

    private final ExecutorService threads;

    BackendCalls(@ConfigProperty(name = "shortfall.web.backend-call-threads", defaultValue = "16") int size) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "backend-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.threads = Executors.newFixedThreadPool(size, named);
    }

    /** The call, started now; {@link Call#answer} waits for what it answers. */
    public <T> CompletableFuture<T> start(Call.ClientCall<T> call) {
        return CompletableFuture.supplyAsync(() -> Call.of(call), threads);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
