package io.shortfall.infra;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailServerTest {

    @Test
    void deliversOverSmtpAndShowsTheMailboxOverRest() throws Exception {
        long pid;
        try (MailServer mail = MailServer.start(0, 0)) {
            pid = mail.pid();
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(mail.smtpPort()));
            MimeMessage msg = new MimeMessage(Session.getInstance(props));
            msg.setFrom(new InternetAddress("noreply@shortfall.io"));
            msg.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.com"));
            msg.setSubject("Margin call on loan 42");
            msg.setText("Please top up your collateral.");
            Transport.send(msg);

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(mail.apiUrl() + "/api/user/alice@example.com/messages/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"subject\":\"Margin call on loan 42\""), r.body());
            assertTrue(r.body().contains("Please top up your collateral."), r.body());
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "GreenMail JVM gone");
    }
}
