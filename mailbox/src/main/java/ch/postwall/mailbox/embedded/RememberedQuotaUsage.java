package ch.postwall.mailbox.embedded;

import java.time.Duration;

import org.apache.james.mailbox.model.CurrentQuotas;
import org.apache.james.mailbox.model.QuotaRoot;

/** The current quota usage {@link CachingJpaCurrentQuotaManager} has read, by quota root. */
public class RememberedQuotaUsage extends ForgettingCache<QuotaRoot, CurrentQuotas> {
    public RememberedQuotaUsage() {
        super(10_000, Duration.ofMinutes(1));
    }
}
