package ch.postwall.filter.quarantine;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.WipeStep;

/** Empties the quarantine of a user, or of every user of a domain. */
public record QuarantineWipeStep(Quarantine quarantine) implements WipeStep {
    public static final String NAME = "quarantine";
    static final String MAILS = "quarantinedMails";

    @Inject
    public QuarantineWipeStep {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        try {
            return DeletionCounts.of(MAILS, quarantine.deleteAllOf(user));
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot empty the quarantine of " + user.asString(), e);
        }
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        try {
            return DeletionCounts.of(MAILS, quarantine.deleteDomain(domain));
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot empty the quarantines of domain " + domain.asString(), e);
        }
    }
}
