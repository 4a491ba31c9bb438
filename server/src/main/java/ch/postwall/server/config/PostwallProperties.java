package ch.postwall.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Postwall's own settings from {@code postwall.properties}. Every key is documented in the sample
 * file in {@code conf/}; an unknown key fails the start so that a typo never silently means a default.
 */
public class PostwallProperties {
    public static final String FILE_NAME = "postwall.properties";

    static final String BACKEND = "backend";
    static final String ADMIN_USERNAME = "webadmin.admin.username";
    static final String ADMIN_PASSWORD = "webadmin.admin.password";
    private static final Set<String> KNOWN_KEYS = Set.of(BACKEND, ADMIN_USERNAME, ADMIN_PASSWORD);

    private static final Backend DEFAULT_BACKEND = Backend.EMBEDDED;
    private static final String DEFAULT_ADMIN_USERNAME = "admin";

    public static PostwallProperties load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException("Missing configuration file " + file);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return from(file, properties);
    }

    static PostwallProperties from(Path file, Properties properties) {
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KNOWN_KEYS);
        if (!unknown.isEmpty()) {
            throw new InvalidConfigurationException(file + ": unknown key(s) " + unknown + "; known keys are " + new TreeSet<>(KNOWN_KEYS));
        }
        Backend backend;
        try {
            backend = Optional.ofNullable(properties.getProperty(BACKEND)).map(Backend::parse).orElse(DEFAULT_BACKEND);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(file + ": key '" + BACKEND + "': " + e.getMessage());
        }
        String adminUsername = Optional.ofNullable(properties.getProperty(ADMIN_USERNAME))
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .orElse(DEFAULT_ADMIN_USERNAME);
        Optional<String> adminPassword = Optional.ofNullable(properties.getProperty(ADMIN_PASSWORD))
            .filter(password -> !password.isEmpty());
        return new PostwallProperties(backend, adminUsername, adminPassword);
    }

    private final Backend backend;
    private final String adminUsername;
    private final Optional<String> adminPassword;

    private PostwallProperties(Backend backend, String adminUsername, Optional<String> adminPassword) {
        this.backend = backend;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    public Backend backend() {
        return backend;
    }

    public String adminUsername() {
        return adminUsername;
    }

    /** The configured WebAdmin password; empty means one is generated into the data directory. */
    public Optional<String> adminPassword() {
        return adminPassword;
    }
}
