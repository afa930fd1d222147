package io.shortfall.kit.outbox;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of a send park the row (never to pass) and which leave it to the next round. */
class RelayFailuresTest {

    @Test
    void aRecordTheBrokerCanNeverTakeIsParked() {
        assertThat(OutboxRelay.isRetriable(new RecordTooLargeException("1,200,000 bytes"))).isFalse();
        assertThat(OutboxRelay.isRetriable(new InvalidTopicException("no such name"))).isFalse();
        assertThat(OutboxRelay.isRetriable(new SerializationException("bad value"))).isFalse();
        assertThat(OutboxRelay.isRetriable(new OutboxRelay.UnreadableHeaders("{not json", null))).isFalse();
        assertThat(OutboxRelay.isRetriable(new ExecutionException(new RecordTooLargeException("wrapped")))).isFalse();
    }

    @Test
    void aFailureOfTheBrokerTheNetworkOrTheProducerLeavesTheRowToTheNextRound() {
        assertThat(OutboxRelay.isRetriable(new TimeoutException("expired after 120000 ms"))).isTrue();
        assertThat(OutboxRelay.isRetriable(new NotLeaderOrFollowerException("moved"))).isTrue();
        // The producer closing as the service stops: the row must go out after the restart, not be set aside.
        assertThat(OutboxRelay.isRetriable(new KafkaException("Producer is closed forcefully."))).isTrue();
        assertThat(OutboxRelay.isRetriable(new TopicAuthorizationException(Set.of("loan.events")))).isTrue();
        assertThat(OutboxRelay.isRetriable(new IllegalStateException("not accepted in 3 minutes"))).isTrue();
    }
}
