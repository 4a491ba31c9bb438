package ch.postwall.server.digest;

import javax.inject.Inject;
import javax.mail.MessagingException;

import ch.postwall.mailbox.lifecycle.PeriodicTask;

/** Makes the quarantine digests at the configured interval. */
public class QuarantineDigestTask extends PeriodicTask {
    @Inject
    public QuarantineDigestTask(QuarantineDigest digest, QuarantineDigestConfiguration configuration) {
        super("Quarantine digest", configuration.interval(), configuration.interval(), () -> {
            try {
                digest.sendDigests();
            } catch (MessagingException e) {
                throw new IllegalStateException("Quarantine digest failed", e);
            }
        });
    }
}
