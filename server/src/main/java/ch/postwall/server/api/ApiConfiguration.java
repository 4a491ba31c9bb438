package ch.postwall.server.api;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.configuration2.Configuration;

import com.google.common.base.Preconditions;

import ch.postwall.server.roles.PasswordHash;
import ch.postwall.server.roles.StaffAccount;

/**
 * Settings of the Postwall REST API, read from {@code api.properties}.
 *
 * @param port           HTTPS port (key {@value #PORT_KEY}, default {@value #DEFAULT_PORT}); 0 picks a free port
 * @param bindAddress    address to listen on (key {@value #BIND_ADDRESS_KEY}, default {@value #DEFAULT_BIND_ADDRESS})
 * @param privateKey     PEM private key (key {@value #PRIVATE_KEY_KEY}); empty: the server's self-signed key
 * @param certificate    PEM certificate chain (key {@value #CERTIFICATE_KEY}); empty: the server's self-signed certificate
 * @param adminLogin     the first platform admin's staff login (key {@value #ADMIN_LOGIN_KEY}, default {@value #DEFAULT_ADMIN_LOGIN})
 * @param adminPasswordHash its password as a {@link PasswordHash} (key {@value #ADMIN_PASSWORD_HASH_KEY}), set at every
 *                       start; empty: a password generated once into {@value #GENERATED_ADMIN_PASSWORD_FILE} of the
 *                       data directory, used only when the account does not exist yet
 */
public record ApiConfiguration(int port, String bindAddress, Optional<Path> privateKey, Optional<Path> certificate,
                               String adminLogin, Optional<String> adminPasswordHash) {
    public static final String PORT_KEY = "port";
    public static final String BIND_ADDRESS_KEY = "bindAddress";
    public static final String PRIVATE_KEY_KEY = "tls.privateKey";
    public static final String CERTIFICATE_KEY = "tls.certificate";
    public static final String ADMIN_LOGIN_KEY = "admin.login";
    public static final String ADMIN_PASSWORD_HASH_KEY = "admin.passwordHash";
    public static final String DEFAULT_ADMIN_LOGIN = "admin";
    public static final String GENERATED_ADMIN_PASSWORD_FILE = "api-admin-password";
    public static final int DEFAULT_PORT = 9443;
    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    public static final ApiConfiguration DEFAULT = builder().build();

    public ApiConfiguration {
        Preconditions.checkArgument(port >= 0 && port <= 65535, "%s must be between 0 and 65535", PORT_KEY);
        Objects.requireNonNull(bindAddress, BIND_ADDRESS_KEY);
        Preconditions.checkArgument(privateKey.isPresent() == certificate.isPresent(),
            "%s and %s must be given together", PRIVATE_KEY_KEY, CERTIFICATE_KEY);
        Preconditions.checkArgument(adminLogin.matches(StaffAccount.LOGIN_PATTERN),
            "%s must be 1-64 characters of a-z, 0-9, '.', '_' or '-'", ADMIN_LOGIN_KEY);
        Preconditions.checkArgument(adminPasswordHash.map(PasswordHash::isWellFormed).orElse(true),
            "%s must be a hash printed by PasswordHash (pbkdf2-sha256$<iterations>$<salt>$<hash>)", ADMIN_PASSWORD_HASH_KEY);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ApiConfiguration from(Configuration configuration) {
        Builder builder = builder();
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            String value = configuration.getString(key).trim();
            switch (key) {
                case PORT_KEY -> builder.port(port(value));
                case BIND_ADDRESS_KEY -> builder.bindAddress(value);
                case PRIVATE_KEY_KEY -> builder.tls(Path.of(value), builder.certificate);
                case CERTIFICATE_KEY -> builder.tls(builder.privateKey, Path.of(value));
                case ADMIN_LOGIN_KEY -> builder.adminLogin(value);
                case ADMIN_PASSWORD_HASH_KEY -> builder.adminPasswordHash(value);
                default -> throw new IllegalArgumentException("Unknown API configuration key: " + key);
            }
        }
        return builder.build();
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for API key " + PORT_KEY + " (expected a port number)", e);
        }
    }

    public static class Builder {
        private int port = DEFAULT_PORT;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private Path privateKey;
        private Path certificate;
        private String adminLogin = DEFAULT_ADMIN_LOGIN;
        private String adminPasswordHash;

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder tls(Path privateKey, Path certificate) {
            this.privateKey = privateKey;
            this.certificate = certificate;
            return this;
        }

        public Builder adminLogin(String adminLogin) {
            this.adminLogin = adminLogin;
            return this;
        }

        public Builder adminPasswordHash(String adminPasswordHash) {
            this.adminPasswordHash = adminPasswordHash;
            return this;
        }

        public ApiConfiguration build() {
            return new ApiConfiguration(port, bindAddress, Optional.ofNullable(privateKey), Optional.ofNullable(certificate),
                adminLogin, Optional.ofNullable(adminPasswordHash));
        }
    }
}
