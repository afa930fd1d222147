package io.shortfall.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a first golden sample of an event type from its record, with plausible values chosen by field name. Used
 * once per new type ({@code -Dcontract.write=true}); the committed samples are then the reference the records are
 * checked against, and may be edited by hand to read better.
 */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("asset", "BTC"), Map.entry("collateralAsset", "BTC"), Map.entry("currency", "USDT"),
            Map.entry("borrowerId", "alice"), Map.entry("debtorId", "alice"), Map.entry("from", "GREEN"),
            Map.entry("to", "ORANGE"), Map.entry("policy", "FULL"), Map.entry("recourse", "RECOURSE"),
            Map.entry("by", "agent"), Map.entry("approvedBy", "sue"), Map.entry("email", "alice@example.com"),
            Map.entry("name", "Alice Example"), Map.entry("locale", "en"), Map.entry("timeZone", "Europe/Berlin"),
            Map.entry("stage", "EXTERNAL_COLLECTION"), Map.entry("hold", "DISPUTED"),
            Map.entry("notificationType", "MARGIN_CALL"), Map.entry("subject", "Margin call on your BTC loan"),
            Map.entry("aboutEventType", "MarginCall"), Map.entry("frequency", "MONTHLY"),
            Map.entry("source", "BORROWER"), Map.entry("reason", "plan broken: 2 installments missed"));

    static EventPayload sample(Class<? extends EventPayload> type) {
        return (EventPayload) instance(type);
    }

    static String json(Class<? extends EventPayload> type) {
        EventPayload payload = sample(type);
        EventEnvelope envelope = new EventEnvelope(UUID.nameUUIDFromBytes(("event " + type.getSimpleName())
                .getBytes(StandardCharsets.UTF_8)), payload.type(), 1, payload.aggregateId(), AT,
                source(type), EventJson.mapper().valueToTree(payload));
        try {
            return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(envelope) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String source(Class<?> type) {
        return switch (AsyncApiDocument.topicOf(type)) {
            case Topics.MARKET_PRICES -> "margin-service";
            case Topics.LOAN_EVENTS -> "loan-service";
            case Topics.MARGIN_EVENTS -> "margin-service";
            case Topics.LIQUIDATION_EVENTS -> "liquidation-service";
            case Topics.DEBT_EVENTS -> "debt-collection-service";
            default -> "notification-service";
        };
    }

    private static Object instance(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] classes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getName(), components[i].getGenericType());
            classes[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(classes).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type, e);
        }
    }

    private static Object value(String name, Type type) {
        if (type instanceof ParameterizedType list) {
            return List.of(value(name, list.getActualTypeArguments()[0]));
        }
        Class<?> c = (Class<?>) type;
        String lower = name.toLowerCase();
        if (c == String.class) {
            if (lower.endsWith("id") || lower.equals("aggregateid")) {
                return name.equals("clientOrderId") ? "c1b2d3e4-0000-4000-8000-000000000001-1" : "alice";
            }
            return TEXT.getOrDefault(name, name);
        }
        if (c == UUID.class) {
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        if (c == BigDecimal.class) {
            String threshold = Map.of("initial", "0.6500", "warning", "0.7500", "marginCall", "0.8000",
                    "liquidation", "0.8333").get(name);
            if (threshold != null) {
                return new BigDecimal(threshold);
            }
            if (lower.contains("interest")) {
                return new BigDecimal("12.34");
            }
            if (lower.contains("ltv") || lower.contains("rate") || lower.contains("ratio")) {
                return new BigDecimal("0.8500");
            }
            if (lower.contains("price")) {
                return new BigDecimal("48000.00000000");
            }
            if (lower.contains("quantity") || lower.contains("collateral") || lower.contains("needed")
                    || lower.contains("reserve")) {
                return new BigDecimal("0.50000000");
            }
            return new BigDecimal("1250.00");
        }
        if (c == Instant.class) {
            return AT;
        }
        if (c == LocalDate.class) {
            return LocalDate.parse("2026-12-31");
        }
        if (c == int.class || c == Integer.class) {
            return 3;
        }
        if (c == long.class || c == Long.class) {
            return 7L;
        }
        if (c == boolean.class || c == Boolean.class) {
            return Boolean.TRUE;
        }
        if (c.isRecord()) {
            return instance(c);
        }
        throw new IllegalStateException("no sample value for " + name + " of " + type);
    }

    private SampleEvents() {
    }
}
