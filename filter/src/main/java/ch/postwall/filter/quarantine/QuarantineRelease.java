package ch.postwall.filter.quarantine;

import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;

import ch.postwall.filter.verdict.VerdictAttributes;

/**
 * Puts a quarantined mail back on the normal delivery path: into James's spool, in the root state, so that
 * the mailet chain delivers it locally or relays it to the gateway domain's server. The SMTP filter ran at
 * DATA and does not run again; the per-recipient verdicts are dropped so the chain does not quarantine it
 * again (the overall verdict stays, for the message trace).
 *
 * <p>Exactly once: a release first claims the mail in the {@link ReleaseClaimStore}, shared by every node,
 * and only the claim's holder that still finds the mail enqueues it; the copy leaves the quarantine
 * before the claim is dropped, and only after the spool holds it, so a failure keeps it (a crash between
 * the two may release it twice, never lose it).
 */
public class QuarantineRelease {
    /** Set on a released mail: who released it. */
    public static final AttributeName RELEASED_BY = AttributeName.of("postwall.quarantine.releasedBy");
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineRelease.class);

    private final Quarantine quarantine;
    /** Created at the first release: the queue backend may not be up yet when Guice builds this. */
    private final Supplier<MailQueue> spool;
    private final ReleaseClaimStore claims;

    @Inject
    public QuarantineRelease(Quarantine quarantine, ReleaseClaimStore claims, MailQueueFactory<?> queues) {
        this.quarantine = quarantine;
        this.claims = claims;
        this.spool = Suppliers.memoize(() -> queues.createQueue(MailQueueFactory.SPOOL));
    }

    /** The released mail's sender when this call released it; empty when the mail was not there or is being released. */
    public Optional<MaybeSender> release(Username owner, MailKey key, String releasedBy) throws MessagingException {
        String claim = owner.asString() + "/" + key.asString();
        if (!claims.claim(claim)) {
            return Optional.empty();
        }
        try {
            Optional<Mail> mail = quarantine.retrieve(owner, key);
            if (mail.isEmpty()) {
                return Optional.empty();
            }
            try {
                enqueue(mail.get(), releasedBy);
                quarantine.remove(owner, key);
                LOGGER.info("Quarantined mail {} of {} released by {}", key.asString(), owner.asString(), releasedBy);
                return Optional.of(mail.get().getMaybeSender());
            } finally {
                LifecycleUtil.dispose(mail.get());
            }
        } finally {
            claims.drop(claim);
        }
    }

    private void enqueue(Mail mail, String releasedBy) throws MessagingException {
        mail.removeAttribute(VerdictAttributes.RECIPIENT_VERDICTS);
        mail.setAttribute(new Attribute(RELEASED_BY, AttributeValue.of(releasedBy)));
        mail.setState(Mail.DEFAULT);
        spool.get().enQueue(mail);
    }
}
