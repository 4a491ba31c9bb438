package ch.postwall.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate used when the operator configured none: created once in the data directory, so a
 * fresh server speaks TLS from its first start. Clients will warn until a real certificate is set.
 */
public class SelfSignedCertificate {
    /** The locations the sample protocol files point at, as James file URLs. */
    public static final String PRIVATE_KEY_URL = "file://var/tls/selfsigned-key.pem";
    public static final String CERTIFICATE_URL = "file://var/tls/selfsigned-cert.pem";

    private static final Logger LOGGER = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final Duration VALIDITY = Duration.ofDays(825);

    private final Path directory;
    private final Clock clock;

    public SelfSignedCertificate(Path dataDirectory, Clock clock) {
        this.directory = dataDirectory.resolve("tls");
        this.clock = clock;
    }

    public Path privateKeyFile() {
        return directory.resolve("selfsigned-key.pem");
    }

    public Path certificateFile() {
        return directory.resolve("selfsigned-cert.pem");
    }

    /** Creates the key and certificate unless both exist already. */
    public void ensureExists() {
        if (Files.isRegularFile(privateKeyFile()) && Files.isRegularFile(certificateFile())) {
            return;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X509Certificate certificate = sign(keyPair, hostname());
            // Key first, readable by the owner only; each file appears whole (write, then rename).
            writeAtomically(privateKeyFile(), pem(keyPair.getPrivate()), true);
            writeAtomically(certificateFile(), pem(certificate), false);
            LOGGER.warn("No TLS certificate configured: created a self-signed certificate {} (SHA-256 {}). "
                    + "Configure a real certificate in the protocol files of the configuration directory.",
                certificateFile(), fingerprint(certificate));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the self-signed certificate in " + directory, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create the self-signed certificate", e);
        }
    }

    private X509Certificate sign(KeyPair keyPair, String hostname) throws OperatorCreationException, GeneralSecurityException, IOException {
        X500Name subject = new X500Name("CN=" + hostname);
        Instant now = clock.instant();
        GeneralNames alternativeNames = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, hostname),
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(VALIDITY)),
            subject, keyPair.getPublic())
            .addExtension(Extension.subjectAlternativeName, false, alternativeNames)
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter writer = new StringWriter();
        try (JcaPEMWriter pemWriter = new JcaPEMWriter(writer)) {
            pemWriter.writeObject(object);
        }
        return writer.toString();
    }

    private static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        return HexFormat.ofDelimiter(":").withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    private void writeAtomically(Path target, String content, boolean ownerOnly) throws IOException {
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        if (ownerOnly) {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
