package ch.postwall.server.webadmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The WebAdmin administrator's user name and password (HTTP Basic over the loopback-bound WebAdmin). */
public class AdminCredential {
    public static final String GENERATED_PASSWORD_FILE = "webadmin-admin-password";

    private static final Logger LOGGER = LoggerFactory.getLogger(AdminCredential.class);

    /** Uses the configured password, or the one generated into the data directory at first start. */
    public static AdminCredential loadOrGenerate(String username, Optional<String> configuredPassword, Path dataDirectory) {
        return new AdminCredential(username, configuredPassword.orElseGet(() -> generatedPassword(dataDirectory)));
    }

    private static String generatedPassword(Path dataDirectory) {
        Path file = dataDirectory.resolve(GENERATED_PASSWORD_FILE);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDirectory);
            Path temporary = Files.createTempFile(dataDirectory, GENERATED_PASSWORD_FILE, ".tmp");
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            LOGGER.warn("No WebAdmin password configured: generated one into {}", file);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the WebAdmin password file " + file, e);
        }
    }

    private final String username;
    private final byte[] password;

    public AdminCredential(String username, String password) {
        this.username = username;
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    public String username() {
        return username;
    }

    /** Compares in constant time so that timing tells nothing about the password. */
    public boolean matches(String candidateUsername, String candidatePassword) {
        boolean usernameMatches = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
            candidateUsername.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, candidatePassword.getBytes(StandardCharsets.UTF_8));
        return usernameMatches & passwordMatches;
    }
}
