package io.shortfall.testing;

import io.shortfall.events.EventEnvelope;
import io.shortfall.events.EventJson;
import io.shortfall.events.EventPayload;
import io.shortfall.events.EventTypes;
import io.shortfall.events.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Publishes and reads records on the real broker the service under test uses, as the other services
 * would. Reads are whole-topic scans from the beginning: simple and exact for test volumes.
 */
public final class KafkaProbe {

    private final String bootstrapServers;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The broker of the running Quarkus test application. */
    public static KafkaProbe ofTestApplication() {
        return new KafkaProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** Publishes {@code payload} in a fresh envelope, as {@code source} would; returns the envelope. */
    public EventEnvelope publish(String topic, EventPayload payload, String source) {
        EventEnvelope envelope = EventJson.envelope(payload, source, Instant.now());
        sendRaw(topic, envelope.aggregateId(), EventJson.write(envelope));
        return envelope;
    }

    /** Publishes exactly this envelope again (a redelivery). */
    public void republish(String topic, EventEnvelope envelope) {
        sendRaw(topic, envelope.aggregateId(), EventJson.write(envelope));
    }

    /** Publishes each payload in a fresh envelope, with one producer, and waits until all are acknowledged. */
    public List<EventEnvelope> publishAll(String topic, List<? extends EventPayload> payloads, String source) {
        List<EventEnvelope> envelopes = new ArrayList<>(payloads.size());
        try (var producer = new KafkaProducer<String, String>(producerProperties())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(payloads.size());
            for (EventPayload payload : payloads) {
                EventEnvelope envelope = EventJson.envelope(payload, source, Instant.now());
                envelopes.add(envelope);
                sent.add(producer.send(new ProducerRecord<>(topic, envelope.aggregateId(), EventJson.write(envelope))));
            }
            for (var future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
        return envelopes;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return props;
    }

    public void sendRaw(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(props)) {
            producer.send(new ProducerRecord<>(topic, null, key, value, new RecordHeaders())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
    }

    /** Every record of {@code topic} so far (an absent topic has none). */
    public List<ConsumerRecord<String, String>> records(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return all;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /** The envelopes on {@code topic} of type {@code type}. */
    public List<EventEnvelope> events(String topic, String type) {
        return records(topic).stream().map(r -> parse(r.value())).filter(e -> e != null && e.type().equals(type))
                .toList();
    }

    /** The payloads on {@code topic} of the payload's class that match {@code which}. */
    public <T extends EventPayload> List<T> payloads(String topic, Class<T> type, Predicate<T> which) {
        return events(topic, EventTypes.nameOf(type)).stream().map(e -> EventJson.<T>payload(e)).filter(which)
                .toList();
    }

    private static EventEnvelope parse(String value) {
        try {
            return EventJson.read(value);
        } catch (MalformedEventException e) {
            return null; // a poison record a test put there on purpose
        }
    }

    /** A record header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
