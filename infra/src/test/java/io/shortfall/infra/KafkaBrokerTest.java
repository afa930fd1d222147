package io.shortfall.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaBrokerTest {

    @Test
    void producesAndConsumesOneRecordThenStopsTheBrokerJvm() throws Exception {
        long pid;
        int port;
        try (KafkaBroker kafka = KafkaBroker.start(0, 2)) {
            pid = kafka.pid();
            port = kafka.port();
            assertTrue(ProcessHandle.of(pid).isPresent(), "broker JVM running");
            assertEquals("127.0.0.1:" + port, kafka.bootstrapServers());

            String topic = "test-" + UUID.randomUUID();
            kafka.createTopics(List.of(topic), 3);
            kafka.createTopics(List.of(topic), 3); // idempotent
            try (var admin = kafka.admin()) {
                assertEquals(3, admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(topic).partitions().size());
            }

            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                RecordMetadata md = producer.send(new ProducerRecord<>(topic, "loan-1", "hello")).get(30, TimeUnit.SECONDS);
                assertTrue(md.offset() >= 0);
            }

            List<ConsumerRecord<String, String>> got = new ArrayList<>();
            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-group",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                Instant deadline = Instant.now().plusSeconds(30);
                while (got.isEmpty() && Instant.now().isBefore(deadline)) {
                    consumer.poll(Duration.ofMillis(500)).forEach(got::add);
                }
            }
            assertEquals(1, got.size());
            assertEquals("loan-1", got.get(0).key());
            assertEquals("hello", got.get(0).value());
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker JVM gone after close");
        assertFalse(FreePorts.isListening(port), "port free after close");
    }
}
