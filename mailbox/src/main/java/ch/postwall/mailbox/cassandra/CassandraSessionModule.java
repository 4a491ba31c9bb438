package ch.postwall.mailbox.cassandra;

import java.io.FileNotFoundException;
import java.util.Set;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.backends.cassandra.init.CassandraZonedDateTimeModule;
import org.apache.james.backends.cassandra.init.configuration.CassandraConfiguration;
import org.apache.james.backends.cassandra.utils.CassandraHealthCheck;
import org.apache.james.backends.cassandra.versions.CassandraSchemaVersionDAO;
import org.apache.james.backends.cassandra.versions.CassandraSchemaVersionManager;
import org.apache.james.backends.cassandra.versions.CassandraSchemaVersionModule;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.mailbox.store.BatchSizes;
import org.apache.james.utils.PropertiesProvider;

import com.datastax.oss.driver.api.core.CqlSession;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

/**
 * The {@link CqlSession} of the distributed backend, from {@code cassandra.properties} (required). Every Cassandra
 * feature module contributes its tables to the {@code Set<CassandraModule>}; they are all created when the session
 * is first needed.
 */
public class CassandraSessionModule extends AbstractModule {
    static final String CONFIGURATION_FILE = "cassandra";

    @Override
    protected void configure() {
        Multibinder<CassandraModule> schema = Multibinder.newSetBinder(binder(), CassandraModule.class);
        schema.addBinding().toInstance(CassandraZonedDateTimeModule.MODULE);
        schema.addBinding().toInstance(CassandraSchemaVersionModule.MODULE);

        bind(InitializedSession.class).in(Scopes.SINGLETON);
        bind(CassandraSchemaVersionDAO.class).in(Scopes.SINGLETON);
        bind(CassandraSchemaVersionManager.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(CassandraHealthCheck.class);
    }

    @Provides
    @Singleton
    @Named(CONFIGURATION_FILE)
    Configuration cassandraProperties(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return propertiesProvider.getConfiguration(CONFIGURATION_FILE);
        } catch (FileNotFoundException e) {
            throw new ConfigurationException("The distributed backend needs " + CONFIGURATION_FILE + ".properties", e);
        }
    }

    @Provides
    @Singleton
    CassandraConnectionConfiguration connectionConfiguration(@Named(CONFIGURATION_FILE) Configuration cassandraProperties) {
        return CassandraConnectionConfiguration.from(cassandraProperties);
    }

    /** James's own mailbox tuning, from the same file. */
    @Provides
    @Singleton
    CassandraConfiguration mailboxTuning(@Named(CONFIGURATION_FILE) Configuration cassandraProperties) {
        return CassandraConfiguration.from(cassandraProperties);
    }

    @Provides
    @Singleton
    BatchSizes batchSizes() {
        return BatchSizes.defaultValues();
    }

    @Provides
    @Singleton
    CassandraModule schema(Set<CassandraModule> modules) {
        return CassandraModule.aggregateModules(modules);
    }

    @Provides
    @Singleton
    CqlSession session(InitializedSession initializedSession) {
        return initializedSession.session;
    }

    /** Holds the session so that it is closed when the server stops. */
    static class InitializedSession {
        private final CqlSession session;

        @Inject
        InitializedSession(CassandraConnectionConfiguration configuration, CassandraModule schema) {
            this.session = CassandraSessionFactory.create(configuration, schema);
        }

        @PreDestroy
        void close() {
            session.close();
        }
    }
}
