package ch.postwall.mailbox.embedded;

import java.util.Map;

import javax.inject.Singleton;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * The embedded Derby database under the data directory, shared by James's JPA stores (through
 * OpenJPA, persistence unit "Global") and Postwall's own stores (through JDBC).
 */
public class EmbeddedDatabaseModule extends AbstractModule {
    private static final String DERBY_DRIVER = "org.apache.derby.jdbc.EmbeddedDriver";
    /**
     * IMAP STATUS, SELECT and the NOTIFY-less polling of clients count a mailbox's messages and unseen messages;
     * James's JPA mapping has no index serving the unseen count, so Derby read every row of the mailbox each time.
     */
    static final String MAILBOX_COUNTERS_INDEX =
        "CREATE INDEX POSTWALL_MAIL_MAILBOX_SEEN ON JAMES_MAIL (MAILBOX_ID, MAIL_IS_SEEN)";

    @Provides
    @Singleton
    EmbeddedDatabase provideEmbeddedDatabase(JamesDirectoriesProvider directories) {
        return EmbeddedDatabase.inDirectory(EmbeddedStorageLocation.database(directories));
    }

    @Provides
    @Singleton
    EntityManagerFactory provideEntityManagerFactory(EmbeddedDatabase database) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("Global", Map.of(
            "openjpa.ConnectionDriverName", DERBY_DRIVER,
            "openjpa.ConnectionURL", database.url() + ";create=true",
            "openjpa.Multithreaded", "true"));
        // OpenJPA creates James's tables when the first entity manager opens; the index needs them.
        factory.createEntityManager().close();
        database.createIfMissing(MAILBOX_COUNTERS_INDEX);
        return factory;
    }
}
