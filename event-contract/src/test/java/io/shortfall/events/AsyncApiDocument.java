package io.shortfall.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The AsyncAPI 3.0 document of the contract, built from the records themselves (so it cannot drift from them):
 * each topic and its dead-letter topic as a channel, who sends and who receives it, every event type as a message
 * with its envelope, its Kafka key and its golden sample ({@code src/test/resources/samples/<type>.json}) as the
 * example. {@code AsyncApiContractTest} checks the committed {@code event-contract/asyncapi.yaml} is this document.
 */
final class AsyncApiDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Who writes each topic, who reads it, and what it is for. */
    record Topic(String name, String id, String producer, List<String> consumers, String description) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic(Topics.MARKET_PRICES, "marketPrices", "price feeds and operators (margin-service's POST /api/prices)",
                    List.of("loan-service", "margin-service"), "The latest price of each asset (key: the asset)."),
            new Topic(Topics.LOAN_EVENTS, "loanEvents", "loan-service",
                    List.of("margin-service", "liquidation-service", "debt-collection-service", "notification-service"),
                    "What happened to a loan (key: the loan id), a borrower's contact, USDT balance and pledges "
                            + "(key: the borrower id)."),
            new Topic(Topics.MARGIN_EVENTS, "marginEvents", "margin-service",
                    List.of("loan-service", "notification-service"),
                    "Margin decisions about a loan (key: the loan id) and an asset's circuit breaker (key: the asset)."),
            new Topic(Topics.LIQUIDATION_EVENTS, "liquidationEvents", "liquidation-service",
                    List.of("loan-service", "debt-collection-service", "notification-service"),
                    "The results of sales (key: the loan id) and of pledge sales (key: the case id)."),
            new Topic(Topics.DEBT_EVENTS, "debtEvents", "debt-collection-service",
                    List.of("loan-service", "notification-service"), "What happened to a debt case (key: the case id)."),
            new Topic(Topics.NOTIFICATION_EVENTS, "notificationEvents", "notification-service",
                    List.of("debt-collection-service"),
                    "Emails sent and preferences changed (key: the borrower id)."));

    /** The contract class an event type is declared in, and the topic its events travel on. */
    private static final Map<Class<?>, String> TOPIC_OF_CONTRACT = Map.of(
            PriceTick.class, Topics.MARKET_PRICES,
            LoanEvents.class, Topics.LOAN_EVENTS,
            MarginEvents.class, Topics.MARGIN_EVENTS,
            LiquidationEvents.class, Topics.LIQUIDATION_EVENTS,
            DebtEvents.class, Topics.DEBT_EVENTS,
            NotificationEvents.class, Topics.NOTIFICATION_EVENTS);

    /** The topic an event type travels on: the contract class it is declared in. */
    static String topicOf(Class<?> type) {
        Class<?> declaring = type.getEnclosingClass() == null ? type : type.getEnclosingClass();
        String topic = TOPIC_OF_CONTRACT.get(declaring);
        if (topic == null) {
            throw new IllegalStateException(type + " is on no topic");
        }
        return topic;
    }

    /** Every event type of the contract, by wire name, in name order. */
    static Map<String, Class<? extends EventPayload>> types() {
        Map<String, Class<? extends EventPayload>> all = new TreeMap<>();
        for (Class<?> holder : List.of(PriceTick.class, LoanEvents.class, MarginEvents.class, LiquidationEvents.class,
                DebtEvents.class, NotificationEvents.class)) {
            List<Class<?>> candidates = holder == PriceTick.class ? List.of(holder) : List.of(holder.getClasses());
            for (Class<?> c : candidates) {
                if (EventPayload.class.isAssignableFrom(c) && c.isRecord()) {
                    all.put(EventTypes.nameOf(c.asSubclass(EventPayload.class)), c.asSubclass(EventPayload.class));
                }
            }
        }
        return all;
    }

    /** The document, with {@code samples} (the golden envelope of each type) as the messages' examples. */
    static ObjectNode build(Map<String, JsonNode> samples) {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Shortfall events");
        info.put("version", "1.0.0");
        info.put("description", "The Kafka contract between Shortfall's five services: every record's value is an "
                + "envelope (`EventEnvelope`) around one event type's payload; its key is the aggregate id the "
                + "envelope names; its headers `eventId` and `type` repeat the envelope's. Amounts, prices and ratios "
                + "are JSON strings, never numbers. A consumer ignores fields it does not know; removing or renaming "
                + "a field is a new type. A record a consumer can never apply is copied, unchanged, to `<topic>.dlq` "
                + "with the reason in the `dead-letter-reason` header. Generated from the records of "
                + "event-contract (io.shortfall.events) by its tests.");
        info.putObject("license").put("name", "Apache-2.0")
                .put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        doc.put("defaultContentType", "application/json");
        ObjectNode servers = doc.putObject("servers");
        servers.putObject("local").put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "The local suite's broker (./shortfall up); in Kubernetes, the Strimzi cluster's "
                        + "bootstrap service (k8s/).");

        Map<String, Class<? extends EventPayload>> types = types();
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        for (Topic topic : TOPICS) {
            List<String> names = types.entrySet().stream().filter(e -> topicOf(e.getValue()).equals(topic.name()))
                    .map(Map.Entry::getKey).toList();
            ObjectNode channel = channels.putObject(topic.id());
            channel.put("address", topic.name());
            channel.put("description", topic.description() + " Written by " + topic.producer() + "; read by "
                    + String.join(", ", topic.consumers()) + ".");
            ObjectNode dlq = channels.putObject(topic.id() + "Dlq");
            dlq.put("address", Topics.dlq(topic.name()));
            dlq.put("description", "Records of " + topic.name() + " that a consumer could never apply (not an "
                    + "envelope, an unknown type, numbers that break an invariant), copied unchanged with the reason in "
                    + "the `dead-letter-reason` header, for operators. Written by the consumers of " + topic.name()
                    + ".");
            ObjectNode messages = channel.putObject("messages");
            ObjectNode dlqMessages = dlq.putObject("messages");
            for (String name : names) {
                messages.putObject(name).put("$ref", "#/components/messages/" + name);
                dlqMessages.putObject(name).put("$ref", "#/components/messages/" + name);
            }
            ObjectNode send = operations.putObject("send" + capitalized(topic.id()));
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + topic.id());
            send.put("summary", topic.producer() + " publishes " + topic.name() + " through its outbox, in the "
                    + "transaction of the change.");
            ObjectNode receive = operations.putObject("receive" + capitalized(topic.id()));
            receive.put("action", "receive");
            receive.putObject("channel").put("$ref", "#/channels/" + topic.id());
            receive.put("summary", String.join(", ", topic.consumers()) + " consume " + topic.name()
                    + " (one consumer group each), once per event id.");
            ObjectNode dead = operations.putObject("send" + capitalized(topic.id()) + "Dlq");
            dead.put("action", "send");
            dead.putObject("channel").put("$ref", "#/channels/" + topic.id() + "Dlq");
            dead.put("summary", "A consumer of " + topic.name() + " parks a record it can never apply.");
        }

        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Decimal", JSON.objectNode().put("type", "string").put("format", "decimal")
                .put("pattern", "^-?[0-9]+(\\.[0-9]+)?$").put("maxLength", 40)
                .put("description", "An exact decimal as a JSON string, never a JSON number: no exponent, at most "
                        + "38 digits. USDT amounts have 2 decimals, asset quantities and prices 8."));
        schemas.set("EventEnvelope", envelopeSchema());
        ObjectNode messageComponents = components.putObject("messages");
        ObjectNode messageHeaders = JSON.objectNode().put("type", "object");
        ObjectNode headerProperties = messageHeaders.putObject("properties");
        headerProperties.putObject("eventId").put("type", "string").put("format", "uuid")
                .put("description", "The envelope's eventId.");
        headerProperties.putObject("type").put("type", "string").put("description", "The envelope's type.");
        headerProperties.putObject("dead-letter-reason").put("type", "string")
                .put("description", "On a dead-letter topic only: why the record was parked.");
        schemas.set("Headers", messageHeaders);

        Map<String, Class<?>> nested = new TreeMap<>();
        for (Map.Entry<String, Class<? extends EventPayload>> entry : types.entrySet()) {
            String name = entry.getKey();
            Class<? extends EventPayload> type = entry.getValue();
            schemas.set(name, recordSchema(type, nested));
            ObjectNode message = messageComponents.putObject(name);
            message.put("name", name);
            message.put("title", name + " on " + topicOf(type));
            message.putObject("headers").put("$ref", "#/components/schemas/Headers");
            ObjectNode payload = message.putObject("payload");
            ArrayNode allOf = payload.putArray("allOf");
            allOf.addObject().put("$ref", "#/components/schemas/EventEnvelope");
            ObjectNode specific = allOf.addObject();
            ObjectNode properties = specific.putObject("properties");
            properties.putObject("type").put("const", name);
            properties.putObject("payload").put("$ref", "#/components/schemas/" + name);
            JsonNode sample = samples.get(name);
            if (sample != null) {
                String key = keyField(type, sample.get("payload"), sample.get("aggregateId").asText());
                message.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0")
                        .putObject("key").put("type", "string")
                        .put("description", "The aggregate id: " + key + ".");
                ObjectNode example = message.putArray("examples").addObject();
                example.put("name", "sample");
                example.putObject("headers").put("eventId", sample.get("eventId").asText()).put("type", name);
                example.set("payload", sample);
            }
        }
        while (!nested.isEmpty()) {
            Map.Entry<String, Class<?>> next = nested.entrySet().iterator().next();
            nested.remove(next.getKey());
            if (!schemas.has(next.getKey())) {
                schemas.set(next.getKey(), recordSchema(next.getValue(), nested));
            }
        }
        sortFields(schemas);
        return doc;
    }

    private static ObjectNode envelopeSchema() {
        ObjectNode envelope = JSON.objectNode().put("type", "object");
        envelope.put("description", "Every record's value. `version` is the payload schema's version, 1 for every "
                + "type of this contract.");
        ArrayNode required = envelope.putArray("required");
        for (String field : List.of("eventId", "type", "version", "aggregateId", "occurredAt", "source", "payload")) {
            required.add(field);
        }
        ObjectNode p = envelope.putObject("properties");
        p.putObject("eventId").put("type", "string").put("format", "uuid")
                .put("description", "Unique per event; consumers apply each once (their inbox).");
        p.putObject("type").put("type", "string").put("description", "The payload's type: the record's name.");
        p.putObject("version").put("type", "integer").put("format", "int32");
        p.putObject("aggregateId").put("type", "string").put("description", "The record's key.");
        p.putObject("occurredAt").put("type", "string").put("format", "date-time");
        p.putObject("source").put("type", "string").put("description", "The service that wrote it.");
        p.putObject("payload").put("type", "object");
        return envelope;
    }

    /**
     * A record's schema: a field of a primitive type is always there; any other may be null (the contract's mapper
     * writes nulls: an email about a case names no loan), written as JSON Schema's {@code "null"} type.
     */
    private static ObjectNode recordSchema(Class<?> type, Map<String, Class<?>> nested) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ArrayNode required = JSON.arrayNode();
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            ObjectNode property = schemaOf(component.getGenericType(), nested);
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
                properties.set(component.getName(), property);
            } else {
                properties.set(component.getName(), orNull(property));
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode orNull(ObjectNode property) {
        if (property.has("$ref")) {
            ObjectNode either = JSON.objectNode();
            ArrayNode oneOf = either.putArray("oneOf");
            oneOf.add(property);
            oneOf.addObject().put("type", "null");
            return either;
        }
        ArrayNode types = JSON.arrayNode().add(property.get("type").asText()).add("null");
        property.set("type", types);
        return property;
    }

    private static ObjectNode schemaOf(Type type, Map<String, Class<?>> nested) {
        if (type instanceof ParameterizedType parameterized) {
            if (parameterized.getRawType() == List.class) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", schemaOf(parameterized.getActualTypeArguments()[0], nested));
                return array;
            }
            throw new IllegalStateException("no schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (c == UUID.class) {
            return JSON.objectNode().put("type", "string").put("format", "uuid");
        }
        if (c == BigDecimal.class) {
            return JSON.objectNode().put("$ref", "#/components/schemas/Decimal");
        }
        if (c == Instant.class) {
            return JSON.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c == LocalDate.class) {
            return JSON.objectNode().put("type", "string").put("format", "date");
        }
        if (c == int.class || c == Integer.class) {
            return JSON.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return JSON.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == boolean.class || c == Boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (c.isRecord()) {
            Class<?> known = nested.putIfAbsent(c.getSimpleName(), c);
            if (known != null && known != c) {
                throw new IllegalStateException("two records named " + c.getSimpleName());
            }
            return JSON.objectNode().put("$ref", "#/components/schemas/" + c.getSimpleName());
        }
        throw new IllegalStateException("no schema for " + type);
    }

    /** Which payload field the key is: the one whose value is the envelope's aggregate id. */
    private static String keyField(Class<?> type, JsonNode payload, String aggregateId) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = payload.get(component.getName());
            if (value != null && value.isTextual() && value.asText().equals(aggregateId)) {
                return "the payload's `" + component.getName() + "`";
            }
        }
        throw new IllegalStateException(type.getSimpleName() + ": no payload field is its key " + aggregateId);
    }

    private static void sortFields(ObjectNode schemas) {
        Map<String, JsonNode> sorted = new LinkedHashMap<>();
        schemas.fieldNames().forEachRemaining(name -> sorted.put(name, schemas.get(name)));
        schemas.removeAll();
        sorted.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> schemas.set(e.getKey(), e.getValue()));
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    private AsyncApiDocument() {
    }
}
