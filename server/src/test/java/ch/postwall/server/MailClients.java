package ch.postwall.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.Transport;
import javax.mail.internet.MimeMessage;
import javax.mail.search.SearchTerm;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Real SMTP and IMAP clients (Jakarta Mail) talking to a test server over TLS. They trust exactly the
 * self-signed certificate the server created in its data directory, so TLS is verified, not bypassed.
 */
public class MailClients {
    private final PostwallProcess server;

    public MailClients(PostwallProcess server) {
        this.server = server;
    }

    /** Sends over submission (587): STARTTLS, then AUTH PLAIN/LOGIN, as a mail client does. */
    public void submit(String username, String password, MimeMessage message) throws MessagingException {
        Session session = Session.getInstance(smtpProperties(server.ports().submission));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", server.ports().submission, username, password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** An IMAP store connected over 143 with STARTTLS and logged in. */
    public Store imap(String username, String password) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.imap.starttls.enable", "true");
        properties.put("mail.imap.starttls.required", "true");
        properties.put("mail.imap.ssl.socketFactory", trustingServerCertificate());
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "30000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", server.ports().imap, username, password);
        return store;
    }

    /** The subjects of the messages in the user's INBOX, oldest first, read over IMAP. */
    public List<String> inboxSubjects(String username, String password) throws MessagingException {
        try (Store store = imap(username, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }

    /**
     * Sends a raw message (headers, blank line, body, CRLF line ends) over the MX port as a remote server does,
     * without authentication; returns the reply to DATA, or the refusal of RCPT.
     */
    public String sendOverMx(String sender, String recipient, String message) {
        try (LineClient smtp = new LineClient(server.ports().smtp)) {
            smtp.readSmtpReply();
            smtp.smtp("EHLO outside.example");
            smtp.smtp("MAIL FROM:<" + sender + ">");
            String rcpt = smtp.smtp("RCPT TO:<" + recipient + ">");
            if (!rcpt.startsWith("250")) {
                return rcpt;
            }
            smtp.smtp("DATA");
            smtp.send(message + ".\r\n");
            return smtp.readSmtpReply();
        }
    }

    /**
     * A mail from outside over the MX port (25) without TLS, subject and body naming {@code text}; returns the
     * last reply, which starts with 250 only when the mail was accepted.
     */
    public String deliverOverMx(String recipient, String text) {
        try (LineClient smtp = new LineClient(server.ports().smtp)) {
            smtp.readSmtpReply();
            smtp.smtp("EHLO outside.example");
            for (String command : List.of("MAIL FROM:<sender@outside.example>", "RCPT TO:<" + recipient + ">", "DATA")) {
                String reply = smtp.smtp(command);
                if (!reply.startsWith("250") && !reply.startsWith("354")) {
                    return reply;
                }
            }
            return smtp.smtp("Subject: " + text + "\r\n\r\nSent " + text + ".\r\n.");
        }
    }

    /** How many messages of the user's INBOX an IMAP SEARCH with this term finds. */
    public int searchInbox(String username, String password, SearchTerm term) throws MessagingException {
        try (Store store = imap(username, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return inbox.search(term).length;
        }
    }

    public int countInbox(String username, String password) throws MessagingException {
        try (Store store = imap(username, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return inbox.getMessageCount();
        }
    }

    public Session newSession() {
        return Session.getInstance(new Properties());
    }

    private Properties smtpProperties(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.socketFactory", trustingServerCertificate());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        return properties;
    }

    public SSLSocketFactory trustingServerCertificate() {
        return trusting(server.dataDirectory().resolve("tls").resolve("selfsigned-cert.pem"));
    }

    /** TLS that trusts exactly the given PEM certificate, e.g. a reference server's self-signed one. */
    public static SSLSocketFactory trusting(Path certificate) {
        return trustingContext(certificate).getSocketFactory();
    }

    /** A TLS context that trusts exactly the given PEM certificate, for HTTPS clients. */
    public static SSLContext trustingContext(Path certificate) {
        try (InputStream input = Files.newInputStream(certificate)) {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            trustStore.setCertificateEntry("postwall", CertificateFactory.getInstance("X.509").generateCertificate(input));
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
