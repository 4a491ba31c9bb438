package ch.postwall.server.roles;

import org.junit.jupiter.api.BeforeEach;

class MemoryRoleGrantStoreTest implements RoleGrantStoreContract {
    private MemoryRoleGrantStore store;

    @BeforeEach
    void setUp() {
        store = new MemoryRoleGrantStore(CLOCK);
    }

    @Override
    public RoleGrantStore store() {
        return store;
    }
}
