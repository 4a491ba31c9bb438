package ch.postwall.server.bench;

import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;

import ch.postwall.server.MailClients;
import ch.postwall.server.PostwallPorts;
import ch.postwall.server.PostwallProcess;
import ch.postwall.server.TestConfiguration;
import ch.postwall.server.WebAdminClient;

/** Postwall on the embedded backend, started from the shipped conf/ as the tests start it. */
final class PostwallTarget implements BenchmarkTarget {
    private final PostwallProcess server;

    private PostwallTarget(PostwallProcess server) {
        this.server = server;
    }

    static PostwallTarget start(Path workDirectory) {
        return new PostwallTarget(new PostwallProcess(workDirectory, new PostwallPorts(), List.of()).start());
    }

    @Override
    public String name() {
        return "Postwall (embedded)";
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
    public ResidentMemory memory() {
        return ResidentMemory.of(List.of(server.processHandle()));
    }

    @Override
    public void close() {
        server.close();
    }
}
