package io.shortfall.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.shortfall.kit.rest.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Idempotency keys on money-moving requests (docs/API.md): the first answer is stored in the transaction of
 * the change; a repeat with the same key and request gets that answer again (header
 * {@code Idempotent-Replayed: true}); the same key with another request is a 409.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotentRequests(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs {@code action} in a transaction at most once per ({@code caller}, {@code key}).
     *
     * @param request what identifies the request besides the key: typically the method, the path and the
     *                body; a different request under the same key is refused
     */
    public Uni<Response> once(String caller, String key, Object request, Supplier<Uni<Response>> action) {
        if (key == null || key.isBlank()) {
            return Uni.createFrom().failure(Problems.invalid(HEADER, "header",
                    "required on this request: a unique value per intended operation, such as a UUID"));
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(Problems.invalid(HEADER, "header", "at most " + MAX_KEY_LENGTH + " characters"));
        }
        String hash = hash(request);
        var id = new IdempotencyRecord.Key(caller, key);
        return Panache.withTransaction(() -> IdempotencyRecord.<IdempotencyRecord>findById(id)
                        .chain(previous -> previous == null
                                ? action.get().call(response -> remember(id, hash, response))
                                : replay(previous, hash)))
                .onFailure(IdempotentRequests::isKeyRace)
                .transform(race -> Problems.conflict("idempotency-in-progress",
                        "a request with this Idempotency-Key is being processed; repeat it to get its answer"));
    }

    private Uni<Void> remember(IdempotencyRecord.Key id, String hash, Response response) {
        var record = new IdempotencyRecord();
        record.id = id;
        record.requestHash = hash;
        record.responseStatus = response.getStatus();
        record.responseLocation = response.getLocation() == null ? null : response.getLocation().toString();
        record.responseBody = response.hasEntity() ? json(response.getEntity()) : null;
        record.createdAt = clock.instant();
        return record.persist().replaceWithVoid();
    }

    private static Uni<Response> replay(IdempotencyRecord previous, String hash) {
        if (!previous.requestHash.equals(hash)) {
            return Uni.createFrom().failure(Problems.conflict("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request"));
        }
        var replayed = Response.status(previous.responseStatus).header(REPLAYED, "true");
        if (previous.responseLocation != null) {
            replayed.location(java.net.URI.create(previous.responseLocation));
        }
        if (previous.responseBody != null) {
            replayed.entity(previous.responseBody).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return Uni.createFrom().item(replayed.build());
    }

    private static boolean isKeyRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().startsWith("idempotency_key")) {
                return true;
            }
        }
        return false;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the response of an idempotent request", e);
        }
    }

    /**
     * The request's fingerprint: its JSON with map entries and properties in a fixed order, so that the same request
     * hashes alike in every JVM (a {@code Map.of} iterates in an order that changes from one JVM to the next).
     */
    private String hash(Object request) {
        String canonical;
        try {
            canonical = mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint an idempotent request", e);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
