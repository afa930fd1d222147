package io.shortfall.notification;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** What the test SMTP server received for one address, read as a borrower's mail client would. */
public final class Mailbox {

    /** One email: its subject, and its plain-text and HTML parts. */
    public record Email(String subject, String text, String html, String from) {
    }

    public static List<Email> of(String address) {
        return Arrays.stream(GreenMailTestResource.greenMail().getReceivedMessages())
                .filter(message -> addressedTo(message, address))
                .map(Mailbox::read)
                .toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Email read(MimeMessage message) {
        try {
            return new Email(message.getSubject(), part(message, "text/plain"), part(message, "text/html"),
                    message.getFrom()[0].toString());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = part(child, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Mailbox() {
    }
}
