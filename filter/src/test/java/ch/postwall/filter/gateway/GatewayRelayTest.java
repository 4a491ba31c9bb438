package ch.postwall.filter.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.trace.MemoryMessageTraceStore;
import ch.postwall.filter.trace.MessageTraceConfiguration;

/** The mailet end to end: split, outgoing queue, its consumer and a real SMTP target, with short real delays. */
class GatewayRelayTest {
    private static final Domain EXAMPLE = Domain.of("example.com");
    private static final Duration AWAIT = Duration.ofSeconds(20);

    private FakeSmtpTarget target;
    private MemoryGatewayRouteStore routes;
    private MemoryMailQueueFactory queueFactory;
    private ManageableMailQueue queue;
    private FakeMailContext context;
    private GatewayRelay relay;

    @BeforeEach
    void setUp() throws Exception {
        target = FakeSmtpTarget.start();
        routes = new MemoryGatewayRouteStore();
        queueFactory = new MemoryMailQueueFactory(new RawMailQueueItemDecoratorFactory());
        queue = queueFactory.createQueue(MailQueueName.of(GatewayRelay.DEFAULT_QUEUE));
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@relay.test")).build();
        relay = new GatewayRelay(routes, new MemoryMessageTraceStore(Clock.systemUTC(), MessageTraceConfiguration.DEFAULT),
            queueFactory, Clock.systemUTC());
        routeTo(EXAMPLE, target.port(), Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() throws Exception {
        relay.destroy();
        target.close();
        queue.close();
    }

    private void init() throws Exception {
        relay.init(FakeMailetConfig.builder()
            .mailetName("GatewayRelay")
            .mailetContext(context)
            .setProperty("heloName", "relay.test")
            .setProperty("timeout", "5s")
            .build());
    }

    private void routeTo(Domain domain, int port, Duration retryPeriod) {
        routes.save(GatewayRoute.builder(domain, "127.0.0.1")
            .port(port)
            .tlsPolicy(TlsPolicy.NONE)
            .retryPeriod(retryPeriod)
            .retrySchedule(new RetrySchedule(List.of(Duration.ofMillis(100))))
            .build());
    }

    private Mail mail(String... recipients) throws Exception {
        return FakeMail.builder()
            .name("mail-1")
            .sender("sender@origin.test")
            .recipients(recipients)
            .mimeMessage(GatewayFixtures.originalMessage())
            .state("gateway")
            .build();
    }

    private void awaitEmptyQueue() {
        await().atMost(AWAIT).until(() -> queue.getSize() == 0);
    }

    @Test
    void serviceShouldRelayGatewayRecipientsOnceAndKeepOthersInTheChain() throws Exception {
        init();
        Mail mail = mail("alice@example.com", "local@hosted.test");

        relay.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("local@hosted.test"));
        assertThat(mail.getState()).isEqualTo("gateway");
        await().atMost(AWAIT).until(() -> target.received().size() == 1);
        awaitEmptyQueue();
        assertThat(target.received()).singleElement()
            .satisfies(received -> assertThat(received.recipients()).containsExactly("alice@example.com"));
        assertThat(target.connections()).isEqualTo(1);
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void serviceShouldGhostMailWhenAllRecipientsAreRelayed() throws Exception {
        init();
        Mail mail = mail("alice@example.com");

        relay.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(mail.getRecipients()).isEmpty();
    }

    @Test
    void serviceShouldLeaveMailUntouchedWhenNoGatewayRecipient() throws Exception {
        init();
        Mail mail = mail("local@hosted.test");

        relay.service(mail);

        assertThat(mail.getRecipients()).containsExactly(new MailAddress("local@hosted.test"));
        assertThat(mail.getState()).isEqualTo("gateway");
        assertThat(queue.getSize()).isZero();
    }

    @Test
    void serviceShouldRelayEachDomainToItsOwnTargetWhenSeveralGatewayDomains() throws Exception {
        try (FakeSmtpTarget otherTarget = FakeSmtpTarget.start()) {
            routeTo(Domain.of("other.org"), otherTarget.port(), Duration.ofMinutes(1));
            init();

            relay.service(mail("alice@example.com", "carol@other.org", "bob@example.com"));

            await().atMost(AWAIT).until(() -> target.received().size() == 1 && otherTarget.received().size() == 1);
            assertThat(target.received().get(0).recipients()).containsExactlyInAnyOrder("alice@example.com", "bob@example.com");
            assertThat(otherTarget.received().get(0).recipients()).containsExactly("carol@other.org");
        }
    }

    @Test
    void serviceShouldDeliverWithoutNoticeWhenTargetComesBackWithinThePeriod() throws Exception {
        int port = target.port();
        target.close();
        init();

        relay.service(mail("alice@example.com"));
        // Let a few attempts fail against the closed port before the target comes back.
        Thread.sleep(500);
        target = FakeSmtpTarget.start(port);

        await().atMost(AWAIT).until(() -> target.received().size() == 1);
        awaitEmptyQueue();
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void serviceShouldSendHeadersOnlyNoticeAndEmptyQueueWhenTargetStaysDownForThePeriod() throws Exception {
        routeTo(EXAMPLE, target.port(), Duration.ofMillis(700));
        target.close();
        init();

        relay.service(mail("alice@example.com"));

        await().atMost(AWAIT).until(() -> context.getSentMails().size() == 1);
        awaitEmptyQueue();
        GatewayFixtures.Notice notice = GatewayFixtures.Notice.of(context.getSentMails().get(0).getMsg());
        assertThat(notice.deliveryStatus()).contains("Status: 4.4.7");
        assertThat(notice.raw()).doesNotContain(GatewayFixtures.SECRET_BODY);
    }

    @Test
    void serviceShouldNotifyAfterOneAttemptWhenTargetAnswers5xx() throws Exception {
        target.replyToRecipient("alice@example.com", "550 5.1.1 No such user");
        init();

        relay.service(mail("alice@example.com"));

        await().atMost(AWAIT).until(() -> context.getSentMails().size() == 1);
        awaitEmptyQueue();
        assertThat(target.connections()).isEqualTo(1);
        assertThat(GatewayFixtures.Notice.of(context.getSentMails().get(0).getMsg()).deliveryStatus()).contains("Status: 5.1.1");
    }

    @Test
    void initShouldFailNamingTheParameterWhenDeliveryThreadsInvalid() {
        assertThatThrownBy(() -> relay.init(FakeMailetConfig.builder()
                .mailetName("GatewayRelay")
                .mailetContext(context)
                .setProperty("deliveryThreads", "many")
                .build()))
            .hasMessageContaining("deliveryThreads");
    }
}
