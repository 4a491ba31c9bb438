package ch.postwall.server.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A random password generated once into a file of the data directory, readable by its owner only, so a
 * fresh installation has no default password and the operator reads the generated one there.
 */
public final class GeneratedPassword {
    private static final Logger LOGGER = LoggerFactory.getLogger(GeneratedPassword.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPassword() {
    }

    /** The password in the file, generated into it first when the file does not exist. */
    public static String readOrGenerate(Path dataDirectory, String fileName, String purpose) {
        Path file = dataDirectory.resolve(fileName);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDirectory);
            Path temporary = Files.createTempFile(dataDirectory, fileName, ".tmp");
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            LOGGER.warn("No {} password configured: generated one into {}", purpose, file);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the " + purpose + " password file " + file, e);
        }
    }
}
