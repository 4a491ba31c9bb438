package ch.postwall.calendar.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Map;

/** File access and checks shared by the TLS sources, each failure naming the configuration key. */
final class TlsFiles {
    private TlsFiles() {
    }

    static Path readable(LocationResolver resolver, String key, String location) {
        Path file;
        try {
            file = resolver.resolve(location);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(key + ": cannot resolve '" + location + "': " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(key + ": '" + location + "' (" + file + ") is not a readable file");
        }
        return file;
    }

    interface Reader<T> {
        T read(InputStream input) throws IOException, GeneralSecurityException;
    }

    static <T> T read(String key, Path file, Reader<T> reader) {
        try (InputStream input = Files.newInputStream(file)) {
            return reader.read(input);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(key + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Signs and verifies a random challenge: the only check that holds for every key algorithm we offer. */
    static void requireMatch(PrivateKey key, Certificate certificate, String message) {
        Map<String, String> signatures = Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA", "Ed25519", "Ed25519",
            "EdDSA", "Ed25519");
        String algorithm = signatures.get(key.getAlgorithm());
        if (algorithm == null) {
            throw new IllegalArgumentException(message + ": unsupported key algorithm " + key.getAlgorithm()
                + " (supported: " + signatures.keySet() + ")");
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException(message);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(message + ": " + e.getMessage(), e);
        }
    }
}
