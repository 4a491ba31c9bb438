package ch.postwall.server.digest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import ch.postwall.mailbox.embedded.EmbeddedDatabaseExtension;

class EmbeddedDigestSettingsStoreTest implements DigestSettingsStoreContract {
    @RegisterExtension
    static EmbeddedDatabaseExtension databaseExtension = new EmbeddedDatabaseExtension();

    private EmbeddedDigestSettingsStore store;

    @BeforeEach
    void setUp() {
        store = new EmbeddedDigestSettingsStore(databaseExtension.database());
    }

    @Override
    public DigestSettingsStore store() {
        return store;
    }
}
