package ch.postwall.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocketFactory;

import ch.postwall.server.FreePorts;
import ch.postwall.server.MailClients;
import ch.postwall.server.PostwallProcess;
import ch.postwall.server.tls.SelfSignedCertificate;

/**
 * The reference: Postfix 3.7 receiving over SMTP and delivering over LMTP to Dovecot 2.3 (Maildir),
 * Dovecot serving IMAP. Both run from configuration written into a work directory, on free loopback
 * ports, as root with their usual unprivileged users; nothing system-wide is configured or started.
 * Needs the packages of {@code .ci/setup-bench.sh}.
 */
final class ReferenceMailSystem implements BenchmarkTarget {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String MAIL_USER = "mail";

    private final Path work;
    private final String password;
    private final int smtpPort = FreePorts.next();
    private final int lmtpPort = FreePorts.next();
    private final int imapPort = FreePorts.next();
    private final SelfSignedCertificate certificate;

    private ReferenceMailSystem(Path work, String password) {
        this.work = work;
        this.password = password;
        this.certificate = new SelfSignedCertificate(work, Clock.systemUTC());
    }

    /** Starts Postfix and Dovecot accepting any user of {@code domain}, all logging in with {@code password}. */
    static ReferenceMailSystem start(Path work, String domain, String password) throws IOException {
        ReferenceMailSystem system = new ReferenceMailSystem(work, password);
        try {
            system.writeConfiguration(domain);
            system.run("dovecot", "-c", system.dovecotConfiguration().toString());
            system.run("postfix", "-c", system.postfixConfiguration().toString(), "start");
            system.awaitListening(system.smtpPort, system.lmtpPort, system.imapPort);
            return system;
        } catch (RuntimeException | IOException e) {
            system.close();
            throw e;
        }
    }

    private void writeConfiguration(String domain) throws IOException {
        // Postfix's and Dovecot's unprivileged processes must traverse the work directory (and its parents).
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        certificate.ensureExists();
        Files.createDirectories(postfixConfiguration());
        Files.createDirectories(work.resolve("postfix-queue"));
        Path maildir = owned(Files.createDirectories(work.resolve("maildir")), MAIL_USER);
        owned(Files.createDirectories(work.resolve("postfix-data")), "postfix");
        Map<String, String> values = Map.of(
            "work", work.toString(),
            "domain", domain,
            "smtpPort", String.valueOf(smtpPort),
            "lmtpPort", String.valueOf(lmtpPort),
            "imapPort", String.valueOf(imapPort),
            "instance", "postwall-bench-" + imapPort,
            "uid", String.valueOf(Files.getAttribute(maildir, "unix:uid")),
            "gid", String.valueOf(Files.getAttribute(maildir, "unix:gid")),
            "certificate", certificate.certificateFile().toString(),
            "privateKey", certificate.privateKeyFile().toString());
        write("postfix-main.cf", postfixConfiguration().resolve("main.cf"), values);
        write("postfix-master.cf", postfixConfiguration().resolve("master.cf"), values);
        write("dovecot.conf", dovecotConfiguration(), values);
    }

    private static Path owned(Path path, String user) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName(user));
        Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(users.lookupPrincipalByGroupName(user));
        return path;
    }

    private void write(String template, Path target, Map<String, String> values) throws IOException {
        String content;
        try (InputStream input = ReferenceMailSystem.class.getResourceAsStream("/bench/" + template)) {
            content = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            content = content.replace("${" + value.getKey() + "}", value.getValue());
        }
        content = content.replace("${password}", password);
        Files.writeString(target, content, StandardCharsets.UTF_8);
    }

    private Path postfixConfiguration() {
        return work.resolve("postfix-conf");
    }

    private Path dovecotConfiguration() {
        return work.resolve("dovecot.conf");
    }

    /** Dovecot here runs without an FTS plugin: SEARCH TEXT reads the raw parts, not the documents in them. */
    @Override
    public boolean searchesAttachmentText() {
        return false;
    }

    @Override
    public String name() {
        return "Postfix+Dovecot";
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    @Override
    public int imapPort() {
        return imapPort;
    }

    @Override
    public SSLSocketFactory tls() {
        return MailClients.trusting(certificate.certificateFile());
    }

    /** Every user of the domain exists already (static user database); nothing to create. */
    @Override
    public void createMailbox(String address, String password) {
        if (!password.equals(this.password)) {
            throw new IllegalArgumentException("The reference system has one password for every user");
        }
    }

    @Override
    public List<ProcessHandle> processes() {
        List<ProcessHandle> masters = new ArrayList<>();
        for (Path pidFile : List.of(work.resolve("postfix-queue/pid/master.pid"), work.resolve("dovecot-run/master.pid"))) {
            readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(masters::add);
        }
        return masters;
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> masters = processes();
        if (Files.isRegularFile(postfixConfiguration().resolve("main.cf"))) {
            runQuietly("postfix", "-c", postfixConfiguration().toString(), "stop");
        }
        if (Files.isRegularFile(dovecotConfiguration())) {
            runQuietly("dovecot", "-c", dovecotConfiguration().toString(), "stop");
        }
        for (ProcessHandle master : masters) {
            try {
                master.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                master.destroyForcibly();
            }
        }
    }

    private void runQuietly(String... command) {
        try {
            run(command);
        } catch (RuntimeException e) {
            // Stopping what may not have started: the master pids are killed below if still alive.
        }
    }

    private void run(String... command) {
        Path output = work.resolve("commands.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                    + "; see " + output + ", " + work.resolve("postfix.log") + " and " + work.resolve("dovecot.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run (is .ci/setup-bench.sh installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening(int... ports) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (int port : ports) {
            while (!PostwallProcess.portOpen(port)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("Nothing listens on 127.0.0.1:" + port + " after " + START_TIMEOUT
                        + "; see " + work.resolve("postfix.log") + " and " + work.resolve("dovecot.log"));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
