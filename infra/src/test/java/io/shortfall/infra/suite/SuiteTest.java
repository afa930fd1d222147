package io.shortfall.infra.suite;

import io.shortfall.infra.FreePorts;
import io.shortfall.infra.Keycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The suite launcher against real infrastructure, with stand-in service jars (the real services are
 * other modules): checks what each service is started with and that everything stops.
 */
class SuiteTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsTheInfrastructureAndTheServicesWithTheirSettingsThenStopsEverything(@TempDir Path repo)
            throws Exception {
        assumeTrue(Keycloak.findJava().isPresent(), "no JDK 21+ for Keycloak on this machine");
        for (String module : Suite.SERVICES.keySet()) {
            stubJar(repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"));
        }
        stubJar(repo.resolve(Suite.WEB_APP).resolve("target/quarkus-app/quarkus-run.jar"));
        SuiteConfig config = SuiteConfig.ephemeral(repo);
        try (Suite suite = Suite.start(config)) {
            for (String module : Suite.SERVICES.keySet()) {
                int port = config.servicePorts().get(module);
                assertEquals("http://localhost:" + port, suite.serviceUrl(module));
                String props = get(suite.serviceUrl(module) + "/props");
                String db = Suite.SERVICES.get(module);
                assertTrue(props.contains("quarkus.http.port=" + port + "\n"), props);
                assertTrue(props.contains("quarkus.datasource.jdbc.url=" + suite.postgres().jdbcUrl(db) + "\n"), props);
                assertTrue(props.contains("quarkus.datasource.reactive.url=" + suite.postgres().reactiveUrl(db) + "\n"), props);
                assertTrue(props.contains("quarkus.datasource.username=shortfall\n"), props);
                assertTrue(props.contains("kafka.bootstrap.servers=" + suite.kafka().bootstrapServers() + "\n"), props);
                assertTrue(props.contains("quarkus.oidc.auth-server-url=" + suite.keycloak().issuerUrl() + "\n"), props);
                assertEquals(module.equals("notification-service"),
                        props.contains("quarkus.mailer.port=" + suite.mail().smtpPort() + "\n"), props);
                try (Connection c = DriverManager.getConnection(suite.postgres().jdbcUrl(db), "shortfall", "shortfall")) {
                    assertTrue(c.isValid(5));
                }
            }
            String web = get(suite.webUrl() + "/props");
            assertTrue(web.contains("quarkus.http.port=" + config.webPort() + "\n"), web);
            assertTrue(web.contains("quarkus.oidc.auth-server-url=" + suite.keycloak().issuerUrl() + "\n"), web);
            for (String module : Suite.SERVICES.keySet()) {
                assertTrue(web.contains("shortfall.services." + Suite.SERVICES.get(module) + "=" + suite.serviceUrl(module)
                        + "\n"), web);
            }
            assertTrue(web.contains("quarkus.oidc.credentials.secret=" + Keycloak.WEB_CLIENT_SECRET + "\n"), web);
            assertTrue(web.contains("kafka.bootstrap.servers=" + suite.kafka().bootstrapServers() + "\n"), web);
            assertFalse(web.contains("quarkus.datasource"), web);
            try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                    "bootstrap.servers", suite.kafka().bootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                for (String t : Suite.TOPICS) {
                    assertTrue(topics.contains(t) && topics.contains(t + ".dlq"), topics.toString());
                }
            }
            assertFalse(suite.keycloak().token("ops", "ops").isBlank());
            assertTrue(suite.describe(Duration.ofSeconds(1)).contains(suite.serviceUrl("loan-service") + "/q/openapi"));
        }
        for (int port : config.servicePorts().values()) {
            assertFalse(FreePorts.isListening(port), "service port " + port + " closed");
        }
        assertFalse(FreePorts.isListening(config.webPort()), "web app port closed");
        for (int port : new int[] {config.postgresPort(), config.kafkaPort(), config.smtpPort(), config.mailApiPort(),
                config.keycloakPort()}) {
            assertFalse(FreePorts.isListening(port), "infra port " + port + " closed");
        }
    }

    @Test
    void refusesToStartWithoutTheServiceJars(@TempDir Path repo) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Suite.start(SuiteConfig.ephemeral(repo)));
        assertTrue(e.getMessage().contains("quarkus-run.jar"), e.getMessage());
    }

    @Test
    void defaultsUseTheWellKnownPorts() {
        SuiteConfig d = SuiteConfig.defaults(Paths.get("."));
        assertEquals(8081, d.servicePorts().get("loan-service"));
        assertEquals(8085, d.servicePorts().get("notification-service"));
        assertEquals(5, d.servicePorts().size());
        assertEquals(8080, d.webPort());
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }

    /** A jar whose manifest runs {@link StubService} from the test classes. */
    private static void stubJar(Path jar) throws Exception {
        Files.createDirectories(jar.getParent());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StubService.class.getName());
        Path classes = Paths.get(StubService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }
}
