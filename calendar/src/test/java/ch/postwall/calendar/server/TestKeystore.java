package ch.postwall.calendar.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Creates a self-signed key store for localhost/127.0.0.1 with the JDK's keytool. */
public final class TestKeystore {
    public static final String PASSWORD = "test-secret";

    private TestKeystore() {
    }

    public static Path create(Path directory) throws IOException, InterruptedException {
        Path keystore = directory.resolve("caldav.p12");
        Path keytool = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "caldav",
            "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
            "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
            "-storepass", PASSWORD, "-keypass", PASSWORD))
            .redirectErrorStream(true)
            .start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes()));
        }
        return keystore;
    }

    public static CalDavConfiguration configuration(Path keystore) {
        return CalDavConfiguration.builder()
            .port(0)
            .bindAddress("127.0.0.1")
            .keystorePath(keystore)
            .keystorePassword(PASSWORD)
            .maxObjectSize(64 * 1024)
            .build();
    }
}
