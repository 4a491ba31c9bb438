package ch.postwall.retention.contract;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedContractStoreTest implements ContractStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedContractStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedContractStore(databaseExtension.database());
    }

    @Override
    public ContractStore store() {
        return store;
    }
}
