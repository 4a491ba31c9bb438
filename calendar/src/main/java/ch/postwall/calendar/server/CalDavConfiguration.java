package ch.postwall.calendar.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.configuration2.Configuration;

/**
 * Settings of the CalDAV server, read from {@code caldav.properties}. Unknown keys and invalid
 * values fail with a message naming the key. Defaults: port 8443 on every address, PKCS12 key
 * store, 1 MiB per request body, 50 worker threads. The key store path and password are required:
 * the server speaks HTTPS only (TLS 1.2 and 1.3), as it takes passwords in Basic authentication.
 */
public record CalDavConfiguration(int port, String bindAddress, Path keystorePath, String keystorePassword,
                                  String keystoreType, long maxObjectSize, int maxThreads) {
    public static final String PORT = "port";
    public static final String BIND_ADDRESS = "bind.address";
    public static final String KEYSTORE_PATH = "tls.keystore.path";
    public static final String KEYSTORE_PASSWORD = "tls.keystore.password";
    public static final String KEYSTORE_TYPE = "tls.keystore.type";
    public static final String MAX_OBJECT_SIZE = "max.object.size";
    public static final String MAX_THREADS = "threads.max";
    private static final Set<String> KEYS = Set.of(PORT, BIND_ADDRESS, KEYSTORE_PATH, KEYSTORE_PASSWORD, KEYSTORE_TYPE,
        MAX_OBJECT_SIZE, MAX_THREADS);

    public static final int DEFAULT_PORT = 8443;
    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    public static final String DEFAULT_KEYSTORE_TYPE = "PKCS12";
    public static final long DEFAULT_MAX_OBJECT_SIZE = 1024 * 1024;
    public static final int DEFAULT_MAX_THREADS = 50;

    public CalDavConfiguration {
        Objects.requireNonNull(bindAddress);
        Objects.requireNonNull(keystorePath);
        Objects.requireNonNull(keystorePassword);
        Objects.requireNonNull(keystoreType);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT + " must be between 0 and 65535, got " + port);
        }
        if (maxObjectSize < 1) {
            throw new IllegalArgumentException(MAX_OBJECT_SIZE + " must be positive, got " + maxObjectSize);
        }
        if (maxThreads < 4) {
            throw new IllegalArgumentException(MAX_THREADS + " must be at least 4, got " + maxThreads);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CalDavConfiguration from(Configuration configuration) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown CalDAV configuration keys " + unknown + "; known keys are " + KEYS);
        }
        Builder builder = builder()
            .port(integer(configuration, PORT).orElse(DEFAULT_PORT))
            .bindAddress(text(configuration, BIND_ADDRESS).orElse(DEFAULT_BIND_ADDRESS))
            .keystorePath(Path.of(text(configuration, KEYSTORE_PATH)
                .orElseThrow(() -> new IllegalArgumentException(KEYSTORE_PATH + " is required"))))
            .keystorePassword(text(configuration, KEYSTORE_PASSWORD)
                .orElseThrow(() -> new IllegalArgumentException(KEYSTORE_PASSWORD + " is required")))
            .keystoreType(text(configuration, KEYSTORE_TYPE).orElse(DEFAULT_KEYSTORE_TYPE))
            .maxThreads(integer(configuration, MAX_THREADS).orElse(DEFAULT_MAX_THREADS));
        integer(configuration, MAX_OBJECT_SIZE).ifPresent(size -> builder.maxObjectSize(size));
        return builder.build();
    }

    private static Optional<String> text(Configuration configuration, String key) {
        return Optional.ofNullable(configuration.getString(key, null)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static Optional<Integer> integer(Configuration configuration, String key) {
        return text(configuration, key).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'", e);
            }
        });
    }

    public static class Builder {
        private int port = DEFAULT_PORT;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private Path keystorePath;
        private String keystorePassword;
        private String keystoreType = DEFAULT_KEYSTORE_TYPE;
        private long maxObjectSize = DEFAULT_MAX_OBJECT_SIZE;
        private int maxThreads = DEFAULT_MAX_THREADS;

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder keystorePath(Path keystorePath) {
            this.keystorePath = keystorePath;
            return this;
        }

        public Builder keystorePassword(String keystorePassword) {
            this.keystorePassword = keystorePassword;
            return this;
        }

        public Builder keystoreType(String keystoreType) {
            this.keystoreType = keystoreType;
            return this;
        }

        public Builder maxObjectSize(long maxObjectSize) {
            this.maxObjectSize = maxObjectSize;
            return this;
        }

        public Builder maxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
            return this;
        }

        public CalDavConfiguration build() {
            return new CalDavConfiguration(port, bindAddress, keystorePath, keystorePassword, keystoreType, maxObjectSize, maxThreads);
        }
    }
}
