package ch.postwall.retention.policy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedRetentionPolicyStoreTest implements RetentionPolicyStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedRetentionPolicyStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedRetentionPolicyStore(databaseExtension.database());
    }

    @Override
    public RetentionPolicyStore store() {
        return store;
    }
}
