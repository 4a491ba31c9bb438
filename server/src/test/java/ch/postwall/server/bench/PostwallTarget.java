package ch.postwall.server.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLSocketFactory;

import ch.postwall.server.DistributedServices;
import ch.postwall.server.MailClients;
import ch.postwall.server.PostwallPorts;
import ch.postwall.server.PostwallProcess;
import ch.postwall.server.TestConfiguration;
import ch.postwall.server.WebAdminClient;

/**
 * Postwall started from the shipped conf/ as the tests start it: on the embedded backend, or on the
 * distributed one with the Cassandra and OpenSearch servers the tests start (stopped when this JVM exits).
 */
final class PostwallTarget implements BenchmarkTarget {
    private final PostwallProcess server;
    private final String name;

    private PostwallTarget(PostwallProcess server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Starts Postwall with the given filter.properties keys; {@code filterName} tells them apart in the table. */
    static PostwallTarget start(Path workDirectory, BenchmarkParameters.Backend backend, Map<String, String> filterProperties,
                                String filterName) throws IOException {
        PostwallProcess server = new PostwallProcess(workDirectory, new PostwallPorts(), List.of(), filterProperties);
        if (backend == BenchmarkParameters.Backend.DISTRIBUTED) {
            new DistributedServices().configure(server.configurationDirectory());
        }
        return new PostwallTarget(server.start(), "Postwall " + backend.name().toLowerCase(Locale.ROOT) + filterName);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int smtpPort() {
        return server.ports().smtp;
    }

    @Override
    public int imapPort() {
        return server.ports().imap;
    }

    @Override
    public SSLSocketFactory tls() {
        return new MailClients(server).trustingServerCertificate();
    }

    @Override
    public void createMailbox(String address, String password) {
        new WebAdminClient(server.ports().webAdmin, "admin", TestConfiguration.ADMIN_PASSWORD).createUser(address, password);
    }

    @Override
    public boolean searchesAttachmentText() {
        return true;
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of(server.processHandle());
    }

    @Override
    public void close() {
        server.close();
    }
}
