package io.shortfall.e2e.bench;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the suite's topics from given offsets, as an operator's consumer would, and keeps, for the benchmark's
 * loans, how many distinct events (by event id) of each type came per loan, when each type last reached a new loan
 * (the record's timestamp: when the service's outbox relay sent it), and the amounts of the shortfalls and cases.
 * Emails are read the same way, from notification-service's {@code EmailSent} (each names the loan it was about).
 */
public final class TopicWatch implements AutoCloseable {

    private final Set<UUID> loans;
    private final Map<String, Map<UUID, Integer>> seen = new ConcurrentHashMap<>();
    /** The type of the emails of one kind ({@code EmailSent} with that {@code notificationType}), as counted here. */
    public static final String EMAIL_SENT = "EmailSent:";
    private final Map<String, Long> lastNew = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAny = new ConcurrentHashMap<>();
    private final Map<UUID, BigDecimal> shortfalls = new ConcurrentHashMap<>();
    private final Map<UUID, BigDecimal> caseAmounts = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> eventIdsByType = new ConcurrentHashMap<>();
    private final AtomicLong redelivered = new AtomicLong();
    private final Map<TopicPartition, Long> readTo = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> from;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public TopicWatch(String bootstrap, Map<TopicPartition, Long> from, Set<UUID> loans) {
        this.loans = loans;
        this.from = Map.copyOf(from);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        thread = new Thread(() -> {
            try (var consumer = new KafkaConsumer<String, String>(props)) {
                consumer.assign(from.keySet());
                from.forEach(consumer::seek);
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        take(r);
                        readTo.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                    }
                }
            } catch (Throwable t) {
                failure = t;
            }
        }, "topic-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void take(ConsumerRecord<String, String> r) {
        EventEnvelope e;
        try {
            e = EventJson.read(r.value());
        } catch (MalformedEventException ignored) {
            return;
        }
        UUID loan = loanOf(e);
        if (loan == null || !loans.contains(loan)) {
            return;
        }
        if (!eventIds.add(e.eventId().toString())) {
            redelivered.incrementAndGet();                        // the same event again: consumers drop it by id
            return;
        }
        eventIdsByType.computeIfAbsent(e.type(), t -> ConcurrentHashMap.newKeySet()).add(e.eventId().toString());
        Map<UUID, Integer> ofType = seen.computeIfAbsent(e.type(), t -> new ConcurrentHashMap<>());
        if (ofType.merge(loan, 1, Integer::sum) == 1) {
            lastNew.merge(e.type(), r.timestamp(), Math::max);
        }
        lastAny.merge(e.type(), r.timestamp(), Math::max);
        if ("EmailSent".equals(e.type())) {
            // by the kind of email too: how many loans' negative-balance email went out, and when the last did
            String kind = EMAIL_SENT + e.payload().path("notificationType").asText();
            if (seen.computeIfAbsent(kind, t -> new ConcurrentHashMap<>()).merge(loan, 1, Integer::sum) == 1) {
                lastNew.merge(kind, r.timestamp(), Math::max);
            }
        }
        switch (e.type()) {
            case "NegativeBalanceRecorded" -> shortfalls.put(loan, new BigDecimal(e.payload().get("amount").asText()));
            case "DebtCaseOpened" -> caseAmounts.put(loan, new BigDecimal(e.payload().get("amount").asText()));
            default -> {
            }
        }
    }

    private static UUID loanOf(EventEnvelope e) {
        var loanId = e.payload().get("loanId");
        try {
            return loanId == null || loanId.isNull() ? null : UUID.fromString(loanId.asText());
        } catch (IllegalArgumentException notALoan) {
            return null;
        }
    }

    public void check() {
        if (failure != null) {
            throw new IllegalStateException("reading the topics failed: " + failure, failure);
        }
    }

    /** How many of the loans an event of {@code type} came for. */
    public int loans(String type) {
        Map<UUID, Integer> ofType = seen.get(type);
        return ofType == null ? 0 : ofType.size();
    }

    /**
     * How many records repeated an event already read (the same event id): an outbox relay that published and was
     * stopped before recording it publishes it again; consumers keep the first (at-least-once, idempotent).
     */
    public long redelivered() {
        return redelivered.get();
    }

    /** The loans two different events of {@code type} (two event ids) came for: a decision taken twice. */
    public List<UUID> repeated(String type) {
        Map<UUID, Integer> ofType = seen.getOrDefault(type, Map.of());
        List<UUID> twice = new ArrayList<>();
        ofType.forEach((loan, count) -> {
            if (count > 1) {
                twice.add(loan);
            }
        });
        return twice;
    }

    /** When (epoch millis) the last loan got its first event of {@code type}; 0 if none did. */
    public long lastNew(String type) {
        return lastNew.getOrDefault(type, 0L);
    }

    /** When (epoch millis) the last event of {@code type} was sent; 0 if none was. */
    public long last(String type) {
        return lastAny.getOrDefault(type, 0L);
    }

    /** How many distinct events of {@code type} came for the loans. */
    public int count(String type) {
        return eventIdsByType.getOrDefault(type, Set.of()).size();
    }

    /** Whether every record before {@code ends} (as {@link #endOffsets} gave them) has been read. */
    public boolean readUpTo(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                || readTo.getOrDefault(e.getKey(), from(e.getKey())) >= e.getValue());
    }

    private long from(TopicPartition partition) {
        return from.getOrDefault(partition, 0L);
    }

    /** The ids of every event seen for the loans. */
    Set<String> eventIds() {
        return eventIds;
    }

    /** The ids of the events of {@code type} seen for the loans. */
    public Set<String> eventIds(String type) {
        return Set.copyOf(eventIdsByType.getOrDefault(type, Set.of()));
    }

    /** The end offsets of every partition of {@code topics}: where a watch of what comes next starts. */
    public static Map<TopicPartition, Long> endOffsets(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    public Map<UUID, BigDecimal> shortfalls() {
        return shortfalls;
    }

    public Map<UUID, BigDecimal> caseAmounts() {
        return caseAmounts;
    }

    Collection<UUID> loansOf(String type) {
        return seen.getOrDefault(type, Map.of()).keySet();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
