package ch.postwall.retention.contract.cassandra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.cassandra.CassandraExtension;
import ch.postwall.retention.contract.ContractStore;
import ch.postwall.retention.contract.ContractStoreContract;

class CassandraContractStoreTest implements ContractStoreContract {
    @RegisterExtension
    static CassandraExtension cassandra = new CassandraExtension(CassandraContractTables.MODULE);

    private CassandraContractStore store;

    @BeforeEach
    void setUp() {
        store = new CassandraContractStore(cassandra.session());
    }

    @Override
    public ContractStore store() {
        return store;
    }
}
