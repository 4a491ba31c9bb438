package ch.postwall.filter.mailet;

import java.util.Collection;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import ch.postwall.filter.verdict.Verdict;
import ch.postwall.filter.verdict.VerdictAttributes;

/**
 * Matches the recipients whose verdict (set by the SMTP filter hook) is the one named in the condition,
 * e.g. {@code HasVerdict=quarantine}. Mails without a verdict match no one.
 */
public class HasVerdict extends GenericMatcher {
    private Verdict verdict;

    @Override
    public void init() throws MessagingException {
        String condition = getCondition();
        if (condition == null || condition.isBlank()) {
            throw new MessagingException("HasVerdict needs a verdict as condition, e.g. HasVerdict=quarantine");
        }
        try {
            verdict = Verdict.parse(condition);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("HasVerdict: " + e.getMessage(), e);
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        return mail.getRecipients().stream()
            .filter(recipient -> VerdictAttributes.verdictOf(mail, recipient).filter(verdict::equals).isPresent())
            .toList();
    }
}
