package ch.postwall.filter.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedDomainPolicyStoreTest implements DomainPolicyStoreContract {
    @RegisterExtension
    EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedDomainPolicyStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedDomainPolicyStore(databaseExtension.database());
    }

    @Override
    public DomainPolicyStore store() {
        return store;
    }

    @Test
    void policiesShouldSurviveANewStoreOnTheSameDatabase() {
        store.setDomainPolicy(DOMAIN, STRICT);

        EmbeddedDomainPolicyStore reopened = new EmbeddedDomainPolicyStore(databaseExtension.database());

        assertThat(reopened.domainPolicy(DOMAIN)).contains(STRICT);
    }
}
