package ch.postwall.mailbox.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.POP3ServerModule;
import org.apache.james.modules.protocols.Pop3GuiceProbe;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.modules.server.DataRoutesModules;
import org.apache.james.modules.server.MailQueueRoutesModule;
import org.apache.james.modules.server.MailRepositoriesRoutesModule;
import org.apache.james.modules.server.MailboxRoutesModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.WebAdminServerModule;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The distributed backend under SMTP, IMAP, POP3 and WebAdmin, all on random loopback ports. */
class CassandraBackendWithProtocolsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static CassandraJamesServerExtension james = new CassandraJamesServerExtension(
        new ProtocolHandlerModule(), new SMTPServerModule(), new IMAPServerModule(), new POP3ServerModule(),
        new WebAdminServerModule(), new DataRoutesModules(), new MailboxRoutesModule(), new MailQueueRoutesModule(),
        new MailRepositoriesRoutesModule(), new NoJwtModule())
        .withConfigurationFile("smtpserver.xml", """
            <smtpservers><smtpserver enabled="true">
              <jmxName>smtpserver</jmxName><bind>127.0.0.1:0</bind>
              <authorizedAddresses>127.0.0.0/8</authorizedAddresses>
              <handlerchain><handler class="org.apache.james.smtpserver.CoreCmdHandlerLoader"/></handlerchain>
            </smtpserver></smtpservers>
            """)
        .withConfigurationFile("imapserver.xml", """
            <imapservers><imapserver enabled="true"><jmxName>imapserver</jmxName><bind>127.0.0.1:0</bind></imapserver></imapservers>
            """)
        .withConfigurationFile("pop3server.xml", """
            <pop3servers><pop3server enabled="true">
              <jmxName>pop3server</jmxName><bind>127.0.0.1:0</bind>
              <handlerchain><handler class="org.apache.james.pop3server.core.CoreCmdHandlerLoader"/></handlerchain>
            </pop3server></pop3servers>
            """)
        .withConfigurationFile("webadmin.properties", "enabled=true\nport=0\nhost=127.0.0.1\n");

    @Test
    void smtpShouldGreetWhenBackendIsCassandra() throws IOException {
        assertThat(greeting(james.probe(SmtpGuiceProbe.class).getSmtpPort().getValue())).startsWith("220 ");
    }

    @Test
    void imapShouldGreetWhenBackendIsCassandra() throws IOException {
        assertThat(greeting(james.probe(ImapGuiceProbe.class).getImapPort())).startsWith("* OK");
    }

    @Test
    void pop3ShouldGreetWhenBackendIsCassandra() throws IOException {
        assertThat(greeting(james.probe(Pop3GuiceProbe.class).getPop3Port())).startsWith("+OK");
    }

    @Test
    void webAdminHealthCheckShouldReportCassandraHealthyWhenServerIsUp() throws Exception {
        int port = james.probe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthcheck/checks/Cassandra%20backend"))
                .timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"healthy\"");
    }

    private static String greeting(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
