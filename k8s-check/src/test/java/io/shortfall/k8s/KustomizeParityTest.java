package io.shortfall.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where kubectl exists, the Java renderer (used where it does not) must render exactly what
 * `kubectl kustomize` renders, but for the hash suffix of generated ConfigMap names.
 */
class KustomizeParityTest {

    static Stream<Path> dirs() throws Exception {
        return Stream.concat(Stream.of(Manifests.k8sDir().resolve("base")), Manifests.overlays().stream());
    }

    @ParameterizedTest
    @MethodSource("dirs")
    void theJavaRendererRendersWhatKubectlRenders(Path dir) throws Exception {
        assumeTrue(Manifests.kubectlAvailable(), "kubectl is not on this machine: nothing to compare with");
        String kubectl = Manifests.kustomize(dir);
        // ConfigMap names carry a hash suffix in kubectl's output only: take it out everywhere.
        for (JsonNode o : Manifests.parse(kubectl)) {
            if ("ConfigMap".equals(o.path("kind").asText())) {
                String hashed = o.at("/metadata/name").asText();
                String plain = hashed.replaceFirst("-[a-z0-9]{10}$", "");
                kubectl = kubectl.replace(hashed, plain);
            }
        }
        assertThat(byId(MiniKustomize.render(dir))).isEqualTo(byId(Manifests.parse(kubectl)));
    }

    static Map<String, JsonNode> byId(List<JsonNode> objects) {
        Map<String, JsonNode> m = new TreeMap<>();
        objects.forEach(o -> m.put(Manifests.id(o) + "@" + o.at("/metadata/namespace").asText(), o));
        return m;
    }
}
