package io.shortfall.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private final Instant now = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void writesTheEnvelopeOfTheContractWithAmountsAsStrings() {
        UUID loanId = UUID.fromString("6a3f0a4e-8f00-4d7c-9c4f-0c2f8a0b1c2d");
        var opened = new LoanEvents.LoanOpened(loanId, "alice", "BTC", new BigDecimal("0.50000000"),
                new BigDecimal("10000.00"), "USDT", new BigDecimal("0.12"),
                new Thresholds(new BigDecimal("0.65"), new BigDecimal("0.75"), new BigDecimal("0.80"),
                        new BigDecimal("0.8333")), false, now, 1);

        String json = EventJson.write(EventJson.envelope(opened, "loan-service", now));

        assertThat(json).contains("\"type\":\"LoanOpened\"", "\"version\":1", "\"source\":\"loan-service\"",
                "\"aggregateId\":\"" + loanId + "\"", "\"occurredAt\":\"2026-11-22T10:15:30.123Z\"",
                "\"collateralAmount\":\"0.50000000\"", "\"principal\":\"10000.00\"", "\"liquidation\":\"0.8333\"");
        assertThat(json).doesNotContain("traceparent");
    }

    @Test
    void readsBackTheSameRecord() {
        var completed = new LiquidationEvents.LiquidationCompleted(UUID.randomUUID(), UUID.randomUUID(), "bob", "ETH",
                "FULL", new BigDecimal("2.00000000"), new BigDecimal("1500.00000000"), new BigDecimal("2940.00"),
                new BigDecimal("0.00"), new BigDecimal("2940.00"), new BigDecimal("0.00"), new BigDecimal("3100.00"),
                new BigDecimal("2940.00"), new BigDecimal("0.00"), new BigDecimal("160.00"),
                List.of(new LiquidationEvents.Fill(now, new BigDecimal("2.00000000"), new BigDecimal("1470.00000000"),
                        new BigDecimal("1500.00000000"), "liq-1-1")));

        EventEnvelope read = EventJson.read(EventJson.write(EventJson.envelope(completed, "liquidation-service", now)));

        assertThat((Object) EventJson.payload(read)).isEqualTo(completed);
        assertThat(read.aggregateId()).isEqualTo(completed.loanId().toString());
    }

    @Test
    void refusesAmountsSentAsJsonNumbers() {
        String json = """
                {"eventId":"%s","type":"PriceTick","version":1,"aggregateId":"BTC","occurredAt":"2026-11-22T10:15:30Z",
                 "source":"feed","payload":{"asset":"BTC","price":65000.1,"source":"feed","observedAt":"2026-11-22T10:15:30Z"}}
                """.formatted(UUID.randomUUID());

        EventEnvelope envelope = EventJson.read(json);

        assertThatThrownBy(() -> EventJson.payload(envelope))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("JSON string");
    }

    @Test
    void acceptsOnlyPlainDecimalsThatFitTheDatabase() {
        assertThat(MoneyJson.isPlainDecimal("1234.56")).isTrue();
        assertThat(MoneyJson.isPlainDecimal("-0.00000001")).isTrue();
        assertThat(MoneyJson.isPlainDecimal("1".repeat(38))).isTrue();
        assertThat(MoneyJson.isPlainDecimal("1".repeat(39))).isFalse();
        assertThat(MoneyJson.isPlainDecimal("1e31")).isFalse();
        assertThat(MoneyJson.isPlainDecimal("1E+1000000000")).isFalse();
        assertThat(MoneyJson.isPlainDecimal(" 1")).isFalse();
        assertThat(MoneyJson.isPlainDecimal("1.")).isFalse();
        assertThat(MoneyJson.isPlainDecimal("")).isFalse();
    }

    @Test
    void readsWhatAPersonTypedAsTheContractReadsAmounts() {
        assertThat(MoneyJson.plainDecimal(" 1234.50 ")).contains(new BigDecimal("1234.50"));
        assertThat(MoneyJson.plainDecimal("1e3")).isEmpty();
        assertThat(MoneyJson.plainDecimal("1,000")).isEmpty();
        assertThat(MoneyJson.plainDecimal(null)).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnEnvelopeOfAKnownType() {
        assertThatThrownBy(() -> EventJson.read("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"LoanOpened\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("lacks");
        assertThatThrownBy(() -> EventJson.read("""
                {"eventId":"%s","type":"LoanExploded","version":1,"payload":{}}""".formatted(UUID.randomUUID())))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unknown event type LoanExploded");
    }

    @Test
    void everyTypeIsKnownByItsWireName() {
        assertThat(EventTypes.byName("NegativeBalanceRecorded")).contains(LiquidationEvents.NegativeBalanceRecorded.class);
        assertThat(EventTypes.byName("DebtCaseOpened")).contains(DebtEvents.DebtCaseOpened.class);
        assertThat(EventTypes.isKnown("Nope")).isFalse();
    }
}
