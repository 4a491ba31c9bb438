package ch.postwall.server;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;

/** Uses {@code logback.xml} of the configuration directory when there is one; else the built-in console log. */
final class Logging {
    private Logging() {
    }

    static void configure(Path configurationDirectory) {
        Path file = configurationDirectory.resolve("logback.xml");
        if (!Files.isRegularFile(file)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(file.toFile());
        } catch (JoranException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
        }
    }
}
