package ch.postwall.server;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.server.config.ConfigurationValidator;
import ch.postwall.server.config.InvalidConfigurationException;
import ch.postwall.server.tls.SelfSignedCertificate;

/** Starts Postwall: {@code java @conf/jvm.options -jar postwall-server.jar [--conf DIR] [--data DIR]}. */
public final class PostwallServerMain {
    private static final String USAGE = "Usage: java -jar postwall-server.jar [--conf DIR (default ./conf)] [--data DIR (default ./var)]";

    private PostwallServerMain() {
    }

    public static void main(String[] args) {
        PostwallArguments arguments;
        try {
            arguments = PostwallArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        // Before anything logs or Derby starts: everything written goes below the data directory.
        System.setProperty("derby.stream.error.file", arguments.dataDirectory().resolve("derby.log").toString());
        Logging.configure(arguments.configurationDirectory());
        Logger logger = LoggerFactory.getLogger(PostwallServerMain.class);
        try {
            GuiceJamesServer server = start(arguments.configurationDirectory(), arguments.dataDirectory());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postwall-shutdown"));
        } catch (InvalidConfigurationException e) {
            logger.error("Invalid configuration: {}", e.getMessage());
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            logger.error("Postwall failed to start", e);
            System.exit(1);
        }
    }

    /** Validates the configuration, prepares the data directory and starts the server. */
    public static GuiceJamesServer start(Path configurationDirectory, Path dataDirectory) throws Exception {
        new ConfigurationValidator(configurationDirectory).validate();
        PostwallConfiguration configuration = PostwallConfiguration.load(configurationDirectory, dataDirectory);
        Files.createDirectories(configuration.dataDirectory());
        FileLock dataLock = DataDirectoryLock.acquire(configuration.dataDirectory());
        if (usesSelfSignedCertificate(configuration.configurationDirectory())) {
            new SelfSignedCertificate(configuration.dataDirectory(), Clock.systemUTC()).ensureExists();
        }
        LoggerFactory.getLogger(PostwallServerMain.class).info("Starting Postwall: {}", configuration);
        GuiceJamesServer server = PostwallServer.createServer(configuration);
        try {
            server.start();
        } catch (Exception | Error e) {
            DataDirectoryLock.release(dataLock);
            throw e;
        }
        return server;
    }

    private static boolean usesSelfSignedCertificate(Path configurationDirectory) throws IOException {
        try (Stream<Path> files = Files.list(configurationDirectory)) {
            // The protocol XML files and caldav.properties name it as a James file URL.
            return files.filter(file -> file.getFileName().toString().endsWith(".xml")
                    || file.getFileName().toString().endsWith(".properties"))
                .anyMatch(file -> contains(file, SelfSignedCertificate.CERTIFICATE_URL));
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            throw new InvalidConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
