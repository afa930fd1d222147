package io.shortfall.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shortfall.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** The backend for frontend: no database, no metrics, its own host; it calls the services and reads Kafka. */
    static final String WEB_APP = "web-app";

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
            JsonNode d = deployedHardenedAndProbed(overlay, service);
            assertThat(d.at("/spec/template/metadata/annotations/prometheus.io~1path").asText()).isEqualTo("/q/metrics");
        }
        assertThat(all(overlay, "Secret")).as("no Secret (and no secret value) in the repository").isEmpty();
        assertThat(all(overlay, "NetworkPolicy")).isNotEmpty();
        assertThat(all(overlay, "ServiceMonitor")).isNotEmpty();
        assertThat(all(overlay, "PrometheusRule")).isNotEmpty();
        // The APIs' host and the web app's host, one Ingress each.
        assertThat(all(overlay, "Ingress")).extracting(i -> i.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("shortfall", WEB_APP);
    }

    /** Probes, resources, the hardened security contexts, no literal credential, a Service: the Deployment. */
    JsonNode deployedHardenedAndProbed(String overlay, String app) {
        JsonNode d = find(overlay, "Deployment", app);
        JsonNode pod = d.at("/spec/template/spec");
        JsonNode c = pod.at("/containers/0");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).as(app).isEqualTo("/q/health/live");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).as(app).isEqualTo("/q/health/ready");
        assertThat(c.at("/startupProbe/httpGet/path").asText()).as(app).isEqualTo("/q/health/started");
        for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
            assertThat(c.at(r).isMissingNode()).as(app + r).isFalse();
        }
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(app).isTrue();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(app).isEqualTo("RuntimeDefault");
        assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).as(app).isFalse();
        assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(app).isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).as(app).isFalse();
        assertThat(c.at("/securityContext/capabilities/drop").toString()).as(app).contains("\"ALL\"");
        // Secrets are referenced, never given: no literal value for a credential.
        c.path("env").forEach(e -> {
            if (e.path("name").asText().matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                assertThat(e.has("value")).as(app + " " + e.path("name")).isFalse();
            }
        });
        find(overlay, "Service", app);
        return d;
    }

    /**
     * The web app is deployed like the services (hardened, probed, its image named and tagged alike), as the web
     * tier: it serves no metrics, so nothing is set to scrape it, and the API tier's label, policy and
     * ServiceMonitor do not reach it.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theWebAppIsDeployedHardenedAndProbedAndNotScraped(String overlay) {
        JsonNode d = deployedHardenedAndProbed(overlay, WEB_APP);
        JsonNode c = d.at("/spec/template/spec/containers/0");
        assertThat(c.at("/resources/limits/cpu").isMissingNode()).as("a CPU limit").isFalse();
        List<String> annotations = new ArrayList<>();
        d.at("/spec/template/metadata/annotations").fieldNames().forEachRemaining(annotations::add);
        assertThat(annotations).as("no /q/metrics to scrape").noneMatch(a -> a.startsWith("prometheus.io/"));
        for (String kind : List.of("Deployment", "Service", "ServiceAccount")) {
            assertThat(find(overlay, kind, WEB_APP).at("/metadata/labels/app.kubernetes.io~1component").asText())
                    .as(kind).isEqualTo("web");
        }
        JsonNode podLabels = d.at("/spec/template/metadata/labels");
        assertThat(podLabels.path("app.kubernetes.io/component").asText()).isEqualTo("web");
        assertThat(contains(podLabels, find(overlay, "Service", WEB_APP).at("/spec/selector")))
                .as("its Service selects its pods").isTrue();
        assertThat(contains(find(overlay, "Service", WEB_APP).at("/metadata/labels"),
                find(overlay, "ServiceMonitor", "shortfall").at("/spec/selector/matchLabels"))).as("not scraped").isFalse();
        assertThat(c.path("image").asText()).as("named and tagged as the services' images are")
                .isEqualTo(find(overlay, "Deployment", SERVICES.get(0)).at("/spec/template/spec/containers/0/image")
                        .asText().replace(SERVICES.get(0), WEB_APP));
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
        JsonNode webPods = find(overlay, "Deployment", WEB_APP).at("/spec/template/metadata/labels");
        assertThat(contains(webPods, find(overlay, "NetworkPolicy", "shortfall-web").at("/spec/podSelector/matchLabels")))
                .as("the web app under its network policy").isTrue();
        assertThat(contains(webPods, policy.at("/spec/podSelector/matchLabels")))
                .as("the web app not under the services' policy (PostgreSQL)").isFalse();
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

    /**
     * The port the application listens on (QUARKUS_HTTP_PORT, else its application.properties), where its container
     * port "http", its probes, its Service and its network policy's ingress point.
     */
    int listensWhereItsProbesServiceAndPolicyPoint(String overlay, String app, JsonNode policy) {
        Map<String, String> env = environment(overlay, app);
        int port = Integer.parseInt(env.getOrDefault("QUARKUS_HTTP_PORT",
                properties(app).getProperty("quarkus.http.port", "8080")));
        JsonNode c = find(overlay, "Deployment", app).at("/spec/template/spec/containers/0");
        JsonNode http = null;
        for (JsonNode p : c.path("ports")) {
            if ("http".equals(p.path("name").asText())) {
                http = p;
            }
        }
        assertThat(http).as(app + ": a container port named http").isNotNull();
        assertThat(http.path("containerPort").asInt()).as(app + ": the port Quarkus listens on").isEqualTo(port);
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            JsonNode target = c.at("/" + probe + "/httpGet/port");
            assertThat(target.isInt() ? target.asInt() == port : "http".equals(target.asText()))
                    .as(app + " " + probe + " on the http port").isTrue();
        }
        assertThat(find(overlay, "Service", app).at("/spec/ports/0/targetPort").asText()).isIn("http",
                String.valueOf(port));
        List<Integer> allowed = new ArrayList<>();
        policy.at("/spec/ingress").forEach(rule -> rule.path("ports").forEach(p -> allowed.add(p.path("port").asInt())));
        assertThat(allowed).as(app + ": ingress reaches the http port").contains(port);
        return port;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceListensWhereItsProbesServiceAndPolicyPointAndUsesItsOwnDatabase(String overlay) {
        JsonNode policy = find(overlay, "NetworkPolicy", "shortfall-api");
        for (String service : SERVICES) {
            Map<String, String> env = environment(overlay, service);
            listensWhereItsProbesServiceAndPolicyPoint(overlay, service, policy);
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

    /**
     * The web app listens where its probes, Service and policy point, has no database, signs people in as the
     * confidential client with the secret of a Secret, marks its cookies Secure and sends browsers back in https
     * (TLS ends at the Ingress), and is given in the environment every address its application.properties sets for
     * a local run (localhost), in particular each of the five services by its Service, on that Service's port.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theWebAppListensWhereItsProbesServiceAndPolicyPointAndCallsTheServicesByTheirServices(String overlay)
            throws IOException {
        listensWhereItsProbesServiceAndPolicyPoint(overlay, WEB_APP, find(overlay, "NetworkPolicy", "shortfall-web"));
        Map<String, String> env = environment(overlay, WEB_APP);
        Properties props = properties(WEB_APP);
        assertThat(env.keySet()).as("no database").noneMatch(k -> k.startsWith("QUARKUS_DATASOURCE"));
        assertThat(props.stringPropertyNames()).as("no database").noneMatch(k -> k.contains("quarkus.datasource"));
        assertThat(env.get("QUARKUS_OIDC_CLIENT_ID")).isEqualTo("shortfall-web");
        assertThat(env.get("QUARKUS_OIDC_CREDENTIALS_SECRET")).isEqualTo("secret:shortfall-web-oidc/client-secret");
        assertThat(env.get("QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME")).isEqualTo("true");
        assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");
        // Secure cookies: the variable is the one the application reads for its OIDC cookies.
        assertThat(env.get("SHORTFALL_WEB_SECURE_COOKIES")).isEqualTo("true");
        assertThat(props.getProperty("quarkus.oidc.authentication.cookie-force-secure"))
                .contains("${shortfall.web.secure-cookies");
        // Every SHORTFALL_ variable it is given is a property the application has (no typo goes unnoticed).
        String text = Files.readString(Manifests.k8sDir().resolveSibling(WEB_APP)
                .resolve("src/main/resources/application.properties"));
        Set<String> known = new TreeSet<>();
        props.stringPropertyNames().forEach(k -> known.add(envName(k)));
        Matcher references = Pattern.compile("\\$\\{([^:}]+)").matcher(text);
        while (references.find()) {
            known.add(envName(references.group(1)));
        }
        env.keySet().stream().filter(k -> k.startsWith("SHORTFALL_"))
                .forEach(k -> assertThat(known).as(k + ": a property of web-app").contains(k));
        // What a local run finds on localhost, the cluster gives in the environment.
        props.stringPropertyNames().stream().filter(k -> !k.startsWith("%"))
                .filter(k -> props.getProperty(k).contains("localhost"))
                .forEach(k -> assertThat(env).as(k + " set for the cluster").containsKey(envName(k)));
        // The five services, each by its Service in this namespace, on the Service's port.
        Set<String> called = new TreeSet<>();
        props.stringPropertyNames().stream().filter(k -> k.startsWith("shortfall.services.")).forEach(k -> {
            URI url = URI.create(env.get(envName(k)));
            assertThat(url.getScheme()).as(k).isEqualTo("http");
            JsonNode svc = find(overlay, "Service", url.getHost());
            int port = url.getPort() < 0 ? 80 : url.getPort();
            List<Integer> ports = new ArrayList<>();
            svc.at("/spec/ports").forEach(p -> ports.add(p.path("port").asInt()));
            assertThat(ports).as(k + ": " + url + " on a port of its Service").contains(port);
            called.add(url.getHost());
        });
        assertThat(called).as("every service, by its Service").containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    /**
     * The web app's pods are isolated both ways and reach only what they need: browsers through the ingress
     * controller (not Prometheus: no metrics, not the services), DNS, each service's pods where its Service leads
     * (and each service accepts them), the Kafka brokers of its bootstrap address (and Strimzi's own policy of that
     * listener admits them), the OIDC issuer wherever the services reach it; never PostgreSQL.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void thePoliciesLetTheWebAppReachTheServicesKafkaAndTheIssuerAndTheServicesAcceptIt(String overlay) {
        Pod web = new Pod(podLabels(overlay, WEB_APP), null);
        assertThat(isolated(overlay, web.labels(), "Ingress")).as("web pods: ingress only by rule").isTrue();
        assertThat(isolated(overlay, web.labels(), "Egress")).as("web pods: egress only by rule").isTrue();
        int webPort = httpContainerPort(overlay, WEB_APP);
        Pod controller = new Pod(labels(), "ingress-nginx");
        assertThat(allowed(overlay, controller, web, "TCP", webPort)).as("ingress controller → web app").isTrue();
        assertThat(allowed(overlay, controller, web, "TCP", webPort + 1)).as("only the http port").isFalse();
        assertThat(allowed(overlay, new Pod(labels(), "monitoring"), web, "TCP", webPort)).as("no scraping").isFalse();
        assertThat(allowed(overlay, web, new Pod(labels("k8s-app", "kube-dns"), "kube-system"), "UDP", 53))
                .as("DNS").isTrue();
        for (String service : SERVICES) {
            Pod pod = new Pod(podLabels(overlay, service), null);
            assertThat(allowed(overlay, web, pod, "TCP", httpContainerPort(overlay, service)))
                    .as("web app → " + service + " (its egress and the service's ingress)").isTrue();
            assertThat(allowed(overlay, pod, web, "TCP", webPort)).as(service + " → web app").isFalse();
        }
        // Kafka: the brokers behind its bootstrap address, and Strimzi's policy of that listener.
        String bootstrap = environment(overlay, WEB_APP).get("KAFKA_BOOTSTRAP_SERVERS");
        JsonNode kafka = all(overlay, "Kafka").get(0);
        String cluster = kafka.at("/metadata/name").asText();
        int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        assertThat(bootstrap).isEqualTo(cluster + "-kafka-bootstrap:" + kafkaPort);
        Pod broker = new Pod(labels("strimzi.io/cluster", cluster, "strimzi.io/broker-role", "true",
                "strimzi.io/kind", "Kafka"), null);
        assertThat(allowed(overlay, web, broker, "TCP", kafkaPort)).as("web app → Kafka").isTrue();
        JsonNode listener = null;
        for (JsonNode l : kafka.at("/spec/kafka/listeners")) {
            if (l.path("port").asInt() == kafkaPort) {
                listener = l;
            }
        }
        assertThat(listener).as("a listener on " + kafkaPort).isNotNull();
        for (String app : List.of(WEB_APP, SERVICES.get(0))) {
            Pod client = new Pod(podLabels(overlay, app), null);
            assertThat(peers(listener.path("networkPolicyPeers"), client, null))
                    .as(app + " admitted by Strimzi's policy of the listener").isTrue();
        }
        // The OIDC issuer: a Service of this namespace (dev's Keycloak), else Keycloak in its namespace on 8443.
        URI issuer = URI.create(environment(overlay, WEB_APP).get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        boolean here = !issuer.getHost().contains(".");
        Pod keycloak = new Pod(labels("app", "keycloak"), here ? null : "keycloak");
        int keycloakPort = here ? issuer.getPort() : 8443;
        assertThat(allowed(overlay, web, keycloak, "TCP", keycloakPort)).as("web app → " + issuer).isTrue();
        for (String service : SERVICES) {
            assertThat(allowed(overlay, new Pod(podLabels(overlay, service), null), keycloak, "TCP", keycloakPort))
                    .as(service + " → " + issuer).isTrue();
        }
        // No database: PostgreSQL is the services' only.
        String pg = all(overlay, "Cluster").get(0).at("/metadata/name").asText();
        Pod postgres = new Pod(labels("cnpg.io/cluster", pg), null);
        assertThat(allowed(overlay, web, postgres, "TCP", 5432)).as("web app → PostgreSQL").isFalse();
        assertThat(allowed(overlay, new Pod(podLabels(overlay, SERVICES.get(0)), null), postgres, "TCP", 5432))
                .as(SERVICES.get(0) + " → PostgreSQL").isTrue();
    }

    /**
     * The web host (app. beside the API's api. host) has an Ingress of its own, of the same class, that sends
     * everything to web-app's Service on its port http and lets server-sent events through (no buffering, an idle
     * stream kept an hour), over HTTPS only (Secure cookies); with TLS wherever the API host has it.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theWebHostIsRoutedToTheWebAppByAnIngressOfItsOwn(String overlay) {
        JsonNode api = find(overlay, "Ingress", "shortfall");
        JsonNode web = find(overlay, "Ingress", WEB_APP);
        String apiHost = api.at("/spec/rules/0/host").asText();
        assertThat(apiHost).startsWith("api.");
        String webHost = "app." + apiHost.substring("api.".length());
        assertThat(web.at("/spec/rules").size()).isEqualTo(1);
        assertThat(web.at("/spec/rules/0/host").asText()).isEqualTo(webHost);
        assertThat(web.at("/spec/ingressClassName").asText()).isEqualTo(api.at("/spec/ingressClassName").asText());
        JsonNode paths = web.at("/spec/rules/0/http/paths");
        assertThat(paths.size()).isEqualTo(1);
        assertThat(paths.at("/0/path").asText()).isEqualTo("/");
        assertThat(paths.at("/0/pathType").asText()).isEqualTo("Prefix");
        assertThat(paths.at("/0/backend/service/name").asText()).isEqualTo(WEB_APP);
        assertThat(paths.at("/0/backend/service/port/name").asText()).isEqualTo("http");
        List<String> servicePorts = new ArrayList<>();
        find(overlay, "Service", WEB_APP).at("/spec/ports").forEach(p -> servicePorts.add(p.path("name").asText()));
        assertThat(servicePorts).contains("http");
        JsonNode annotations = web.at("/metadata/annotations");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText()).isEqualTo("off");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt()).isGreaterThanOrEqualTo(3600);
        assertThat(annotations.path("nginx.ingress.kubernetes.io/force-ssl-redirect").asText()).isEqualTo("true");
        if ("prod".equals(overlay)) {
            assertThat(api.at("/spec/tls").isMissingNode()).as("prod: the API host has TLS").isFalse();
        }
        if (!api.at("/spec/tls").isMissingNode()) {
            List<String> tlsHosts = new ArrayList<>();
            web.at("/spec/tls").forEach(t -> {
                assertThat(t.path("secretName").asText()).isNotBlank();
                t.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            });
            assertThat(tlsHosts).as("TLS for " + webHost).contains(webHost);
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
        // And every topic the web app reads (margin.events, for live updates).
        assertThat(messagingTopics(WEB_APP)).isNotEmpty();
        assertThat(declared).containsAll(messagingTopics(WEB_APP));
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
        assertThat(find("dev", "Deployment", WEB_APP).at("/spec/replicas").asInt()).isEqualTo(1);
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
     * dev's realm has the web app's client, as the web app names it: confidential, authorization code flow with
     * PKCE S256, no password grant, sent back to the dev web host only, its secret a placeholder filled at import
     * from the very Secret the web app reads (no value in the repository), its access tokens carrying the audience
     * the services require (service-kit's quarkus.oidc.token.audience), since they go on to the services.
     */
    @Test
    void devsRealmHasTheWebAppsConfidentialClient() {
        Map<String, String> env = environment("dev", WEB_APP);
        JsonNode realmImport = all("dev", "KeycloakRealmImport").get(0);
        JsonNode client = null;
        for (JsonNode c : realmImport.at("/spec/realm/clients")) {
            if (c.path("clientId").asText().equals(env.get("QUARKUS_OIDC_CLIENT_ID"))) {
                client = c;
            }
        }
        assertThat(client).as("the client " + env.get("QUARKUS_OIDC_CLIENT_ID") + " in dev's realm").isNotNull();
        assertThat(client.path("enabled").asBoolean()).isTrue();
        assertThat(client.path("publicClient").asBoolean(true)).as("confidential").isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean(true)).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
        assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        String webHost = find("dev", "Ingress", WEB_APP).at("/spec/rules/0/host").asText();
        List<String> redirects = new ArrayList<>();
        client.path("redirectUris").forEach(r -> redirects.add(r.asText()));
        assertThat(redirects).containsExactly("https://" + webHost + "/*");
        Matcher placeholder = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}").matcher(client.path("secret").asText());
        assertThat(placeholder.matches()).as("the client secret is a placeholder, not a value").isTrue();
        JsonNode secret = realmImport.at("/spec/placeholders/" + placeholder.group(1) + "/secret");
        assertThat("secret:" + secret.path("name").asText() + "/" + secret.path("key").asText())
                .as("the Secret the web app reads").isEqualTo(env.get("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        String audience = load(Manifests.k8sDir().resolveSibling("service-kit")
                .resolve("src/main/resources/META-INF/microprofile-config.properties")).getProperty("quarkus.oidc.token.audience");
        assertThat(audience).isNotBlank();
        List<String> audiences = new ArrayList<>();
        client.path("protocolMappers").forEach(m -> {
            if ("oidc-audience-mapper".equals(m.path("protocolMapper").asText())
                    && m.at("/config/access.token.claim").asBoolean()) {
                audiences.add(m.at("/config/included.custom.audience").asText());
            }
        });
        assertThat(audiences).as("its access tokens are for the services").contains(audience);
    }

    /**
     * prod runs the web app like the services: the HPA owns the replicas (at least two), spread over nodes and
     * preferring other nodes and zones, a PodDisruptionBudget keeping all but one up. Its maximum is not bound by
     * partitions: each pod reads margin.events in a consumer group of its own.
     */
    @Test
    void prodSpreadsProtectsAndScalesTheWebApp() {
        JsonNode d = find("prod", "Deployment", WEB_APP);
        JsonNode podLabels = d.at("/spec/template/metadata/labels");
        assertThat(d.at("/spec/replicas").isMissingNode()).as("the HPA owns the replicas").isTrue();
        JsonNode spread = d.at("/spec/template/spec/topologySpreadConstraints/0");
        assertThat(spread.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertThat(spread.path("maxSkew").asInt()).isEqualTo(1);
        assertThat(contains(podLabels, spread.at("/labelSelector/matchLabels"))).as("spreads its own pods").isTrue();
        JsonNode anti = d.at("/spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution");
        assertThat(anti.size()).isGreaterThan(0);
        anti.forEach(t -> assertThat(contains(podLabels, t.at("/podAffinityTerm/labelSelector/matchLabels")))
                .as("keeps away from its own pods").isTrue());
        List<JsonNode> pdbs = all("prod", "PodDisruptionBudget").stream()
                .filter(p -> contains(podLabels, p.at("/spec/selector/matchLabels"))).toList();
        assertThat(pdbs).as("a PodDisruptionBudget for " + WEB_APP).hasSize(1);
        assertThat(pdbs.get(0).at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        JsonNode hpa = all("prod", "HorizontalPodAutoscaler").stream()
                .filter(h -> WEB_APP.equals(h.at("/spec/scaleTargetRef/name").asText())
                        && "Deployment".equals(h.at("/spec/scaleTargetRef/kind").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler for " + WEB_APP));
        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThanOrEqualTo(hpa.at("/spec/minReplicas").asInt());
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
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

    /**
     * The web app's image carries no credential (its local client secret is in %dev and %test only; the suite passes
     * it to the jar), and every overlay sets the client secret from a Secret.
     */
    @Test
    void noCredentialInTheWebAppsProdConfigurationAndTheClientSecretFromASecret() {
        Properties props = properties(WEB_APP);
        List<String> found = props.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("%dev.") && !k.startsWith("%test."))
                .filter(k -> k.matches("(?i).*(password|secret|credential|private-key|api-key|token-key).*")
                        || k.matches("(?i).*\\.username"))
                .sorted().toList();
        assertThat(found).as("credentials outside %dev/%test").isEmpty();
        assertThat(props.stringPropertyNames()).contains("%dev.quarkus.oidc.credentials.secret");
        overlays().forEach(overlay -> assertThat(environment(overlay, WEB_APP).get("QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .as(overlay + ": the client secret from a Secret").startsWith("secret:"));
    }

    @Test
    void everyServiceHasItsImageConfigurationAndNativeDockerfile() throws IOException {
        for (String service : java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(WEB_APP))
                .toList()) {
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

    /** The labels of an application's pods. */
    JsonNode podLabels(String overlay, String app) {
        return find(overlay, "Deployment", app).at("/spec/template/metadata/labels");
    }

    /** The container port named http of an application (where its Service's targetPort http leads). */
    int httpContainerPort(String overlay, String app) {
        for (JsonNode p : find(overlay, "Deployment", app).at("/spec/template/spec/containers/0/ports")) {
            if ("http".equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError(app + " has no container port named http");
    }

    /** A pod as network policies see it: its labels and its namespace (null: the suite's own). */
    record Pod(JsonNode labels, String namespace) {
    }

    static ObjectNode labels(String... keysAndValues) {
        ObjectNode labels = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            labels.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return labels;
    }

    /** Whether some NetworkPolicy of the overlay selects these pods for the direction (Ingress or Egress). */
    boolean isolated(String overlay, JsonNode podLabels, String direction) {
        return all(overlay, "NetworkPolicy").stream().anyMatch(p -> selects(p.at("/spec/podSelector"), podLabels)
                && types(p).contains(direction));
    }

    /**
     * Whether the overlay's NetworkPolicies let a connection from one pod to another on a port: the sender's
     * egress (if it is the suite's and a policy isolates it) and the receiver's ingress (likewise) must both allow
     * it. Pods of other namespaces are taken as unrestricted on their side (their policies are not the suite's).
     */
    boolean allowed(String overlay, Pod from, Pod to, String protocol, int port) {
        return (from.namespace() != null || side(overlay, "Egress", from, to, protocol, port))
                && (to.namespace() != null || side(overlay, "Ingress", to, from, protocol, port));
    }

    private boolean side(String overlay, String direction, Pod self, Pod other, String protocol, int port) {
        List<JsonNode> policies = all(overlay, "NetworkPolicy").stream()
                .filter(p -> selects(p.at("/spec/podSelector"), self.labels()) && types(p).contains(direction)).toList();
        if (policies.isEmpty()) {
            return true;
        }
        boolean egress = "Egress".equals(direction);
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.at(egress ? "/spec/egress" : "/spec/ingress")) {
                if (ports(rule.path("ports"), protocol, port)
                        && peers(rule.path(egress ? "to" : "from"), other, policy.at("/metadata/namespace").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> types(JsonNode policy) {
        List<String> types = new ArrayList<>();
        policy.at("/spec/policyTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            types.add("Ingress");
            if (policy.at("/spec/egress").size() > 0) {
                types.add("Egress");
            }
        }
        return types;
    }

    /** Whether a rule's peers (to or from; none: everyone) include the pod; ipBlocks name no pod. */
    static boolean peers(JsonNode peers, Pod pod, String policyNamespace) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                continue;
            }
            boolean namespace = peer.has("namespaceSelector")
                    ? selects(peer.get("namespaceSelector"), labels("kubernetes.io/metadata.name",
                            pod.namespace() != null ? pod.namespace() : String.valueOf(policyNamespace)))
                    : pod.namespace() == null;
            if (namespace && (!peer.has("podSelector") || selects(peer.get("podSelector"), pod.labels()))) {
                return true;
            }
        }
        return false;
    }

    /** A label selector (matchLabels only; empty: everything) against labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.has("matchExpressions")) {
            throw new IllegalStateException("matchExpressions are not understood by this check: " + selector);
        }
        JsonNode match = selector.path("matchLabels");
        return match.isMissingNode() || match.isEmpty() || contains(labels, match);
    }

    /** Whether a rule's ports (none: all) include the protocol and port. */
    static boolean ports(JsonNode ports, String protocol, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            boolean sameProtocol = protocol.equals(p.path("protocol").asText("TCP"));
            boolean samePort = !p.has("port") || (p.get("port").isInt() && (p.get("port").asInt() == port
                    || (p.has("endPort") && p.get("port").asInt() <= port && port <= p.get("endPort").asInt())));
            if (sameProtocol && samePort) {
                return true;
            }
        }
        return false;
    }

    /** A property's name in the environment (SmallRye Config): non-alphanumerics to _, upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
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
