package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Domain;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.testing.EmbeddedBackendExtension;
import reactor.core.publisher.Mono;

/** Every change to a quota limit is seen by the next read, on the real embedded database. */
class CachingJPAPerUserMaxQuotaManagerTest {
    private static final AtomicInteger DOMAINS = new AtomicInteger();

    @RegisterExtension
    static final EmbeddedBackendExtension server = new EmbeddedBackendExtension();

    private final MaxQuotaManager limits = server.instance(MaxQuotaManager.class);
    private final Domain domain = Domain.of("limits" + DOMAINS.incrementAndGet() + ".example");
    private final QuotaRoot root = QuotaRoot.quotaRoot("#private&alice@" + domain.asString(), Optional.of(domain));

    @Test
    void theEmbeddedBackendShouldRememberQuotaLimits() {
        assertThat(limits).isInstanceOf(CachingJPAPerUserMaxQuotaManager.class);
    }

    @Test
    void everyChangeShouldBeSeenByTheNextRead() throws Exception {
        assertThat(messageLimits()).isEmpty();
        assertThat(storageLimits()).isEmpty();

        limits.setMaxMessage(root, QuotaCountLimit.count(10));
        assertThat(messageLimits()).containsExactly(Map.entry(Quota.Scope.User, QuotaCountLimit.count(10)));

        Mono.from(limits.setDomainMaxStorageReactive(domain, QuotaSizeLimit.size(5000))).block();
        assertThat(storageLimits()).containsExactly(Map.entry(Quota.Scope.Domain, QuotaSizeLimit.size(5000)));

        limits.setGlobalMaxMessage(QuotaCountLimit.count(1000));
        assertThat(messageLimits()).containsOnly(Map.entry(Quota.Scope.User, QuotaCountLimit.count(10)),
            Map.entry(Quota.Scope.Global, QuotaCountLimit.count(1000)));

        limits.removeMaxMessage(root);
        limits.removeGlobalMaxMessage();
        limits.removeDomainMaxStorage(domain);
        assertThat(messageLimits()).isEmpty();
        assertThat(storageLimits()).isEmpty();
        assertThat(limits.listMaxMessagesDetails(root)).isEmpty();
    }

    private Map<Quota.Scope, QuotaCountLimit> messageLimits() {
        return Mono.from(limits.quotaDetailsReactive(root)).block().getMaxMessageDetails();
    }

    private Map<Quota.Scope, QuotaSizeLimit> storageLimits() {
        return Mono.from(limits.quotaDetailsReactive(root)).block().getMaxStorageDetails();
    }
}
