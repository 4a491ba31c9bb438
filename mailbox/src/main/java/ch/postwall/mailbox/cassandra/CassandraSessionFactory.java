package ch.postwall.mailbox.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.backends.cassandra.init.KeyspaceFactory;
import org.apache.james.backends.cassandra.init.configuration.KeyspaceConfiguration;
import org.apache.james.backends.cassandra.versions.CassandraSchemaVersionDAO;
import org.apache.james.backends.cassandra.versions.CassandraSchemaVersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

/**
 * Opens the {@link CqlSession} Postwall works with: checks the cluster answers, creates the keyspace and every table
 * of the given schema (in the Cassandra 5 compatible form), and records the schema version of a fresh keyspace.
 *
 * <p>James's {@code ClusterFactory} cannot be used: it checks the connection with {@code dateOf}, which Cassandra 5
 * removed.
 */
public final class CassandraSessionFactory {
    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraSessionFactory.class);
    // James's DAOs look these execution profiles up by name.
    private static final String LIGHTWEIGHT_TRANSACTION_PROFILE = "LWT";

    private CassandraSessionFactory() {
    }

    public static CqlSession create(CassandraConnectionConfiguration configuration, CassandraModule schema) {
        try (CqlSession withoutKeyspace = builder(configuration).build()) {
            // Cassandra 5 has no dateOf(): this is the liveness query that works on 4 and 5.
            withoutKeyspace.execute("SELECT toTimestamp(now()) FROM system.local");
            KeyspaceFactory.createKeyspace(
                new KeyspaceConfiguration(configuration.keyspace(), configuration.replicationFactor(), true),
                withoutKeyspace).block();
        }
        CqlSession session = builder(configuration).withKeyspace(configuration.keyspace()).build();
        try {
            new CassandraSchemaCreator(session).createMissing(schema);
            recordSchemaVersionOfFreshKeyspace(session);
            LOGGER.info("Connected to Cassandra keyspace {} on {}", configuration.keyspace(), configuration.nodes());
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Our schema creation always creates the latest James schema, so a keyspace without a version is at the latest. */
    private static void recordSchemaVersionOfFreshKeyspace(CqlSession session) {
        CassandraSchemaVersionDAO versions = new CassandraSchemaVersionDAO(session);
        if (versions.getCurrentSchemaVersion().block().isEmpty()) {
            versions.updateVersion(CassandraSchemaVersionManager.MAX_VERSION).block();
        }
    }

    private static CqlSessionBuilder builder(CassandraConnectionConfiguration configuration) {
        CqlSessionBuilder builder = CqlSession.builder()
            .addContactPoints(configuration.nodes())
            .withLocalDatacenter(configuration.localDatacenter())
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                // Cassandra 4 and 5 speak V5; pinning it skips two failed handshakes on every connection.
                .withString(DefaultDriverOption.PROTOCOL_VERSION, "V5")
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, configuration.requestTimeout())
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, configuration.consistencyLevelRegular())
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, configuration.consistencyLevelLightweightTransaction())
                .startProfile(LIGHTWEIGHT_TRANSACTION_PROFILE)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, configuration.consistencyLevelLightweightTransaction())
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, configuration.consistencyLevelLightweightTransaction())
                .endProfile()
                .build());
        configuration.credentials().ifPresent(credentials -> builder.withAuthCredentials(credentials.user(), credentials.password()));
        configuration.tls().ifPresent(tls -> builder.withSslContext(sslContext(tls)));
        return builder;
    }

    private static SSLContext sslContext(CassandraConnectionConfiguration.Tls tls) {
        try {
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (tls.truststore().isPresent()) {
                KeyStore truststore = KeyStore.getInstance(KeyStore.getDefaultType());
                try (InputStream in = Files.newInputStream(tls.truststore().get())) {
                    truststore.load(in, tls.truststorePassword().map(String::toCharArray).orElse(null));
                }
                trustManagers.init(truststore);
            } else {
                trustManagers.init((KeyStore) null);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Cassandra truststore " + tls.truststore().orElseThrow(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS towards Cassandra", e);
        }
    }
}
