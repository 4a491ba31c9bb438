package ch.postwall.retention.policy.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.retention.policy.RetentionPolicyStore;
import ch.postwall.retention.policy.RetentionPolicyStoreContract;

class CassandraRetentionPolicyStoreTest implements RetentionPolicyStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraRetentionPolicyTables.MODULE);

    private CassandraRetentionPolicyStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraRetentionPolicyStore(cassandra.session());
    }

    @Override
    public RetentionPolicyStore store() {
        return store;
    }
}
