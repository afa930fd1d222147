package io.shortfall.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GreenMail standalone in its own JVM: SMTP on 127.0.0.1:smtpPort accepting any sender, recipient
 * and login, and GreenMail's REST API on 127.0.0.1:apiPort; a mailbox is read with
 * {@code GET {apiUrl}/api/user/{email}/messages/}.
 */
public final class MailServer implements AutoCloseable {

    private final int smtpPort;
    private final int apiPort;
    private final ChildProcess process;
    private final boolean ephemeral;

    private MailServer(int smtpPort, int apiPort, ChildProcess process, boolean ephemeral) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.process = process;
        this.ephemeral = ephemeral;
    }

    /** Starts GreenMail (0 for either port: a free port) and returns once both ports answer. */
    public static MailServer start(int smtpPort, int apiPort) {
        Leftovers.reapAll();
        int smtp = FreePorts.orFree(smtpPort);
        int api = FreePorts.orFree(apiPort);
        FreePorts.requireFree(smtp, "GreenMail SMTP");
        FreePorts.requireFree(api, "GreenMail API");
        Path logFile = Home.logDir().resolve("greenmail-" + smtp + ".log");
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException ignored) {
            // appended to then
        }
        List<String> cmd = List.of(Java.current(), "-Xms32m", "-Xmx2g", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                // Jakarta Mail looks its stream provider up with a ServiceLoader scan of the jar for every message
                // it parses (a third of the server's CPU in a crash); named here, it is instantiated directly.
                "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtp,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + api,
                "-Dgreenmail.auth.disabled",
                "-jar", Files2.buildResource("greenmail.classpath"));
        ChildProcess child = ChildProcess.start("greenmail:" + smtp, cmd, Map.of(), null, logFile, "TERM",
                Duration.ofSeconds(10), List.of());
        MailServer mail = new MailServer(smtp, api, child, smtpPort == 0 || apiPort == 0);
        try {
            child.awaitReady("SMTP and API ready", Duration.ofSeconds(60),
                    () -> FreePorts.isListening(smtp) && Http.ok(mail.apiUrl() + "/api/service/readiness"));
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return mail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int apiPort() {
        return apiPort;
    }

    /** {@code http://127.0.0.1:API_PORT} (no trailing slash). */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** The GreenMail JVM's log. */
    public Path logFile() {
        return process.logFile();
    }

    /** The pid of the GreenMail JVM. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
        if (ephemeral && !Home.keepLogs()) {
            try {
                Files.deleteIfExists(process.logFile());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
