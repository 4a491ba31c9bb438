package ch.postwall.server.roles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.google.common.base.Preconditions;

/**
 * Staff password hashing: PBKDF2 with HMAC-SHA256, a random 16-byte salt per password, encoded as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the cost can grow without invalidating old hashes.
 */
public final class PasswordHash {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** Prints the hash of a password read from the console (or standard input), e.g. for {@code admin.passwordHash}. */
    public static void main(String[] arguments) throws IOException {
        char[] password = System.console() != null
            ? System.console().readPassword("Password: ")
            : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine().toCharArray();
        System.out.println(hash(password));
    }

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    public static String hash(char[] password, int iterations) {
        Preconditions.checkArgument(password.length > 0, "Password must not be empty");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
            + base64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether the text has the encoded form {@link #hash} produces. */
    public static boolean isWellFormed(String encoded) {
        return encoded.matches(SCHEME + "\\$[1-9][0-9]{0,8}\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+");
    }

    /** Whether the password matches; false for a malformed hash. Compares in constant time. */
    public static boolean verify(char[] password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] expected = base64.decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, base64.decode(parts[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
