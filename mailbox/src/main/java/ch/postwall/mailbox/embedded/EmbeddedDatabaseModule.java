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

    @Provides
    @Singleton
    EmbeddedDatabase provideEmbeddedDatabase(JamesDirectoriesProvider directories) {
        return EmbeddedDatabase.inDirectory(EmbeddedStorageLocation.database(directories));
    }

    @Provides
    @Singleton
    EntityManagerFactory provideEntityManagerFactory(EmbeddedDatabase database) {
        return Persistence.createEntityManagerFactory("Global", Map.of(
            "openjpa.ConnectionDriverName", DERBY_DRIVER,
            "openjpa.ConnectionURL", database.url() + ";create=true",
            "openjpa.Multithreaded", "true"));
    }
}
