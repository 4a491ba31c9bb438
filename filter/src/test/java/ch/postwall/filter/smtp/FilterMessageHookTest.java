package ch.postwall.filter.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.trace.DeliveryStatus;
import ch.postwall.filter.trace.MemoryMessageTraceStore;
import ch.postwall.filter.trace.MessageTraceConfiguration;
import ch.postwall.filter.trace.MessageTraceQuery;
import ch.postwall.filter.trace.MessageTracer;
import ch.postwall.filter.attachment.AttachmentInspector;
import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.mime.TestMessages;
import ch.postwall.filter.policy.Check;
import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.MemoryDomainPolicyStore;
import ch.postwall.filter.policy.ScannerDownBehaviour;
import ch.postwall.filter.scan.ScannerUnavailableException;
import ch.postwall.filter.scan.SpamResult;
import ch.postwall.filter.scan.VirusResult;
import ch.postwall.filter.sender.FakeDnsService;
import ch.postwall.filter.sender.SenderChecks;
import ch.postwall.filter.trace.TraceAttributes;
import ch.postwall.filter.verdict.MessageAnalyzer;
import ch.postwall.filter.verdict.Verdict;
import ch.postwall.filter.verdict.VerdictAttributes;
import ch.postwall.filter.verdict.VerdictEngine;

class FilterMessageHookTest {
    private static final String CLIENT = "198.51.100.7";
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String SENDER = "sender@example.net";
    private static final String EICAR_MARKER = "EICAR-MARKER";
    private static final String SCORE_HEADER = "X-Test-Score: ";

    private final MemoryDomainPolicyStore policies = new MemoryDomainPolicyStore();
    private final FilterConfiguration configuration = FilterConfiguration.from(new BaseConfiguration());
    private final MemoryMessageTraceStore traces = new MemoryMessageTraceStore(Clock.systemUTC(), MessageTraceConfiguration.DEFAULT);
    private final MessageTracer tracer = new MessageTracer(traces, Clock.systemUTC());
    private boolean spamdDown;
    private MessageAnalyzer analyzer;
    private FilterMessageHook hook;
    private SMTPSession session;

