package ch.postwall.server.webadmin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

import ch.postwall.server.secrets.GeneratedPassword;

/** The WebAdmin administrator's user name and password (HTTP Basic over the loopback-bound WebAdmin). */
public class AdminCredential {
    public static final String GENERATED_PASSWORD_FILE = "webadmin-admin-password";

    /** Uses the configured password, or the one generated into the data directory at first start. */
    public static AdminCredential loadOrGenerate(String username, Optional<String> configuredPassword, Path dataDirectory) {
        return new AdminCredential(username, configuredPassword.orElseGet(() ->
            GeneratedPassword.readOrGenerate(dataDirectory, GENERATED_PASSWORD_FILE, "WebAdmin")));
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
