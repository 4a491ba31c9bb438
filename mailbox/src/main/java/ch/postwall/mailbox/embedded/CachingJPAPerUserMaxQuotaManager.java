package ch.postwall.mailbox.embedded;

import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.jpa.quota.JPAPerUserMaxQuotaManager;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.model.QuotaRoot;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

/**
 * James's JPA quota limits, remembered per quota root: every delivery read the root's six limits (user, domain and
 * global; messages and bytes), each a database query, nearly always finding none. Every change goes through
 * {@link ForgettingJPAPerUserMaxQuotaDAO}, which forgets them all once written; one server per database.
 */
public class CachingJPAPerUserMaxQuotaManager extends JPAPerUserMaxQuotaManager {
    private final RememberedQuotaLimits remembered;

    @Inject
    public CachingJPAPerUserMaxQuotaManager(EntityManagerFactory entityManagerFactory, ForgettingJPAPerUserMaxQuotaDAO dao,
                                            RememberedQuotaLimits remembered) {
        super(entityManagerFactory, dao);
        this.remembered = remembered;
    }

    @Override
    public Publisher<QuotaDetails> quotaDetailsReactive(QuotaRoot quotaRoot) {
        return remembered.getOrRead(quotaRoot, () -> Mono.from(super.quotaDetailsReactive(quotaRoot)), any -> List.of(quotaRoot));
    }

    @Override
    public Map<Quota.Scope, QuotaCountLimit> listMaxMessagesDetails(QuotaRoot quotaRoot) {
        return Mono.from(quotaDetailsReactive(quotaRoot)).block().getMaxMessageDetails();
    }

    @Override
    public Map<Quota.Scope, QuotaSizeLimit> listMaxStorageDetails(QuotaRoot quotaRoot) {
        return Mono.from(quotaDetailsReactive(quotaRoot)).block().getMaxStorageDetails();
    }
}
