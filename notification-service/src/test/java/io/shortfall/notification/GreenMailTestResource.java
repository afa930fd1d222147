package io.shortfall.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shortfall.infra.FreePorts;

import java.util.Map;

/** A real SMTP server (GreenMail, in the test JVM, authentication off) on a free port for the mailer. */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail greenMail;
    private static volatile int port;

    @Override
    public Map<String, String> start() {
        port = FreePorts.find();
        startServer();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    /** An SMTP outage: the server stops listening (what it received is forgotten). */
    public static synchronized void stopServer() {
        greenMail().stop();
        greenMail = null;
    }

    /** The end of an outage: a fresh server on the same port. */
    public static synchronized void startServer() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        greenMail = server;
    }

    @Override
    public void stop() {
        GreenMail server = greenMail;
        greenMail = null;
        if (server != null) {
            server.stop();
        }
    }

    /** The running server, to read what it received. */
    public static GreenMail greenMail() {
        GreenMail server = greenMail;
        if (server == null) {
            throw new IllegalStateException("GreenMailTestResource is not running");
        }
        return server;
    }
}
