package ch.postwall.retention.contract;

import org.junit.jupiter.api.BeforeEach;

class MemoryContractStoreTest implements ContractStoreContract {
    private MemoryContractStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryContractStore();
    }

    @Override
    public ContractStore store() {
        return store;
    }
}
