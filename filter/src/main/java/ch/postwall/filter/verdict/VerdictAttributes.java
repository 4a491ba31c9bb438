package ch.postwall.filter.verdict;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * The namespaced mail attributes carrying the verdict from the SMTP hook to the mailet chain.
 * Verdicts and reasons are maps keyed by recipient address, because each recipient has its own policy.
 */
public final class VerdictAttributes {
    public static final AttributeName VERDICT = AttributeName.of("postwall.verdict");
    public static final AttributeName REASON = AttributeName.of("postwall.verdict.reason");
    public static final AttributeName SPAM_SCORE = AttributeName.of("postwall.spam.score");
    public static final AttributeName SPAM_SYMBOLS = AttributeName.of("postwall.spam.symbols");
    public static final AttributeName VIRUS = AttributeName.of("postwall.virus");
    public static final AttributeName SPF = AttributeName.of("postwall.spf");
    public static final AttributeName DNSBL = AttributeName.of("postwall.dnsbl");
    public static final AttributeName HELO_RESOLVABLE = AttributeName.of("postwall.helo.resolvable");
    public static final AttributeName UNSCANNED = AttributeName.of("postwall.unscanned");

    private static final String CLEAN = "clean";

    private VerdictAttributes() {
    }

    public static void write(Mail mail, Analysis analysis, Map<MailAddress, Decision> decisions) {
        mail.setAttribute(new Attribute(VERDICT, AttributeValue.of(perRecipient(decisions, decision -> decision.verdict().asString()))));
        mail.setAttribute(new Attribute(REASON, AttributeValue.of(perRecipient(decisions, Decision::reason))));
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
        return mail.getAttribute(VERDICT)
            .flatMap(attribute -> attribute.getValue().asMapAttributeValueOf(String.class))
            .flatMap(verdicts -> Optional.ofNullable(verdicts.value().get(recipient.asString())))
            .map(verdict -> Verdict.parse(verdict.value()));
    }
}