    @BeforeEach
    void setUp() {
        // Stand-in scanners: the real daemons are proven in the scan package; here the hook's decisions are under test.
        analyzer = new MessageAnalyzer(
            raw -> {
                if (spamdDown) {
                    throw new ScannerUnavailableException("spamd unreachable at test");
                }
                return new SpamResult(scoreIn(raw), 5, Optional.empty(), List.of("TEST"));
            },
            raw -> new String(raw, StandardCharsets.ISO_8859_1).contains(EICAR_MARKER) ? VirusResult.infected("Test.Virus") : VirusResult.CLEAN,
            new SenderChecks(new FakeDnsService().text("example.net", "v=spf1 ip4:" + CLIENT + " -all"), List.of()),
            new AttachmentInspector(configuration.blockedTypes(), configuration.maxMimeDepth()));
        hook = new FilterMessageHook(analyzer, new VerdictEngine(), policies, configuration, tracer);
        session = mock(SMTPSession.class);
        when(session.getRemoteAddress()).thenReturn(new InetSocketAddress(CLIENT, 25));
        when(session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection)).thenReturn(Optional.of("mail.example.net"));
    }

    private static double scoreIn(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int start = text.indexOf(SCORE_HEADER);
        return start < 0 ? 0 : Double.parseDouble(text.substring(start + SCORE_HEADER.length(), text.indexOf('\r', start)));
    }

    private static byte[] scored(double score, String body) {
        return ((SCORE_HEADER + score + "\r\n") + new String(TestMessages.plain(body), StandardCharsets.ISO_8859_1))
            .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static FakeMail mail(byte[] raw, String... recipients) throws Exception {
        return FakeMail.builder()
            .name("mail1")
            .sender(SENDER)
            .recipients(recipients)
            .mimeMessage(new MimeMessage(Session.getDefaultInstance(new Properties()), new ByteArrayInputStream(raw)))
            .build();
    }

    private static Optional<Object> value(FakeMail mail, AttributeName name) {
        return mail.getAttribute(name).map(attribute -> attribute.getValue().value());
    }

    private static Optional<Verdict> verdict(FakeMail mail, String recipient) throws Exception {
        return VerdictAttributes.verdictOf(mail, new MailAddress(recipient));
    }

    @Test
    void onMessageShouldAcceptAndTagWhenTheMailIsClean() throws Exception {
        FakeMail mail = mail(scored(1.5, "Hello"), ALICE);

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(verdict(mail, ALICE)).contains(Verdict.ACCEPT);
        assertThat(AttributeUtils.getValueAndCastFromMail(mail, TraceAttributes.VERDICT, String.class)).contains("accept");
        assertThat(value(mail, VerdictAttributes.SPAM_SCORE)).contains(1.5);
        assertThat(value(mail, VerdictAttributes.VIRUS)).contains("clean");
        assertThat(value(mail, VerdictAttributes.SPF)).contains("pass");
    }

    @Test
    void onMessageShouldRejectWhenAVirusIsFound() throws Exception {
        HookResult result = hook.onMessage(session, mail(TestMessages.plain(EICAR_MARKER), ALICE));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpRetCode()).isEqualTo("550");
        assertThat(result.getSmtpDescription()).contains("5.7.0").contains("Test.Virus");
    }

    @Test
    void onMessageShouldTraceARejectionSinceTheMailNeverReachesTheChain() throws Exception {
        hook.onMessage(session, mail(TestMessages.plain(EICAR_MARKER), ALICE));

        assertThat(traces.search(MessageTraceQuery.builder().build()))
            .singleElement()
            .satisfies(trace -> {
                assertThat(trace.action()).isEqualTo("reject");
                assertThat(trace.delivery()).isEqualTo(DeliveryStatus.REJECTED);
                assertThat(trace.verdict()).isEqualTo("reject");
            });
    }

    @Test
    void onMessageShouldRejectWhenTheSpamScoreReachesTheRejectThreshold() throws Exception {
        HookResult result = hook.onMessage(session, mail(scored(DomainPolicy.DEFAULT_REJECT_THRESHOLD, "Buy"), ALICE));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpDescription()).contains("spam score");
    }

    @Test
    void onMessageShouldQuarantineWhenTheSpamScoreIsBetweenThresholds() throws Exception {
        FakeMail mail = mail(scored(7, "Maybe"), ALICE);

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(verdict(mail, ALICE)).contains(Verdict.QUARANTINE);
    }

    @Test
    void onMessageShouldAcceptSpamWhenTheSenderIsAllowListed() throws Exception {
        policies.setDomainPolicy(Domain.of("example.com"), policy(Set.of(SENDER), Set.of(), ScannerDownBehaviour.TEMPFAIL));
        FakeMail mail = mail(scored(100, "Newsletter"), ALICE);

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(verdict(mail, ALICE)).contains(Verdict.ACCEPT);
    }

    @Test
    void onMessageShouldRejectWhenTheSenderDomainIsBlockListed() throws Exception {
        policies.setDomainPolicy(Domain.of("example.com"), policy(Set.of(), Set.of("example.net"), ScannerDownBehaviour.TEMPFAIL));

        HookResult result = hook.onMessage(session, mail(scored(0, "Hi"), ALICE));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpDescription()).contains("block-listed");
    }

    @Test
    void onMessageShouldRejectWhenAnAttachmentIsABlockedType() throws Exception {
        byte[] raw = TestMessages.withAttachment("invoice.pdf", "application/pdf", TestMessages.elfExecutable());

        HookResult result = hook.onMessage(session, mail(raw, ALICE));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpDescription()).contains("application/x-executable");
    }

    @Test
    void onMessageShouldRejectWhenTheMimeStructureIsTooDeep() throws Exception {
        StringBuilder raw = new StringBuilder("From: sender@example.net\r\nMIME-Version: 1.0\r\n");
        for (int level = 0; level < 30; level++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b").append(level).append("\"\r\n\r\n--b").append(level).append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\ndeep\r\n");

        HookResult result = hook.onMessage(session, mail(raw.toString().getBytes(StandardCharsets.US_ASCII), ALICE));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpDescription()).contains("could not be analysed");
    }

    @Test
    void onMessageShouldTemporarilyFailWhenTheSpamScannerIsDown() throws Exception {
        spamdDown = true;

        HookResult result = hook.onMessage(session, mail(scored(0, "Hi"), ALICE));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.denySoft());
        assertThat(result.getSmtpRetCode()).isEqualTo("451");
        assertThat(result.getSmtpDescription()).contains("4.3.0").contains("spam scanner unavailable");
    }

    @Test
    void onMessageShouldAcceptAndTagUnscannedWhenThePolicySaysSoAndTheScannerIsDown() throws Exception {
        spamdDown = true;
        policies.setDomainPolicy(Domain.of("example.com"), policy(Set.of(), Set.of(), ScannerDownBehaviour.ACCEPT_AND_TAG));
        FakeMail mail = mail(scored(0, "Hi"), ALICE);

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(verdict(mail, ALICE)).contains(Verdict.ACCEPT);
        assertThat(value(mail, VerdictAttributes.UNSCANNED)).contains("spam");
    }

    @Test
    void onMessageShouldDecidePerRecipientWhenPoliciesDiffer() throws Exception {
        policies.setUserPolicy(Username.of(BOB), new DomainPolicy(2, 3, Set.of(), Set.of(), EnumSet.allOf(Check.class),
            ScannerDownBehaviour.TEMPFAIL));
        FakeMail mail = mail(scored(4, "Offer"), ALICE, BOB);

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(verdict(mail, ALICE)).contains(Verdict.ACCEPT);
        assertThat(verdict(mail, BOB)).contains(Verdict.REJECT);
        assertThat(value(mail, VerdictAttributes.VERDICT)).contains("reject");
        assertThat(mail.getAttribute(VerdictAttributes.REASONS))
            .flatMap(attribute -> attribute.getValue().asMapAttributeValueOf(String.class))
            .map(reasons -> reasons.value().keySet())
            .contains(Set.of(ALICE, BOB));
    }

    @Test
    void onMessageShouldTemporarilyFailWhenThePolicyStoreFails() throws Exception {
        MemoryDomainPolicyStore failing = new MemoryDomainPolicyStore() {
            @Override
            public Optional<DomainPolicy> userPolicy(Username user) {
                throw new IllegalStateException("database down");
            }
        };
        FilterMessageHook failingHook = new FilterMessageHook(analyzer, new VerdictEngine(), failing, configuration, tracer);

        HookResult result = failingHook.onMessage(session, mail(scored(0, "Hi"), ALICE));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.denySoft());
        assertThat(result.getSmtpDescription()).contains("policy store unavailable");
    }

    @Test
    void onMessageShouldDecideWithoutCrashingWhenTheMailHasNulBytesAndBrokenEncodings() throws Exception {
        byte[] raw = ("From: sender@example.net\r\nTo: alice@example.com\r\nSubject: =?x-unknown?B?@@@?=\0\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=\"no-such\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "\0\0!!not base64\r\n--b\r\nContent-Transfer-Encoding: x-bogus\r\n\r\n\u00ff\u00fe\0\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
        FakeMail mail = mail(raw, ALICE);

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(verdict(mail, ALICE)).contains(Verdict.ACCEPT);
    }

    @Test
    void onMessageShouldSkipRelayingSessions() throws Exception {
        when(session.isRelayingAllowed()).thenReturn(true);
        FakeMail mail = mail(TestMessages.plain(EICAR_MARKER), ALICE);

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(mail.getAttribute(VerdictAttributes.VERDICT)).isEmpty();
    }

    @Test
    void onMessageShouldSkipChecksThePolicyTurnsOff() throws Exception {
        policies.setDomainPolicy(Domain.of("example.com"), new DomainPolicy(5, 15, Set.of(), Set.of(), EnumSet.of(Check.SPAM),
            ScannerDownBehaviour.TEMPFAIL));
        FakeMail mail = mail(TestMessages.plain(EICAR_MARKER), ALICE);

        assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
        assertThat(mail.getAttribute(VerdictAttributes.VIRUS)).isEmpty();
    }

    private static DomainPolicy policy(Set<String> allow, Set<String> block, ScannerDownBehaviour whenDown) {
        return new DomainPolicy(5, 15, allow, block, EnumSet.allOf(Check.class), whenDown);
    }
}
