package ch.postwall.filter.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.trace.ControllableClock;
import ch.postwall.filter.trace.DeliveryStatus;
import ch.postwall.filter.trace.MemoryMessageTraceStore;
import ch.postwall.filter.trace.MessageTrace;
import ch.postwall.filter.trace.MessageTraceConfiguration;
import ch.postwall.filter.trace.MessageTraceQuery;
import ch.postwall.filter.trace.TraceAttributes;

/** Attempts driven one by one with a controllable clock; the queue is James's memory queue on the same clock. */
class GatewayDeliveryTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Domain EXAMPLE = Domain.of("example.com");
    private static final String TRACE_ID = "trace-1";

    private ControllableClock clock;
    private FakeSmtpTarget target;
    private MemoryGatewayRouteStore routes;
    private MemoryMessageTraceStore traces;
    private ManageableMailQueue queue;
    private FakeMailContext context;
    private GatewayDelivery delivery;

    @BeforeEach
    void setUp() throws Exception {
        clock = new ControllableClock(START);
        target = FakeSmtpTarget.start();
        routes = new MemoryGatewayRouteStore();
        traces = new MemoryMessageTraceStore(clock, MessageTraceConfiguration.DEFAULT);
        queue = new MemoryMailQueueFactory(new RawMailQueueItemDecoratorFactory(), clock)
            .createQueue(MailQueueName.of("gateway-outgoing"));
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@relay.test")).build();
        delivery = new GatewayDelivery(routes, new SmtpRelayClient("relay.test", Duration.ofSeconds(5)), queue, traces,
            new DeliveryFailureNotice("relay.test"), context, clock);
        routeTo(target.port(), TlsPolicy.NONE);
    }

    @AfterEach
    void tearDown() throws Exception {
        target.close();
        queue.close();
    }

    private void routeTo(int port, TlsPolicy tlsPolicy) {
        routes.save(GatewayRoute.builder(EXAMPLE, "127.0.0.1")
            .port(port)
            .tlsPolicy(tlsPolicy)
            .retryPeriod(Duration.ofMinutes(10))
            .retrySchedule(new RetrySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5))))
            .build());
    }

    private Mail trackedMail(MaybeSender sender, String... recipients) throws Exception {
        traces.append(new MessageTrace(TRACE_ID, clock.instant(), "192.0.2.1", sender,
            List.of(new MailAddress(recipients[0])), Optional.of("<figures-1@origin.test>"), 100, Map.of(), "clean",
            "relay", DeliveryStatus.PENDING));
        Mail mail = FakeMail.builder()
            .name("mail-1")
            .sender(sender)
            .recipients(recipients)
            .mimeMessage(GatewayFixtures.originalMessage())
            .attribute(new Attribute(TraceAttributes.TRACE_ID, AttributeValue.of(TRACE_ID)))
            .build();
        delivery.startTracking(mail, EXAMPLE);
        return mail;
    }

    private Mail trackedMail(String... recipients) throws Exception {
        return trackedMail(MaybeSender.of(new MailAddress("sender@origin.test")), recipients);
    }

    private DeliveryStatus traceStatus() {
        return traces.search(MessageTraceQuery.builder().build()).get(0).delivery();
    }

    /** Takes the single queued mail out of the queue, with the time it is due. */
    private Map.Entry<Mail, ZonedDateTime> takeQueued() throws Exception {
        assertThat(queue.getSize()).isEqualTo(1);
        ManageableMailQueue.MailQueueItemView view = queue.browse().next();
        Map.Entry<Mail, ZonedDateTime> queued = Map.entry(view.getMail(), view.getNextDelivery().orElseThrow());
        queue.clear();
        return queued;
    }

    private int stopTarget() throws Exception {
        int port = target.port();
        target.close();
        return port;
    }

    @Test
    void attemptShouldDeliverOnceAndQueueNothingWhenTargetAccepts() throws Exception {
        delivery.attempt(trackedMail("alice@example.com", "bob@example.com"));

        assertThat(target.received()).singleElement().satisfies(received -> {
            assertThat(received.sender()).isEqualTo("sender@origin.test");
            assertThat(received.recipients()).containsExactly("alice@example.com", "bob@example.com");
            assertThat(received.data()).contains(GatewayFixtures.SECRET_BODY);
        });
        assertThat(queue.getSize()).isZero();
        assertThat(context.getSentMails()).isEmpty();
        assertThat(traceStatus()).isEqualTo(DeliveryStatus.RELAYED);
    }

    @Test
    void attemptShouldRetryOnScheduleThenSendHeadersOnlyNoticeWhenTargetStaysDown() throws Exception {
        stopTarget();
        Mail mail = trackedMail("alice@example.com");

        delivery.attempt(mail);
        Map.Entry<Mail, ZonedDateTime> first = takeQueued();
        assertThat(first.getValue().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(AttributeUtils.getValueAndCastFromMail(first.getKey(), GatewayDelivery.FAILURES, Integer.class)).contains(1);
        assertThat(traceStatus()).isEqualTo(DeliveryStatus.DEFERRED);

        clock.advance(Duration.ofMinutes(1));
        delivery.attempt(first.getKey());
        Map.Entry<Mail, ZonedDateTime> second = takeQueued();
        assertThat(second.getValue().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(6)));
        assertThat(context.getSentMails()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        delivery.attempt(second.getKey());

        assertThat(queue.getSize()).isZero();
        assertThat(traceStatus()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(context.getSentMails()).singleElement().satisfies(sent -> {
            assertThat(sent.getSender().isNullSender()).isTrue();
            assertThat(sent.getRecipients()).containsExactly(new MailAddress("sender@origin.test"));
            GatewayFixtures.Notice notice = GatewayFixtures.Notice.of(sent.getMsg());
            assertThat(notice.deliveryStatus())
                .contains("Final-Recipient: rfc822; alice@example.com")
                .contains("Action: failed")
                .contains("Status: 4.4.7");
            assertThat(notice.originalHeaders())
                .contains("From: Sender <sender@origin.test>", "To: alice@example.com", "Subject: Quarterly figures",
                    "Date: Fri, 20 Nov 2026 10:00:00 +0000", "Message-ID: <figures-1@origin.test>")
                .doesNotContain("Cc:", "X-Internal");
            assertThat(notice.raw()).doesNotContain(GatewayFixtures.SECRET_BODY, GatewayFixtures.SECRET_HEADER_VALUE,
                "carol@elsewhere.test");
        });
    }

    @Test
    void attemptShouldDeliverWithoutNoticeWhenTargetBackWithinPeriod() throws Exception {
        int port = stopTarget();
        delivery.attempt(trackedMail("alice@example.com"));
        Mail deferred = takeQueued().getKey();

        target = FakeSmtpTarget.start(port);
        clock.advance(Duration.ofMinutes(1));
        delivery.attempt(deferred);

        assertThat(target.received()).hasSize(1);
        assertThat(queue.getSize()).isZero();
        assertThat(context.getSentMails()).isEmpty();
        assertThat(traceStatus()).isEqualTo(DeliveryStatus.RELAYED);
    }

    @Test
    void attemptShouldNotifyImmediatelyForRefusedRecipientAndDeliverOthersWhenTargetAnswers5xx() throws Exception {
        target.replyToRecipient("bob@example.com", "550 5.1.1 <bob@example.com>: Recipient address rejected");

        delivery.attempt(trackedMail("alice@example.com", "bob@example.com"));

        assertThat(target.received()).singleElement()
            .satisfies(received -> assertThat(received.recipients()).containsExactly("alice@example.com"));
        assertThat(queue.getSize()).isZero();
        assertThat(traceStatus()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(context.getSentMails()).singleElement().satisfies(sent -> {
            GatewayFixtures.Notice notice = GatewayFixtures.Notice.of(sent.getMsg());
            assertThat(notice.deliveryStatus())
                .contains("Final-Recipient: rfc822; bob@example.com")
                .contains("Status: 5.1.1")
                .contains("Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected")
                .doesNotContain("alice@example.com");
        });
    }

    @Test
    void attemptShouldNotifyImmediatelyWhenTargetRefusesData() throws Exception {
        target.replyToData("554 5.7.1 Message refused");

        delivery.attempt(trackedMail("alice@example.com"));

        assertThat(queue.getSize()).isZero();
        assertThat(context.getSentMails()).singleElement()
            .satisfies(sent -> assertThat(GatewayFixtures.Notice.of(sent.getMsg()).deliveryStatus()).contains("Status: 5.7.1"));
    }

    @Test
    void attemptShouldRequeueOnlyDeferredRecipientsWhenTargetAnswers4xxForSome() throws Exception {
        target.replyToRecipient("bob@example.com", "451 4.3.0 Try again later");

        delivery.attempt(trackedMail("alice@example.com", "bob@example.com"));

        assertThat(target.received()).singleElement()
            .satisfies(received -> assertThat(received.recipients()).containsExactly("alice@example.com"));
        assertThat(takeQueued().getKey().getRecipients()).containsExactly(new MailAddress("bob@example.com"));
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void attemptShouldDeferWhenTlsRequiredAndTargetOffersNoStartTls() throws Exception {
        routeTo(target.port(), TlsPolicy.REQUIRED);

        delivery.attempt(trackedMail("alice@example.com"));

        assertThat(target.received()).isEmpty();
        assertThat(queue.getSize()).isEqualTo(1);
    }

    @Test
    void attemptShouldDeliverInPlainWhenTlsOpportunisticAndTargetOffersNoStartTls() throws Exception {
        routeTo(target.port(), TlsPolicy.OPPORTUNISTIC);

        delivery.attempt(trackedMail("alice@example.com"));

        assertThat(target.received()).hasSize(1);
    }

    @Test
    void attemptShouldSendNoNoticeWhenSenderIsNull() throws Exception {
        target.replyToRecipient("alice@example.com", "550 5.1.1 No such user");

        delivery.attempt(trackedMail(MaybeSender.nullSender(), "alice@example.com"));

        assertThat(target.received()).isEmpty();
        assertThat(queue.getSize()).isZero();
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void attemptShouldNotifyWhenRouteWasDeleted() throws Exception {
        routes.delete(EXAMPLE);

        delivery.attempt(trackedMail("alice@example.com"));

        assertThat(target.connections()).isZero();
        assertThat(queue.getSize()).isZero();
        assertThat(context.getSentMails()).hasSize(1);
    }
}
