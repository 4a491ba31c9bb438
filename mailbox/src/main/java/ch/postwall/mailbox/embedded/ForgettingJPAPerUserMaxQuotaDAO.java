package ch.postwall.mailbox.embedded;

import java.util.Optional;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.core.Domain;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.jpa.quota.JPAPerUserMaxQuotaDAO;
import org.apache.james.mailbox.model.QuotaRoot;

/** James's JPA quota limit writes, each forgetting the {@link RememberedQuotaLimits} once committed. */
public class ForgettingJPAPerUserMaxQuotaDAO extends JPAPerUserMaxQuotaDAO {
    private final RememberedQuotaLimits remembered;

    @Inject
    public ForgettingJPAPerUserMaxQuotaDAO(EntityManagerFactory entityManagerFactory, RememberedQuotaLimits remembered) {
        super(entityManagerFactory);
        this.remembered = remembered;
    }

    @Override
    public void setMaxStorage(QuotaRoot quotaRoot, Optional<QuotaSizeLimit> maxStorageQuota) {
        forgettingAfter(() -> super.setMaxStorage(quotaRoot, maxStorageQuota));
    }

    @Override
    public void setMaxMessage(QuotaRoot quotaRoot, Optional<QuotaCountLimit> maxMessageCount) {
        forgettingAfter(() -> super.setMaxMessage(quotaRoot, maxMessageCount));
    }

    @Override
    public void setDomainMaxMessage(Domain domain, Optional<QuotaCountLimit> count) {
        forgettingAfter(() -> super.setDomainMaxMessage(domain, count));
    }

    @Override
    public void setDomainMaxStorage(Domain domain, Optional<QuotaSizeLimit> size) {
        forgettingAfter(() -> super.setDomainMaxStorage(domain, size));
    }

    @Override
    public void setGlobalMaxStorage(Optional<QuotaSizeLimit> globalMaxStorage) {
        forgettingAfter(() -> super.setGlobalMaxStorage(globalMaxStorage));
    }

    @Override
    public void setGlobalMaxMessage(Optional<QuotaCountLimit> globalMaxMessageCount) {
        forgettingAfter(() -> super.setGlobalMaxMessage(globalMaxMessageCount));
    }

    private void forgettingAfter(Runnable write) {
        try {
            write.run();
        } finally {
            remembered.forgetAll();
        }
    }
}
