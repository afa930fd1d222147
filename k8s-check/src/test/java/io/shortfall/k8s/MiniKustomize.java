package io.shortfall.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of Kustomize that k8s/ uses, in Java, so that the check still renders the overlays on a machine
 * without kubectl: resources (files and directories), namespace, namePrefix (with the references to the objects it
 * renames: a pod's service account, ConfigMaps and Secrets), labels (includeTemplates; includeSelectors on
 * Services and Deployments), patches (a file or an inline patch, JSON 6902 or strategic merge, with a target of
 * kind and name regular expressions), configMapGenerator (literals, behavior merge; names get no hash
 * suffix) and images. Anything else in a kustomization.yaml is refused, so k8s/ cannot silently outgrow it;
 * KustomizeParityTest compares it with `kubectl kustomize` wherever kubectl exists.
 */
final class MiniKustomize {
    static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "namePrefix", "labels",
            "patches", "configMapGenerator", "images");
    /** The kinds that labels with includeSelectors may meet, and where their selectors are. */
    static final Set<String> SELECTED_KINDS = Set.of("ServiceAccount", "Service", "Deployment", "ConfigMap");
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass");
    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    static List<JsonNode> render(Path dir) throws IOException {
        JsonNode k = Manifests.parse(Files.readString(dir.resolve("kustomization.yaml"))).get(0);
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) {
                throw new IllegalStateException(dir + "/kustomization.yaml: '" + f + "' is not supported by the"
                        + " Java renderer of k8s-check (install kubectl, or extend MiniKustomize)");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            List<JsonNode> docs = Files.isDirectory(p) ? render(p) : Manifests.parse(Files.readString(p));
            docs.forEach(d -> objects.add((ObjectNode) d));
        }
        for (JsonNode g : k.path("configMapGenerator")) {
            generate(objects, g);
        }
        for (JsonNode patch : k.path("patches")) {
            patch(dir, objects, patch);
        }
        if (k.has("namespace")) {
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    meta(o).put("namespace", k.get("namespace").asText());
                }
            }
        }
        if (k.has("namePrefix")) {
            prefix(objects, k.get("namePrefix").asText());
        }
        for (JsonNode l : k.path("labels")) {
            boolean selectors = l.path("includeSelectors").asBoolean(false);
            for (ObjectNode o : objects) {
                String kind = o.path("kind").asText();
                if (selectors && !SELECTED_KINDS.contains(kind)) {
                    throw new IllegalStateException(dir + ": labels with includeSelectors on a " + kind
                            + " are not supported");
                }
                Iterator<Map.Entry<String, JsonNode>> pairs = l.path("pairs").fields();
                while (pairs.hasNext()) {
                    var e = pairs.next();
                    labels(meta(o)).set(e.getKey(), e.getValue());
                    boolean workload = WORKLOADS.contains(kind);
                    if ((selectors || l.path("includeTemplates").asBoolean(false)) && workload) {
                        ObjectNode templateMeta = (ObjectNode) o.with("spec").with("template").with("metadata");
                        labels(templateMeta).set(e.getKey(), e.getValue());
                    }
                    if (selectors && workload) {
                        o.with("spec").with("selector").with("matchLabels").set(e.getKey(), e.getValue());
                    }
                    if (selectors && kind.equals("Service")) {
                        o.with("spec").with("selector").set(e.getKey(), e.getValue());
                    }
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            objects.forEach(o -> images(o, image));
        }
        return new ArrayList<>(objects);
    }

    /**
     * Prefixes every object's name, and the references a workload's pods make to the objects renamed here: their
     * service account, and the ConfigMaps and Secrets of envFrom, env and volumes (others keep their names).
     */
    private static void prefix(List<ObjectNode> objects, String prefix) {
        Map<String, Set<String>> renamed = new HashMap<>();
        for (ObjectNode o : objects) {
            renamed.computeIfAbsent(o.path("kind").asText(), x -> new HashSet<>()).add(o.at("/metadata/name").asText());
            meta(o).put("name", prefix + o.at("/metadata/name").asText());
        }
        Set<String> configMaps = renamed.getOrDefault("ConfigMap", Set.of());
        Set<String> secrets = renamed.getOrDefault("Secret", Set.of());
        for (ObjectNode o : objects) {
            if (!WORKLOADS.contains(o.path("kind").asText()) || !(o.at("/spec/template/spec") instanceof ObjectNode pod)) {
                continue;
            }
            rename(pod, "serviceAccountName", renamed.getOrDefault("ServiceAccount", Set.of()), prefix);
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : pod.path(list)) {
                    for (JsonNode from : c.path("envFrom")) {
                        rename(from.path("configMapRef"), "name", configMaps, prefix);
                        rename(from.path("secretRef"), "name", secrets, prefix);
                    }
                    for (JsonNode env : c.path("env")) {
                        rename(env.at("/valueFrom/configMapKeyRef"), "name", configMaps, prefix);
                        rename(env.at("/valueFrom/secretKeyRef"), "name", secrets, prefix);
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                rename(volume.path("configMap"), "name", configMaps, prefix);
                rename(volume.path("secret"), "secretName", secrets, prefix);
            }
        }
    }

    private static void rename(JsonNode holder, String field, Set<String> renamed, String prefix) {
        if (holder instanceof ObjectNode o && renamed.contains(o.path(field).asText())) {
            o.put(field, prefix + o.get(field).asText());
        }
    }

    private static void generate(List<ObjectNode> objects, JsonNode g) {
        String name = g.path("name").asText();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (JsonNode literal : g.path("literals")) {
            String s = literal.asText();
            int eq = s.indexOf('=');
            data.put(s.substring(0, eq), s.substring(eq + 1));
        }
        if ("merge".equals(g.path("behavior").asText())) {
            ObjectNode existing = objects.stream()
                    .filter(o -> "ConfigMap".equals(o.path("kind").asText()) && name.equals(o.at("/metadata/name").asText()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no ConfigMap " + name + " to merge into"));
            existing.with("data").setAll(data);
            return;
        }
        ObjectNode cm = JsonNodeFactory.instance.objectNode();
        cm.put("apiVersion", "v1").put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", name);
        cm.set("data", data);
        objects.add(cm);
    }

    private static void patch(Path dir, List<ObjectNode> objects, JsonNode p) throws IOException {
        String text = p.has("path") ? Files.readString(dir.resolve(p.get("path").asText())) : p.path("patch").asText();
        List<JsonNode> docs = Manifests.parse(text);
        boolean json6902 = docs.size() == 1 && docs.get(0).isArray();
        if (json6902) {
            for (ObjectNode o : objects) {
                if (matches(o, p.path("target"))) {
                    for (JsonNode op : docs.get(0)) {
                        apply(o, op);
                    }
                }
            }
            return;
        }
        for (JsonNode smp : docs) {
            JsonNode target = p.has("target") ? p.get("target") : JsonNodeFactory.instance.objectNode()
                    .put("kind", smp.path("kind").asText()).put("name", smp.at("/metadata/name").asText());
            boolean found = false;
            for (ObjectNode o : objects) {
                if (matches(o, target)) {
                    merge(o, smp);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException(dir + ": a patch matches nothing: " + target);
            }
        }
    }

    private static boolean matches(JsonNode o, JsonNode target) {
        return (!target.has("kind") || o.path("kind").asText().matches(target.get("kind").asText()))
                && (!target.has("name") || o.at("/metadata/name").asText().matches(target.get("name").asText()));
    }

    /** One JSON Patch (RFC 6902) operation: add, replace or remove. */
    private static void apply(ObjectNode o, JsonNode op) {
        String path = op.path("path").asText();
        int slash = path.lastIndexOf('/');
        JsonNode parent = o.at(path.substring(0, slash));
        String key = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        String kind = op.path("op").asText();
        if (parent.isMissingNode()) {
            throw new IllegalStateException(Manifests.id(o) + ": no " + path.substring(0, slash));
        }
        if (parent instanceof ArrayNode a) {
            int i = "-".equals(key) ? a.size() : Integer.parseInt(key);
            switch (kind) {
                case "add" -> a.insert(i, op.get("value").deepCopy());
                case "replace" -> a.set(i, op.get("value").deepCopy());
                case "remove" -> a.remove(i);
                default -> throw new IllegalStateException("unsupported op " + kind);
            }
            return;
        }
        ObjectNode m = (ObjectNode) parent;
        switch (kind) {
            case "add" -> m.set(key, op.get("value").deepCopy());
            case "replace", "remove" -> {
                if (!m.has(key)) {
                    throw new IllegalStateException(Manifests.id(o) + ": cannot " + kind + " missing " + path);
                }
                if (kind.equals("replace")) {
                    m.set(key, op.get("value").deepCopy());
                } else {
                    m.remove(key);
                }
            }
            default -> throw new IllegalStateException("unsupported op " + kind);
        }
    }

    /** A strategic merge: maps merge, lists of named maps merge by name, other lists are replaced. */
    private static void merge(ObjectNode into, JsonNode patch) {
        patch.fields().forEachRemaining(e -> {
            JsonNode current = into.get(e.getKey());
            JsonNode value = e.getValue();
            if (current instanceof ObjectNode c && value.isObject()) {
                merge(c, value);
            } else if (current instanceof ArrayNode c && value.isArray() && named(c) && named(value)) {
                for (JsonNode item : value) {
                    JsonNode same = null;
                    for (JsonNode x : c) {
                        if (x.path("name").equals(item.path("name"))) {
                            same = x;
                        }
                    }
                    if (same instanceof ObjectNode s) {
                        merge(s, item);
                    } else {
                        c.add(item.deepCopy());
                    }
                }
            } else {
                into.set(e.getKey(), value.deepCopy());
            }
        });
    }

    private static boolean named(JsonNode list) {
        for (JsonNode x : list) {
            if (!x.path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void images(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : node.path(list)) {
                    if (c instanceof ObjectNode container && container.path("image").isTextual()) {
                        String ref = container.get("image").asText();
                        String name = ref.replaceFirst("[:@].*$", "");
                        if (name.equals(image.path("name").asText())) {
                            String newName = image.path("newName").asText(name);
                            String tag = image.has("newTag") ? ":" + image.get("newTag").asText()
                                    : ref.substring(name.length());
                            container.put("image", newName + tag);
                        }
                    }
                }
            }
            node.elements().forEachRemaining(child -> images(child, image));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> images(child, image));
        }
    }

    private static ObjectNode meta(ObjectNode o) {
        return o.with("metadata");
    }

    private static ObjectNode labels(ObjectNode meta) {
        return meta.with("labels");
    }

    private MiniKustomize() {
    }
}
