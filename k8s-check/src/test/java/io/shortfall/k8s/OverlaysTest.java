package io.shortfall.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shortfall.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders the base and every overlay once, and checks every object against its schema and the suite's rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlaysTest {
    static final List<String> SERVICES = List.of("loan-service", "margin-service", "liquidation-service",
            "debt-collection-service", "notification-service");

    final Schemas schemas = new Schemas(Manifests.k8sDir().resolve("schemas"));
    final Map<String, List<JsonNode>> rendered = new HashMap<>();

    @BeforeAll
    void render() throws Exception {
        rendered.put("base", Manifests.render(Manifests.k8sDir().resolve("base")));
        for (Path overlay : Manifests.overlays()) {
            rendered.put(overlay.getFileName().toString(), Manifests.render(overlay));
        }
    }

    Stream<String> all() {
        return Stream.concat(Stream.of("base"), overlays());
    }

    Stream<String> overlays() {
        try {
            return Manifests.overlays().stream().map(p -> p.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theOverlaysAreDevAndProd() {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("all")
    void everyObjectMatchesItsSchemaStrictly(String name) {
        List<String> problems = new ArrayList<>();
        for (JsonNode o : rendered.get(name)) {
            schemas.problems(o).forEach(p -> problems.add(Manifests.id(o) + ": " + p));
        }
        assertThat(rendered.get(name)).hasSizeGreaterThan(30);
        assertThat(problems).as(name).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsDeployedHardenedAndProbed(String overlay) {
        for (String service : SERVICES) {
            JsonNode d = find(overlay, "Deployment", service);
            JsonNode pod = d.at("/spec/template/spec");
            JsonNode c = pod.at("/containers/0");
            assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/live");
            assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/ready");
            assertThat(c.at("/startupProbe/httpGet/path").asText()).as(service).isEqualTo("/q/health/started");
            for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
                assertThat(c.at(r).isMissingNode()).as(service + r).isFalse();
            }
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(service).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(service).isEqualTo("RuntimeDefault");
            assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).as(service).isFalse();
            assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
            assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(service).isFalse();
            assertThat(c.at("/securityContext/capabilities/drop").toString()).as(service).contains("\"ALL\"");
            assertThat(d.at("/spec/template/metadata/annotations/prometheus.io~1path").asText()).isEqualTo("/q/metrics");
            // Secrets are referenced, never given: no literal value for a credential.
            c.path("env").forEach(e -> {
                if (e.path("name").asText().matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                    assertThat(e.has("value")).as(service + " " + e.path("name")).isFalse();
                }
            });
            find(overlay, "Service", service);
        }
        assertThat(all(overlay, "Secret")).as("no Secret (and no secret value) in the repository").isEmpty();
        assertThat(all(overlay, "NetworkPolicy")).isNotEmpty();
        assertThat(all(overlay, "ServiceMonitor")).isNotEmpty();
        assertThat(all(overlay, "PrometheusRule")).isNotEmpty();
        assertThat(all(overlay, "Ingress")).hasSize(1);
    }

    /** Operators are told of a parked outbox row, a growing backlog and a stalled relay, from the kit's metrics. */
    @ParameterizedTest
    @MethodSource("overlays")
    void theOutboxIsAlertedOn(String overlay) {
        Map<String, String> alerts = new HashMap<>();
        find(overlay, "PrometheusRule", "shortfall").at("/spec/groups").forEach(g -> g.path("rules").forEach(r ->
                alerts.put(r.path("alert").asText(), r.path("expr").asText())));
        assertThat(alerts.get("ShortfallOutboxRowParked")).contains("shortfall_outbox_parked_rows");
        assertThat(alerts.get("ShortfallOutboxBacklogGrowing")).contains("shortfall_outbox_pending");
        assertThat(alerts.get("ShortfallOutboxRelayStalled")).contains("shortfall_outbox_published_total");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void selectorsReachWhatTheyMean(String overlay) {
        JsonNode policy = find(overlay, "NetworkPolicy", "shortfall-api");
        JsonNode monitor = find(overlay, "ServiceMonitor", "shortfall");
        for (String service : SERVICES) {
            JsonNode podLabels = find(overlay, "Deployment", service).at("/spec/template/metadata/labels");
            assertThat(contains(podLabels, policy.at("/spec/podSelector/matchLabels"))).as(service + " under the network policy").isTrue();
            JsonNode svc = find(overlay, "Service", service);
            assertThat(contains(svc.at("/metadata/labels"), monitor.at("/spec/selector/matchLabels"))).as(service + " scraped").isTrue();
            assertThat(contains(podLabels, svc.at("/spec/selector"))).as(service + " Service selects its pods").isTrue();
        }
        // Every path of the Ingress goes to a Service of the suite, on its port "http".
        find(overlay, "Ingress", "shortfall").at("/spec/rules/0/http/paths").forEach(path -> {
            JsonNode backend = path.at("/backend/service");
            assertThat(SERVICES).contains(backend.path("name").asText());
            assertThat(backend.at("/port/name").asText()).isEqualTo("http");
            assertThat(path.path("path").asText()).startsWith("/api/");
        });
    }

    /**
     * Every resource a service serves under {@code /api} (its {@code @Path} prefix, read from its sources) is
     * routed by the Ingress to that service: a new resource cannot be left unreachable in Kubernetes.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyApiPrefixOfEveryServiceIsRoutedToItByTheIngress(String overlay) throws IOException {
        Map<String, String> routed = new HashMap<>();
        find(overlay, "Ingress", "shortfall").at("/spec/rules/0/http/paths").forEach(path ->
                routed.put(path.path("path").asText(), path.at("/backend/service/name").asText()));
        java.util.regex.Pattern resourcePath = java.util.regex.Pattern.compile(
                "^@Path\\(\"(/api/[^/\"]+)", java.util.regex.Pattern.MULTILINE);
        int prefixes = 0;
        for (String service : SERVICES) {
            Path sources = Manifests.k8sDir().resolveSibling(service).resolve("src/main/java");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(f -> f.toString().endsWith("Resource.java")).toList();
            }
            for (Path file : files) {
                var m = resourcePath.matcher(Files.readString(file));
                while (m.find()) {
                    prefixes++;
                    assertThat(routed.get(m.group(1))).as(m.group(1) + " of " + file.getFileName() + " routed to "
                            + service).isEqualTo(service);
                }
            }
        }
        assertThat(prefixes).as("resources found").isGreaterThan(15);
    }

    static boolean contains(JsonNode labels, JsonNode selector) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        var it = selector.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The environment a service's container gets from its ConfigMaps (envFrom, later ones win) and env. */
    Map<String, String> environment(String overlay, String service) {
        Map<String, String> env = new HashMap<>();
        JsonNode c = find(overlay, "Deployment", service).at("/spec/template/spec/containers/0");
        c.path("envFrom").forEach(from -> find(overlay, "ConfigMap", from.at("/configMapRef/name").asText())
                .path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
        c.path("env").forEach(e -> env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText()
                : "secret:" + e.at("/valueFrom/secretKeyRef/name").asText() + "/"
                + e.at("/valueFrom/secretKeyRef/key").asText()));
        return env;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceListensWhereItsProbesServiceAndPolicyPointAndUsesItsOwnDatabase(String overlay) {
        JsonNode policy = find(overlay, "NetworkPolicy", "shortfall-api");
        for (String service : SERVICES) {
            Map<String, String> env = environment(overlay, service);
            int port = Integer.parseInt(env.getOrDefault("QUARKUS_HTTP_PORT",
                    properties(service).getProperty("quarkus.http.port", "8080")));
            JsonNode c = find(overlay, "Deployment", service).at("/spec/template/spec/containers/0");
            JsonNode http = null;
            for (JsonNode p : c.path("ports")) {
                if ("http".equals(p.path("name").asText())) {
                    http = p;
                }
            }
            assertThat(http).as(service + ": a container port named http").isNotNull();
            assertThat(http.path("containerPort").asInt()).as(service + ": the port Quarkus listens on").isEqualTo(port);
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                JsonNode target = c.at("/" + probe + "/httpGet/port");
                assertThat(target.isInt() ? target.asInt() == port : "http".equals(target.asText()))
                        .as(service + " " + probe + " on the http port").isTrue();
            }
            assertThat(find(overlay, "Service", service).at("/spec/ports/0/targetPort").asText()).isIn("http",
                    String.valueOf(port));
            List<Integer> allowed = new ArrayList<>();
            policy.at("/spec/ingress").forEach(rule -> rule.path("ports").forEach(p -> allowed.add(p.path("port").asInt())));
            assertThat(allowed).as(service + ": ingress reaches the http port").contains(port);
            // Its own database, as application.properties names it, with the credentials of its Secret.
            String own = properties(service).getProperty("quarkus.datasource.jdbc.url");
            String database = own.substring(own.lastIndexOf('/') + 1);
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as(service).endsWith("/" + database);
            assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).as(service).endsWith("/" + database);
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as(service).isEqualTo("secret:shortfall-" + database + "-db/username");
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).as(service).isEqualTo("secret:shortfall-" + database + "-db/password");
            assertThat(env).as(service).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aKafkaTopicForEveryTopicAndItsDeadLetterTopic(String overlay) {
        Set<String> declared = new TreeSet<>();
        all(overlay, "KafkaTopic").forEach(t -> declared.add(t.at("/spec/topicName").asText()));
        for (String topic : Topics.ALL) {
            assertThat(declared).contains(topic, Topics.dlq(topic));
        }
        // Every topic a service consumes or dead-letters to is declared.
        for (String service : SERVICES) {
            assertThat(declared).containsAll(messagingTopics(service));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aDatabaseForEveryService(String overlay) {
        Set<String> databases = new TreeSet<>();
        all(overlay, "Database").forEach(d -> databases.add(d.at("/spec/name").asText()));
        all(overlay, "Cluster").forEach(c -> databases.add(c.at("/spec/bootstrap/initdb/database").asText()));
        for (String service : SERVICES) {
            String url = properties(service).getProperty("quarkus.datasource.jdbc.url");
            assertThat(databases).contains(url.substring(url.lastIndexOf('/') + 1));
        }
    }

    @Test
    void devRunsOneOfEverything() {
        for (String service : SERVICES) {
            assertThat(find("dev", "Deployment", service).at("/spec/replicas").asInt()).isEqualTo(1);
        }
        assertThat(find("dev", "KafkaNodePool", "combined").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(find("dev", "Cluster", "shortfall-pg").at("/spec/instances").asInt()).isEqualTo(1);
        all("dev", "KafkaTopic").forEach(t -> assertThat(t.at("/spec/replicas").asInt()).isEqualTo(1));
    }

    @Test
    void prodSpreadsProtectsAndScalesEveryServiceWithinItsPartitions() {
        Map<String, Integer> partitions = new HashMap<>();
        all("prod", "KafkaTopic").forEach(t -> partitions.put(t.at("/spec/topicName").asText(), t.at("/spec/partitions").asInt()));
        for (String service : SERVICES) {
            JsonNode d = find("prod", "Deployment", service);
            assertThat(d.at("/spec/template/spec/affinity/podAntiAffinity").isMissingNode()).as(service).isFalse();
            assertThat(d.at("/spec/template/spec/topologySpreadConstraints/0/topologyKey").asText()).as(service)
                    .isEqualTo("kubernetes.io/hostname");
            assertThat(d.at("/spec/replicas").isMissingNode()).as(service + ": the HPA owns the replicas").isTrue();
            JsonNode pdb = all("prod", "PodDisruptionBudget").stream()
                    .filter(p -> service.equals(p.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + service));
            assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
            JsonNode hpa = all("prod", "HorizontalPodAutoscaler").stream()
                    .filter(h -> service.equals(h.at("/spec/scaleTargetRef/name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler for " + service));
            assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            int most = messagingTopics(service).stream().filter(t -> !t.endsWith(".dlq"))
                    .mapToInt(t -> partitions.getOrDefault(t, 0)).max().orElse(1);
            assertThat(hpa.at("/spec/maxReplicas").asInt()).as(service + ": more replicas than partitions to consume")
                    .isBetween(2, most);
        }
    }

    /**
     * The images carry no credential: a password, secret or key is set only in the %dev and %test profiles of the
     * services' and the kit's configuration; prod reads it from the environment (a Secret, checked above).
     */
    @Test
    void noCredentialInAnyProdConfiguration() {
        List<String> found = new ArrayList<>();
        Map<String, Properties> files = new HashMap<>();
        for (String service : SERVICES) {
            files.put(service, properties(service));
        }
        files.put("service-kit", load(Manifests.k8sDir().resolveSibling("service-kit")
                .resolve("src/main/resources/META-INF/microprofile-config.properties")));
        files.forEach((name, props) -> props.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("%dev.") && !k.startsWith("%test."))
                .filter(k -> k.matches("(?i).*(password|secret|credential|private-key|api-key|token-key).*")
                        || k.matches("(?i).*\\.username"))
                .forEach(k -> found.add(name + ": " + k)));
        assertThat(found).as("credentials outside %dev/%test").isEmpty();
        for (String service : SERVICES) {
            assertThat(properties(service).stringPropertyNames()).as(service).contains("%dev.quarkus.datasource.password");
        }
    }

    @Test
    void everyServiceHasItsImageConfigurationAndNativeDockerfile() throws IOException {
        for (String service : SERVICES) {
            Path dir = Manifests.k8sDir().resolveSibling(service);
            assertThat(dir.resolve("src/main/docker/Dockerfile.native")).as(service).exists();
            String pom = Files.readString(dir.resolve("pom.xml"));
            assertThat(pom).as(service + ": the image profile with Jib")
                    .containsPattern("(?s)<id>image</id>.*quarkus-container-image-jib");
        }
        String root = Files.readString(Manifests.k8sDir().resolveSibling("pom.xml"));
        assertThat(root).contains("<id>native</id>", "<id>native-check</id>",
                "<quarkus.native.sources-only>true</quarkus.native.sources-only>");
    }

    List<JsonNode> all(String overlay, String kind) {
        return rendered.get(overlay).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode find(String overlay, String kind, String name) {
        return all(overlay, kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " has no " + kind + " " + name));
    }

    static Properties properties(String service) {
        return load(Manifests.k8sDir().resolveSibling(service).resolve("src/main/resources/application.properties"));
    }

    static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    /** The topics a service reads (mp.messaging.incoming.*.topic) and dead-letters to. */
    static Set<String> messagingTopics(String service) {
        Set<String> topics = new TreeSet<>();
        properties(service).forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("mp.messaging.incoming.")
                    && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))) {
                topics.add(v.toString());
            }
        });
        return topics;
    }
}
