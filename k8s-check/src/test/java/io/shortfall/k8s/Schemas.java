package io.shortfall.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strict schemas of k8s/schemas, in kubeconform's layout: {group}/{kind}_{version}.json ("core" for the
 * core group). Every schema refuses unknown properties. A kind without a schema is an error, not a pass.
 */
final class Schemas {
    private final Path dir;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<Path, JsonSchema> cache = new ConcurrentHashMap<>();

    Schemas(Path dir) {
        this.dir = dir;
    }

    Path fileFor(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "core" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        return dir.resolve(group).resolve(kind.toLowerCase(Locale.ROOT) + "_" + version + ".json");
    }

    /** What is wrong with the object, one line each; empty when it is valid. */
    List<String> problems(JsonNode object) {
        if (!object.path("apiVersion").isTextual() || !object.path("kind").isTextual()) {
            return List.of("an object without apiVersion or kind");
        }
        Path file = fileFor(object);
        if (!Files.exists(file)) {
            return List.of("no schema for " + object.path("apiVersion").asText() + " " + object.path("kind").asText()
                    + " (expected " + dir.relativize(file) + ")");
        }
        JsonSchema schema = cache.computeIfAbsent(file, this::load);
        List<String> problems = new java.util.ArrayList<>();
        schema.validate(object).forEach(m -> problems.add(m.getMessage()));
        // The CRD schemas say only "metadata: object": hold every object's metadata to ObjectMeta.
        if (object.has("metadata")) {
            objectMeta().validate(object.get("metadata")).forEach(m -> problems.add("metadata: " + m.getMessage()));
        }
        return problems.stream().distinct().sorted().toList();
    }

    private JsonSchema objectMeta() {
        return cache.computeIfAbsent(dir.resolve("core/namespace_v1.json#ObjectMeta"), key -> {
            try {
                var root = Manifests.json().readTree(dir.resolve("core/namespace_v1.json").toFile());
                var meta = Manifests.json().createObjectNode();
                meta.put("$ref", "#/definitions/V1ObjectMeta");
                meta.set("definitions", root.get("definitions"));
                return factory.getSchema(meta);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private JsonSchema load(Path file) {
        try {
            return factory.getSchema(Manifests.json().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
