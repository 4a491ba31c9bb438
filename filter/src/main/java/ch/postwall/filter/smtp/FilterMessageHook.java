package ch.postwall.filter.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.policy.Check;
import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.DomainPolicyStore;
import ch.postwall.filter.trace.DeliveryStatus;
import ch.postwall.filter.trace.MessageTracer;
import ch.postwall.filter.verdict.Analysis;
import ch.postwall.filter.verdict.Decision;
import ch.postwall.filter.verdict.MessageAnalyzer;
import ch.postwall.filter.verdict.Verdict;
import ch.postwall.filter.verdict.VerdictAttributes;
import ch.postwall.filter.verdict.VerdictEngine;

/**
 * Runs at DATA, before the 250: scans the message once, decides per recipient under that recipient's
 * policy, and answers 4xx when a needed scanner is down, 5xx when every recipient rejects. Otherwise the
 * verdicts go on the mail as attributes for the mailet chain (which also handles a reject that only
 * some recipients' policies ask for, since one DATA reply cannot split recipients).
 */
public class FilterMessageHook implements JamesMessageHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(FilterMessageHook.class);

    private final MessageAnalyzer analyzer;
    private final VerdictEngine verdictEngine;
    private final DomainPolicyStore policyStore;
    private final DomainPolicy installationDefault;
    private final MessageTracer tracer;

    @Inject
    public FilterMessageHook(MessageAnalyzer analyzer, VerdictEngine verdictEngine, DomainPolicyStore policyStore,
                             FilterConfiguration configuration, MessageTracer tracer) {
        this.analyzer = analyzer;
        this.verdictEngine = verdictEngine;
        this.policyStore = policyStore;
        this.installationDefault = configuration.defaultPolicy();
        this.tracer = tracer;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        if (session.isRelayingAllowed()) {
            // Authenticated submission and trusted networks: the inbound gateway filter does not apply.
            return HookResult.DECLINED;
        }
        Map<MailAddress, DomainPolicy> policies = new LinkedHashMap<>();
        try {
            mail.getRecipients().forEach(recipient ->
                policies.put(recipient, policyStore.effectivePolicy(Username.fromMailAddress(recipient), installationDefault)));
        } catch (RuntimeException e) {
            // Filtering under a default policy could accept what the domain rejects: let the sender retry.
            LOGGER.error("Policy store unavailable for mail {}", mail.getName(), e);
            return temporaryFailure("policy store unavailable");
        }
        Set<Check> checks = EnumSet.noneOf(Check.class);
        policies.values().forEach(policy -> checks.addAll(policy.checks()));

        byte[] rawMessage;
        try {
            rawMessage = raw(mail);
        } catch (IOException | MessagingException e) {
            LOGGER.warn("Mail {} cannot be serialised for scanning: {}", mail.getName(), e.getMessage());
            return reply(HookReturnCode.deny(), "550", DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.CONTENT_OTHER),
                "Message could not be read");
        }
        MessageAnalyzer.Envelope envelope = new MessageAnalyzer.Envelope(session.getRemoteAddress().getAddress(),
            session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection).orElse(""), mail.getMaybeSender());
        Analysis analysis = analyzer.analyze(rawMessage, envelope, checks);

        Map<MailAddress, Decision> decisions = new LinkedHashMap<>();
        policies.forEach((recipient, policy) -> decisions.put(recipient, verdictEngine.decide(mail.getMaybeSender(), analysis, policy)));
        LOGGER.debug("Mail {} from {}: {}", mail.getName(), mail.getMaybeSender().asString(), decisions);

        Optional<HookResult> refusal = decisions.values().stream()
            .filter(decision -> decision.verdict() == Verdict.TEMPFAIL)
            .findFirst()
            .map(decision -> temporaryFailure(decision.reason()))
            .or(() -> allRejected(decisions));
        VerdictAttributes.write(mail, analysis, decisions);
        refusal.filter(result -> HookReturnCode.deny().equals(result.getResult()))
            .ifPresent(rejected -> traceRejection(mail));
        return refusal.orElse(HookResult.DECLINED);
    }

    /** A mail rejected here never reaches the mailet chain, so its trace entry is written now. */
    private void traceRejection(Mail mail) {
        try {
            tracer.record(mail, "reject", DeliveryStatus.REJECTED);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("Cannot trace the rejection of mail {}", mail.getName(), e);
        }
    }

    private static Optional<HookResult> allRejected(Map<MailAddress, Decision> decisions) {
        if (decisions.isEmpty() || !decisions.values().stream().allMatch(decision -> decision.verdict() == Verdict.REJECT)) {
            return Optional.empty();
        }
        String reason = decisions.values().iterator().next().reason();
        return Optional.of(reply(HookReturnCode.deny(), "550",
            DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.SECURITY_OTHER), "Rejected: " + reason));
    }

    private static HookResult temporaryFailure(String reason) {
        return reply(HookReturnCode.denySoft(), "451", DSNStatus.getStatus(DSNStatus.TRANSIENT, DSNStatus.SYSTEM_OTHER),
            "Temporary failure: " + reason);
    }

    private static HookResult reply(HookReturnCode code, String smtpCode, String status, String text) {
        return HookResult.builder()
            .hookReturnCode(code)
            .smtpReturnCode(smtpCode)
            .smtpDescription(status + " " + text)
            .build();
    }

    private static byte[] raw(Mail mail) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }
}
