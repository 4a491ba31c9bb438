package ch.postwall.filter.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.apache.commons.configuration2.BaseConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.daemon.DaemonExtension;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class ScannerReachabilityTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ScannerReachability.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private static FilterConfiguration scannersAt(int spamPort, int clamdPort) {
        BaseConfiguration properties = new BaseConfiguration();
        properties.addProperty("spam.port", spamPort);
        properties.addProperty("clamd.port", clamdPort);
        return FilterConfiguration.from(properties);
    }

    @Test
    void checkShouldWarnNamingEachUnreachableScanner() {
        new ScannerReachability(scannersAt(DaemonExtension.freePort(), DaemonExtension.freePort())).check();

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
            .anyMatch(message -> message.startsWith("spamd is not reachable"))
            .anyMatch(message -> message.startsWith("clamd is not reachable"));
    }

    @Test
    void checkShouldStayQuietWhenTheScannersAnswer() throws IOException {
        try (ServerSocket spamd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket clamd = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            new ScannerReachability(scannersAt(spamd.getLocalPort(), clamd.getLocalPort())).check();
        }

        assertThat(log.list).isEmpty();
    }
}
