package ch.postwall.filter.verdict;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import ch.postwall.filter.trace.TraceAttributes;

/**
 * The namespaced mail attributes carrying the verdict from the SMTP hook to the mailet chain.
 * Each recipient has its own policy, so verdicts and reasons are kept per recipient as well as overall. The names
 * are those the message trace ({@link TraceAttributes}) reads.
 */
public final class VerdictAttributes {
    /** The overall verdict, a String: the strictest of the recipients' verdicts (what the message trace records). */
    public static final AttributeName VERDICT = TraceAttributes.VERDICT;
    /** Each recipient's verdict: a map from recipient address to {@link Verdict#asString()}. */
    public static final AttributeName RECIPIENT_VERDICTS = AttributeName.of("postwall.verdict.recipients");
    /** Each recipient's reason: a map from recipient address to a short, content-free reason. */
    public static final AttributeName REASONS = AttributeName.of("postwall.verdict.reasons");
    public static final AttributeName SPAM_SCORE = TraceAttributes.SPAM_SCORE;
    public static final AttributeName VIRUS = TraceAttributes.VIRUS;
    public static final AttributeName SPF = TraceAttributes.SPF;
    public static final AttributeName DNSBL = TraceAttributes.DNSBL;
    // Further results go under the trace's check prefix, so that the message trace records them too.
    public static final AttributeName SPAM_SYMBOLS = AttributeName.of(TraceAttributes.CHECK_PREFIX + "spam.symbols");
    public static final AttributeName HELO_RESOLVABLE = AttributeName.of(TraceAttributes.CHECK_PREFIX + "helo.resolvable");
    public static final AttributeName UNSCANNED = AttributeName.of(TraceAttributes.CHECK_PREFIX + "unscanned");

    private static final String CLEAN = "clean";

    private VerdictAttributes() {
    }

    public static void write(Mail mail, Analysis analysis, Map<MailAddress, Decision> decisions) {
        decisions.values().stream()
            .map(Decision::verdict)
            .max(Comparator.naturalOrder())
            .ifPresent(strictest -> mail.setAttribute(new Attribute(VERDICT, AttributeValue.of(strictest.asString()))));
        mail.setAttribute(new Attribute(RECIPIENT_VERDICTS, AttributeValue.of(perRecipient(decisions, decision -> decision.verdict().asString()))));
        mail.setAttribute(new Attribute(REASONS, AttributeValue.of(perRecipient(decisions, Decision::reason))));
        analysis.spam().ifPresent(spam -> {
            mail.setAttribute(new Attribute(SPAM_SCORE, AttributeValue.of(spam.score())));
            mail.setAttribute(new Attribute(SPAM_SYMBOLS, AttributeValue.of(String.join(",", spam.symbols()))));
        });
        analysis.virus().ifPresent(virus ->
            mail.setAttribute(new Attribute(VIRUS, AttributeValue.of(virus.virusName().orElse(CLEAN)))));
        analysis.sender().ifPresent(sender -> {
            mail.setAttribute(new Attribute(SPF, AttributeValue.of(sender.spf())));
            mail.setAttribute(new Attribute(DNSBL, AttributeValue.of(String.join(",", sender.dnsblListings()))));
            mail.setAttribute(new Attribute(HELO_RESOLVABLE, AttributeValue.of(sender.heloResolvable())));
        });
        if (!analysis.unavailable().isEmpty()) {
            mail.setAttribute(new Attribute(UNSCANNED, AttributeValue.of(analysis.unavailable().stream()
                .map(check -> check.name().toLowerCase())
                .sorted()
                .collect(Collectors.joining(",")))));
        }
    }

    private static Map<String, AttributeValue<?>> perRecipient(Map<MailAddress, Decision> decisions,
                                                               Function<Decision, String> field) {
        return decisions.entrySet().stream()
            .collect(Collectors.toMap(entry -> entry.getKey().asString(), entry -> AttributeValue.of(field.apply(entry.getValue()))));
    }

    /** The verdict the hook gave this recipient, if the mail went through the hook. */
    public static Optional<Verdict> verdictOf(Mail mail, MailAddress recipient) {
        return mail.getAttribute(RECIPIENT_VERDICTS)
            .flatMap(attribute -> attribute.getValue().asMapAttributeValueOf(String.class))
            .flatMap(verdicts -> Optional.ofNullable(verdicts.value().get(recipient.asString())))
            .map(verdict -> Verdict.parse(verdict.value()));
    }
}
