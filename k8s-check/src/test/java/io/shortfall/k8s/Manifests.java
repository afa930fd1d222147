package io.shortfall.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders a Kustomize directory with `kubectl kustomize` and reads the objects it prints. */
final class Manifests {
    static final YAMLMapper YAML = new YAMLMapper();

    /** k8s/ of the checkout (set by the build; the working directory's ../k8s otherwise). */
    static Path k8sDir() {
        return Path.of(System.getProperty("shortfall.k8s.dir", "../k8s")).toAbsolutePath().normalize();
    }

    /** The overlays: every directory under k8s/overlays with a kustomization.yaml. */
    static List<Path> overlays() throws IOException {
        try (var dirs = Files.list(k8sDir().resolve("overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml"))).sorted().toList();
        }
    }

    /**
     * The objects of a Kustomize directory, rendered by `kubectl kustomize` (what an operator applies), or by
     * MiniKustomize where kubectl cannot be run (or SHORTFALL_K8S_RENDERER=java).
     */
    static List<JsonNode> render(Path kustomizeDir) throws IOException, InterruptedException {
        if (!"java".equals(System.getenv("SHORTFALL_K8S_RENDERER")) && kubectlAvailable()) {
            return parse(kustomize(kustomizeDir));
        }
        return MiniKustomize.render(kustomizeDir);
    }

    private static Boolean kubectl;

    static synchronized boolean kubectlAvailable() {
        if (kubectl == null) {
            try {
                Process p = new ProcessBuilder(kubectlCommand(), "version", "--client").redirectErrorStream(true).start();
                p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                kubectl = p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
            } catch (IOException e) {
                kubectl = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kubectl = false;
            }
            if (!kubectl) {
                System.err.println("k8s-check: '" + kubectlCommand() + "' cannot be run: rendering k8s/ with the"
                        + " Java renderer (MiniKustomize) instead of kubectl kustomize");
            }
        }
        return kubectl;
    }

    static String kubectlCommand() {
        return System.getenv().getOrDefault("KUBECTL", "kubectl");
    }

    static String kustomize(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(kubectlCommand(), "kustomize", dir.toString()).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 2 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + p.exitValue() + "):\n"
                    + err.join());
        }
        return out.join();
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Every non-empty document of a multi-document YAML stream. */
    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static String id(JsonNode o) {
        return o.path("kind").asText("?") + "/" + o.path("metadata").path("name").asText("?");
    }

    static ObjectMapper json() {
        return new ObjectMapper();
    }

    private Manifests() {
    }
}
