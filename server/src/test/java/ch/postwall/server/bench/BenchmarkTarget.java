package ch.postwall.server.bench;

import java.util.List;

import javax.net.ssl.SSLSocketFactory;

/** A running mail system the benchmark measures: SMTP in on one port, IMAP (STARTTLS) out on another. */
interface BenchmarkTarget extends AutoCloseable {
    String name();

    int smtpPort();

    int imapPort();

    /** Trusts the system's own certificate, so IMAP runs over verified TLS on both systems alike. */
    SSLSocketFactory tls();

    /** Makes {@code address} a deliverable mailbox that logs in with {@code password}. */
    void createMailbox(String address, String password);

    /** Whether IMAP SEARCH TEXT finds words inside PDF and ODT attachments (a full-text index extracting them). */
    boolean searchesAttachmentText();

    /** The system's processes (each with its descendants): for its memory and CPU time. */
    List<ProcessHandle> processes();

    @Override
    void close();
}
