package ch.postwall.filter.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordTraceTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private MemoryMessageTraceStore store;
    private RecordTrace mailet;

    @BeforeEach
    void setUp() {
        ControllableClock clock = new ControllableClock(NOW);
        store = new MemoryMessageTraceStore(clock, MessageTraceConfiguration.DEFAULT);
        mailet = new RecordTrace(new MessageTracer(store, clock));
    }

    private void init(String action) throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("RecordTrace").setProperty("action", action).build());
    }

    private FakeMail.Builder mail() throws Exception {
        return FakeMail.builder()
            .name("mail-1")
            .sender("sender@origin.test")
            .recipients("alice@example.com", "bob@example.com")
            .remoteAddr("198.51.100.4")
            .size(2048)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Hello").setText("body"));
    }

    @Test
    void serviceShouldTraceVerdictChecksAndEnvelopeWhenAnalysisSetThem() throws Exception {
        init("relay");
        Mail mail = mail()
            .attribute(new Attribute(TraceAttributes.VERDICT, AttributeValue.of("spam")))
            .attribute(new Attribute(TraceAttributes.SPAM_SCORE, AttributeValue.of(7.5)))
            .attribute(new Attribute(TraceAttributes.VIRUS, AttributeValue.of("clean")))
            .attribute(new Attribute(AttributeName.of("postwall.check.attachments"), AttributeValue.of("none")))
            .attribute(new Attribute(AttributeName.of("unrelated"), AttributeValue.of("ignored")))
            .build();

        mailet.service(mail);

        assertThat(store.search(MessageTraceQuery.builder().build())).singleElement().satisfies(trace -> {
            assertThat(trace.time()).isEqualTo(NOW);
            assertThat(trace.remoteIp()).isEqualTo("198.51.100.4");
            assertThat(trace.sender().asString()).isEqualTo("sender@origin.test");
            assertThat(trace.recipients()).containsExactly(new MailAddress("alice@example.com"), new MailAddress("bob@example.com"));
            assertThat(trace.messageId()).isEqualTo(Optional.ofNullable(mail.getMessage().getMessageID()));
            assertThat(trace.size()).isEqualTo(2048);
            assertThat(trace.verdict()).isEqualTo("spam");
            assertThat(trace.checks()).isEqualTo(Map.of("postwall.spam.score", "7.5", "postwall.virus", "clean", "attachments", "none"));
            assertThat(trace.action()).isEqualTo("relay");
            assertThat(trace.delivery()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(AttributeUtils.getValueAndCastFromMail(mail, TraceAttributes.TRACE_ID, String.class)).contains(trace.id());
        });
    }

    @Test
    void serviceShouldTraceNoVerdictWhenAnalysisSetNone() throws Exception {
        init("deliver");

        mailet.service(mail().build());

        assertThat(store.search(MessageTraceQuery.builder().build())).singleElement()
            .satisfies(trace -> assertThat(trace.verdict()).isEqualTo(RecordTrace.NO_VERDICT));
    }

    @Test
    void serviceShouldUseConfiguredDeliveryStatusWhenGiven() throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("RecordTrace")
            .setProperty("action", "quarantine")
            .setProperty("delivery", "quarantined")
            .build());

        mailet.service(mail().build());

        assertThat(store.search(MessageTraceQuery.builder().build())).singleElement()
            .satisfies(trace -> assertThat(trace.delivery()).isEqualTo(DeliveryStatus.QUARANTINED));
    }

    @Test
    void serviceShouldTraceNothingWhenNoRecipientLeft() throws Exception {
        init("relay");

        Mail mail = mail().build();
        mail.setRecipients(List.of());

        mailet.service(mail);

        assertThat(store.search(MessageTraceQuery.builder().from(NOW.minus(Duration.ofDays(1))).build())).isEmpty();
    }

    @Test
    void initShouldFailWhenActionMissing() {
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("RecordTrace").build()))
            .hasMessageContaining("action");
    }

    @Test
    void initShouldFailNamingTheParameterWhenDeliveryUnknown() {
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("RecordTrace")
                .setProperty("action", "relay")
                .setProperty("delivery", "lost")
                .build()))
            .hasMessageContaining("delivery");
    }
}
