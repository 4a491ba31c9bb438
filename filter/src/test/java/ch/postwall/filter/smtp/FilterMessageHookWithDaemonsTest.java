package ch.postwall.filter.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.filter.trace.MemoryMessageTraceStore;
import ch.postwall.filter.trace.MessageTraceConfiguration;
import ch.postwall.filter.trace.MessageTracer;
import ch.postwall.filter.attachment.AttachmentInspector;
import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.daemon.ClamdExtension;
import ch.postwall.filter.daemon.SpamdExtension;
import ch.postwall.filter.mime.TestMessages;
import ch.postwall.filter.policy.MemoryDomainPolicyStore;
import ch.postwall.filter.scan.ClamdClient;
import ch.postwall.filter.scan.SpamdClient;
import ch.postwall.filter.sender.FakeDnsService;
import ch.postwall.filter.sender.SenderChecks;
import ch.postwall.filter.verdict.MessageAnalyzer;
import ch.postwall.filter.verdict.Verdict;
import ch.postwall.filter.verdict.VerdictAttributes;
import ch.postwall.filter.verdict.VerdictEngine;

/** The hook with the real spamd and clamd behind it, under the installation's default policy. */
class FilterMessageHookWithDaemonsTest {
    @RegisterExtension
    static ClamdExtension clamd = new ClamdExtension();
    @RegisterExtension
    static SpamdExtension spamd = new SpamdExtension();

    private static final String ALICE = "alice@example.com";

    private FilterMessageHook hook;
    private SMTPSession session;

    @BeforeEach
    void setUp() {
        FilterConfiguration configuration = FilterConfiguration.from(new BaseConfiguration());
        MessageAnalyzer analyzer = new MessageAnalyzer(new SpamdClient(spamd.endpoint()), new ClamdClient(clamd.endpoint()),
            new SenderChecks(new FakeDnsService(), List.of()),
            new AttachmentInspector(configuration.blockedTypes(), configuration.maxMimeDepth()));
        hook = new FilterMessageHook(analyzer, new VerdictEngine(), new MemoryDomainPolicyStore(), configuration,
            new MessageTracer(new MemoryMessageTraceStore(Clock.systemUTC(), MessageTraceConfiguration.DEFAULT), Clock.systemUTC()));
        session = mock(SMTPSession.class);
        when(session.getRemoteAddress()).thenReturn(new InetSocketAddress("192.0.2.1", 25));
        when(session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection)).thenReturn(Optional.of("mx.example.net"));
    }

    private static FakeMail mail(byte[] raw) throws Exception {
        return FakeMail.builder()
            .name("mail1")
            .sender("sender@example.net")
            .recipient(ALICE)
            .mimeMessage(new MimeMessage(Session.getDefaultInstance(new Properties()), new ByteArrayInputStream(raw)))
            .build();
    }

    @Test
    void onMessageShouldRejectGtube() throws Exception {
        HookResult result = hook.onMessage(session, mail(TestMessages.plain(TestMessages.GTUBE)));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpDescription()).contains("spam score");
    }

    @Test
    void onMessageShouldRejectEicarInAZippedAttachment() throws Exception {
        byte[] zip = TestMessages.zip("eicar.com", ClamdExtension.EICAR.getBytes(StandardCharsets.US_ASCII));

        HookResult result = hook.onMessage(session, mail(TestMessages.withAttachment("photos.zip", "application/zip", zip)));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpDescription()).contains("virus found");
    }

    @Test
    void onMessageShouldAcceptACleanMailWithItsScore() throws Exception {
        FakeMail mail = mail(TestMessages.plain("Hi Alice,\r\n\r\nthe minutes of Tuesday's meeting are attached.\r\n\r\nBob"));

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(VerdictAttributes.verdictOf(mail, new MailAddress(ALICE))).contains(Verdict.ACCEPT);
        assertThat(mail.getAttribute(VerdictAttributes.SPAM_SCORE)).isPresent();
    }
}
