package ch.postwall.filter.quarantine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedReleaseClaimStoreTest implements ReleaseClaimStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedReleaseClaimStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedReleaseClaimStore(databaseExtension.database(), CLOCK);
    }

    @Override
    public ReleaseClaimStore store() {
        return store;
    }
}
