package ch.postwall.mailbox.embedded;

import java.time.Duration;

import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.MaxQuotaManager;

/** The quota limits (user, domain, global) {@link CachingJPAPerUserMaxQuotaManager} has read, by quota root. */
public class RememberedQuotaLimits extends ForgettingCache<QuotaRoot, MaxQuotaManager.QuotaDetails> {
    public RememberedQuotaLimits() {
        super(10_000, Duration.ofMinutes(1));
    }
}
