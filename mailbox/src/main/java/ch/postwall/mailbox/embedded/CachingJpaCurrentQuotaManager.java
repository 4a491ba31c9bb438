package ch.postwall.mailbox.embedded;

import java.util.List;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.mailbox.jpa.quota.JpaCurrentQuotaManager;
import org.apache.james.mailbox.model.CurrentQuotas;
import org.apache.james.mailbox.model.QuotaOperation;
import org.apache.james.mailbox.model.QuotaRoot;

import reactor.core.publisher.Mono;

/**
 * James's JPA quota usage, remembered per quota root between its writes: every delivery read the usage of its root
 * (a database query) to check the quota, while {@link BackgroundQuotaUpdater} writes it at most every few tens of
 * milliseconds. Each write through this manager forgets the root's usage once committed; one server per database.
 */
public class CachingJpaCurrentQuotaManager extends JpaCurrentQuotaManager {
    private final RememberedQuotaUsage remembered;

    @Inject
    public CachingJpaCurrentQuotaManager(EntityManagerFactory entityManagerFactory, RememberedQuotaUsage remembered) {
        super(entityManagerFactory);
        this.remembered = remembered;
    }

    @Override
    public Mono<CurrentQuotas> getCurrentQuotas(QuotaRoot quotaRoot) {
        return remembered.getOrRead(quotaRoot, () -> super.getCurrentQuotas(quotaRoot), any -> List.of(quotaRoot));
    }

    @Override
    public Mono<QuotaCountUsage> getCurrentMessageCount(QuotaRoot quotaRoot) {
        return getCurrentQuotas(quotaRoot).map(CurrentQuotas::count);
    }

    @Override
    public Mono<QuotaSizeUsage> getCurrentStorage(QuotaRoot quotaRoot) {
        return getCurrentQuotas(quotaRoot).map(CurrentQuotas::size);
    }

    @Override
    public Mono<Void> increase(QuotaOperation quotaOperation) {
        return forgettingAfter(quotaOperation, super.increase(quotaOperation));
    }

    @Override
    public Mono<Void> decrease(QuotaOperation quotaOperation) {
        return forgettingAfter(quotaOperation, super.decrease(quotaOperation));
    }

    @Override
    public Mono<Void> setCurrentQuotas(QuotaOperation quotaOperation) {
        return forgettingAfter(quotaOperation, super.setCurrentQuotas(quotaOperation));
    }

    private Mono<Void> forgettingAfter(QuotaOperation quotaOperation, Mono<Void> write) {
        return write.doFinally(any -> remembered.forget(quotaOperation.quotaRoot()));
    }
}
