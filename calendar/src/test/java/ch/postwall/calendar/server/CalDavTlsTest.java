package ch.postwall.calendar.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalDavTlsTest {
    @TempDir
    static Path directory;

    static final LocationResolver PATHS = location -> directory.resolve(location);

    @BeforeAll
    static void createPemPairs() throws Exception {
        openssl("first");
        openssl("second");
    }

    /** A self-signed RSA pair {@code <name>-key.pem} (PKCS#8) and {@code <name>-cert.pem}, as the operator brings it. */
    static void openssl(String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-subj", "/CN=localhost", "-days", "2", "-keyout", directory.resolve(name + "-key.pem").toString(),
            "-out", directory.resolve(name + "-cert.pem").toString()))
            .redirectErrorStream(true)
            .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("openssl failed: " + new String(process.getInputStream().readAllBytes()));
        }
    }

    @Test
    void loadShouldHoldTheKeyAndCertificateWhenPemFilesMatch() throws Exception {
        TlsIdentity identity = new CalDavTls.Pem("first-key.pem", "first-cert.pem", Optional.empty()).load(PATHS);

        String alias = Collections.list(identity.keyStore().aliases()).get(0);
        assertThat(identity.keyStore().getKey(alias, identity.password().toCharArray())).isNotNull();
        assertThat(((X509Certificate) identity.keyStore().getCertificate(alias)).getSubjectX500Principal().getName())
            .isEqualTo("CN=localhost");
    }

    @Test
    void loadShouldFailNamingTheKeyWhenPrivateKeyDoesNotMatchCertificate() {
        assertThatThrownBy(() -> new CalDavTls.Pem("second-key.pem", "first-cert.pem", Optional.empty()).load(PATHS))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tls.privateKey does not match");
    }

    @Test
    void loadShouldFailNamingTheKeyWhenFileMissing() {
        assertThatThrownBy(() -> new CalDavTls.Pem("first-key.pem", "absent.pem", Optional.empty()).load(PATHS))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tls.certificates")
            .hasMessageContaining("absent.pem");
    }

    @Test
    void loadShouldFailNamingTheKeyWhenCertificateFileHoldsNoCertificate() throws Exception {
        Files.writeString(directory.resolve("garbage.pem"), "not a certificate\n");

        assertThatThrownBy(() -> new CalDavTls.Pem("first-key.pem", "garbage.pem", Optional.empty()).load(PATHS))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tls.certificates");
    }

    @Test
    void loadShouldFailNamingThePasswordWhenKeystorePasswordWrong() throws Exception {
        Path keystore = TestKeystore.create(Files.createDirectories(directory.resolve("p12")));

        assertThatThrownBy(() -> new CalDavTls.KeyStoreFile(keystore.toString(), "wrong", "PKCS12").load(PATHS))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tls.keystore.path");
    }
}
