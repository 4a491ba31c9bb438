package ch.postwall.filter.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import ch.postwall.filter.scan.ScannerEndpoint;

/** clamd with a local signature database holding only EICAR (signatures cannot be downloaded here). */
public class ClamdExtension extends DaemonExtension {
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    public static final String HASH_SIGNATURE = "Local.EICAR.HDB";
    public static final String BODY_SIGNATURE = "Local.EICAR.NDB";

    @Override
    protected List<String> prepare(Path directory, int port) throws IOException {
        Path database = Files.createDirectories(directory.resolve("db"));
        Files.writeString(database.resolve("local.hdb"), "44d88612fea8a8f36de82e1278abb02f:68:" + HASH_SIGNATURE + "\n");
        Files.writeString(database.resolve("local.ndb"), BODY_SIGNATURE + ":0:*:"
            + HexFormat.of().formatHex("EICAR-STANDARD-ANTIVIRUS-TEST-FILE".getBytes(StandardCharsets.US_ASCII)) + "\n");
        Path configuration = directory.resolve("clamd.conf");
        Files.writeString(configuration, String.join("\n",
            "TCPSocket " + port,
            "TCPAddr " + LOOPBACK,
            "Foreground yes",
            "DatabaseDirectory " + database,
            "TemporaryDirectory " + Files.createDirectories(directory.resolve("tmp")),
            "LogFile " + directory.resolve("clamd.log"),
            "PidFile " + directory.resolve("clamd.pid"),
            "User root",
            "MaxThreads 2",
            ""));
        return List.of("clamd", "--config-file=" + configuration);
    }

    @Override
    protected boolean ready(ScannerEndpoint endpoint) {
        return answers(endpoint, "zPING\0", "PONG");
    }

    @Override
    protected Duration startupTimeout() {
        return Duration.ofSeconds(60);
    }
}
