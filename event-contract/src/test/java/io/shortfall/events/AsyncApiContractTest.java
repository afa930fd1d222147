package io.shortfall.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine-readable contract: {@code event-contract/asyncapi.yaml} (AsyncAPI 3.0) is what the records make it,
 * is a valid AsyncAPI 3.0 document, and every event type has a golden sample
 * ({@code src/test/resources/samples/<type>.json}) that its record reads and writes back unchanged and that the
 * document's schema of that message accepts. After a change to the contract, {@code -Dcontract.write=true} writes
 * the document (and a first sample of a new type) for review.
 */
class AsyncApiContractTest {

    private static final Path DOCUMENT = Path.of("asyncapi.yaml");
    private static final Path SAMPLES = Path.of("src/test/resources/samples");
    private static final boolean WRITE = Boolean.getBoolean("contract.write");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private static Map<String, JsonNode> samples() throws IOException {
        Map<String, JsonNode> samples = new LinkedHashMap<>();
        for (String type : AsyncApiDocument.types().keySet()) {
            Path file = SAMPLES.resolve(type + ".json");
            if (!Files.exists(file) && WRITE) {
                Files.createDirectories(SAMPLES);
                Files.writeString(file, SampleEvents.json(AsyncApiDocument.types().get(type)));
            }
            if (Files.exists(file)) {
                samples.put(type, EventJson.mapper().readTree(Files.readString(file)));
            }
        }
        return samples;
    }

    /** AsyncAPI 3.0's own JSON Schema (from @asyncapi/specs), which a valid document passes. */
    private static JsonSchema asyncApiSchema() throws IOException {
        try (InputStream schema = AsyncApiContractTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }

    /** The document's schema of one message's value (envelope and payload), its references resolved in the document. */
    private static JsonSchema messageSchema(ObjectNode doc, String type) {
        ObjectNode schema = EventJson.mapper().createObjectNode();
        schema.set("components", doc.get("components"));
        schema.set("allOf", doc.at("/components/messages/" + type + "/payload/allOf"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    private static String document() throws IOException {
        return YAML.writeValueAsString(AsyncApiDocument.build(samples()));
    }

    @Test
    void everyEventTypeOfTheContractIsInTheDocumentOnItsTopic() {
        assertThat(AsyncApiDocument.types().keySet()).as("the records are the types EventTypes knows")
                .allSatisfy(type -> assertThat(EventTypes.isKnown(type)).as(type).isTrue());
        for (String type : List.of("PriceTick", "LoanOpened", "MarginCall", "LiquidationCompleted", "DebtCaseOpened",
                "EmailSent", "PledgeSold")) {
            assertThat(AsyncApiDocument.types()).containsKey(type);
        }
        assertThat(AsyncApiDocument.TOPICS).extracting(AsyncApiDocument.Topic::name)
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void theCommittedDocumentIsWhatTheRecordsMakeIt() throws IOException {
        String generated = document();
        if (WRITE) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.exists(DOCUMENT)).as(DOCUMENT.toAbsolutePath() + " (write it with -Dcontract.write=true)")
                .isTrue();
        assertThat(Files.readString(DOCUMENT)).as("asyncapi.yaml is stale: run the event-contract tests with "
                + "-Dcontract.write=true and review the difference").isEqualTo(generated);
    }

    @Test
    void theDocumentIsAValidAsyncApi3Document() throws IOException {
        JsonSchema asyncApi = asyncApiSchema();
        Set<ValidationMessage> errors = asyncApi.validate(YAML.readTree(document()));
        assertThat(errors).isEmpty();
    }

    @Test
    void aDocumentThatBreaksAsyncApiIsRefused() throws IOException {
        JsonSchema asyncApi = asyncApiSchema();
        ObjectNode doc = (ObjectNode) YAML.readTree(document());
        ((ObjectNode) doc.at("/operations/sendLoanEvents")).put("action", "publish");   // AsyncAPI 2's verb
        assertThat(asyncApi.validate(doc)).isNotEmpty();
    }

    @Test
    void everyEventTypeHasAGoldenSampleItsRecordReadsAndWritesBackUnchanged() throws IOException {
        Map<String, JsonNode> samples = samples();
        assertThat(samples.keySet()).as("a sample per type in " + SAMPLES + " (write new ones with "
                + "-Dcontract.write=true)").containsExactlyInAnyOrderElementsOf(AsyncApiDocument.types().keySet());
        for (Map.Entry<String, JsonNode> sample : samples.entrySet()) {
            EventEnvelope envelope = EventJson.read(sample.getValue().toString());
            assertThat(envelope.type()).isEqualTo(sample.getKey());
            EventPayload payload = EventJson.payload(envelope);
            assertThat(payload).isInstanceOf(AsyncApiDocument.types().get(sample.getKey()));
            assertThat(payload.aggregateId()).as(sample.getKey() + "'s key").isEqualTo(envelope.aggregateId());
            JsonNode written = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(payload));
            assertThat(written).as(sample.getKey() + " written back")
                    .isEqualTo(sample.getValue().get("payload"));
        }
    }

    @Test
    void everyGoldenSampleIsAcceptedByItsMessageSchemaInTheDocument() throws IOException {
        ObjectNode doc = AsyncApiDocument.build(samples());
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, JsonNode> sample : samples().entrySet()) {
            Set<ValidationMessage> errors = messageSchema(doc, sample.getKey()).validate(sample.getValue());
            errors.forEach(e -> refused.add(sample.getKey() + ": " + e.getMessage()));
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void aSampleThatBreaksItsSchemaIsRefused() throws IOException {
        ObjectNode doc = AsyncApiDocument.build(samples());
        ObjectNode broken = (ObjectNode) EventJson.mapper().readTree(Files.readString(SAMPLES.resolve("LoanOpened.json"),
                StandardCharsets.UTF_8));
        ((ObjectNode) broken.get("payload")).put("principal", 39000.5);
        assertThat(messageSchema(doc, "LoanOpened").validate(broken))
                .as("money as a JSON number").isNotEmpty();
    }
}
