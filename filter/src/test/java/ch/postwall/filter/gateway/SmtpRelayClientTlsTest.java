package ch.postwall.filter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS policies against a target offering STARTTLS with a self-signed certificate. */
class SmtpRelayClientTlsTest {
    private static SSLContext serverContext;

    private FakeSmtpTarget target;
    private SmtpRelayClient client;

    @BeforeAll
    static void createCertificate(@TempDir Path directory) throws Exception {
        serverContext = SelfSignedTls.serverContext(directory);
    }

    @BeforeEach
    void setUp() throws Exception {
        target = FakeSmtpTarget.start().offerStartTls(serverContext);
        client = new SmtpRelayClient("relay.test", Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() throws Exception {
        target.close();
    }

    private DeliveryOutcome deliver(TlsPolicy policy) throws Exception {
        Mail mail = FakeMail.builder()
            .name("mail-1")
            .sender("sender@origin.test")
            .recipient("alice@example.com")
            .mimeMessage(GatewayFixtures.originalMessage())
            .build();
        return client.deliver(GatewayRoute.builder(Domain.of("example.com"), "127.0.0.1").port(target.port()).tlsPolicy(policy).build(),
            mail);
    }

    @Test
    void deliverShouldEncryptWhenOpportunisticAndTargetOffersStartTls() throws Exception {
        DeliveryOutcome outcome = deliver(TlsPolicy.OPPORTUNISTIC);

        assertThat(outcome.delivered()).containsExactly(new MailAddress("alice@example.com"));
        assertThat(target.received()).singleElement().satisfies(received -> assertThat(received.tls()).isTrue());
    }

    @Test
    void deliverShouldStayPlainWhenPolicyNoneEvenThoughTargetOffersStartTls() throws Exception {
        deliver(TlsPolicy.NONE);

        assertThat(target.received()).singleElement().satisfies(received -> assertThat(received.tls()).isFalse());
    }

    @Test
    void deliverShouldDeferWithoutSendingWhenRequiredAndCertificateUntrusted() throws Exception {
        DeliveryOutcome outcome = deliver(TlsPolicy.REQUIRED);

        assertThat(outcome.delivered()).isEmpty();
        assertThat(outcome.temporaryFailures()).containsOnlyKeys(new MailAddress("alice@example.com"));
        assertThat(target.received()).isEmpty();
    }
}
