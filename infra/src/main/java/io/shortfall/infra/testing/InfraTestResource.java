package io.shortfall.infra.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shortfall.infra.KafkaBroker;
import io.shortfall.infra.Postgres;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Real PostgreSQL (one database) and a real Kafka broker for a service's {@code @QuarkusTest}s:
 * <pre>
 * &#64;QuarkusTestResource(value = InfraTestResource.class, initArgs = &#64;ResourceArg(name = "database", value = "loan"))
 * </pre>
 * Init arg {@code database} (default {@code app}). Both servers start in parallel on free ports.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Postgres postgres;
    private static volatile KafkaBroker kafka;
    private static volatile String database;

    private String db = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        String d = initArgs.get("database");
        if (d != null && !d.isBlank()) {
            db = d;
        }
    }

    @Override
    public Map<String, String> start() {
        CompletableFuture<Postgres> pg = CompletableFuture.supplyAsync(() -> Postgres.start(0, List.of(db)));
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> KafkaBroker.start(0, 1));
        try {
            postgres = pg.join();
            kafka = broker.join();
        } catch (CompletionException e) {
            pg.thenAccept(Postgres::close);
            broker.thenAccept(KafkaBroker::close);
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        database = db;
        return Map.of(
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(db),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(db),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        KafkaBroker k = kafka;
        Postgres p = postgres;
        kafka = null;
        postgres = null;
        try {
            if (k != null) {
                k.close();
            }
        } finally {
            if (p != null) {
                p.close();
            }
        }
    }

    /** The running broker's bootstrap servers (while the resource runs). */
    public static String bootstrapServers() {
        KafkaBroker k = kafka;
        if (k == null) {
            throw new IllegalStateException("InfraTestResource is not running");
        }
        return k.bootstrapServers();
    }

    /** The JDBC URL of the test database (while the resource runs); user and password are {@code shortfall}. */
    public static String jdbcUrl() {
        Postgres p = postgres;
        if (p == null) {
            throw new IllegalStateException("InfraTestResource is not running");
        }
        return p.jdbcUrl(database);
    }
}
