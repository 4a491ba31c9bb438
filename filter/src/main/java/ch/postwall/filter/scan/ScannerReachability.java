package ch.postwall.filter.scan;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;

import javax.inject.Inject;

import org.apache.james.lifecycle.api.Startable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.filter.config.FilterConfiguration;
import ch.postwall.filter.policy.Check;

/**
 * Says at start when a scanner the default policy needs cannot be reached: inbound mail is then
 * deferred (451) until it is up, and the operator should learn that from the log, not from senders.
 */
public class ScannerReachability implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ScannerReachability.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final FilterConfiguration configuration;

    @Inject
    public ScannerReachability(FilterConfiguration configuration) {
        this.configuration = configuration;
    }

    public void check() {
        if (configuration.defaultPolicy().runs(Check.SPAM)) {
            warnIfUnreachable(configuration.spamEngine().name().toLowerCase(Locale.ROOT), configuration.spamEndpoint());
        }
        if (configuration.defaultPolicy().runs(Check.VIRUS)) {
            warnIfUnreachable("clamd", configuration.clamdEndpoint());
        }
    }

    private static void warnIfUnreachable(String scanner, ScannerEndpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            LOGGER.warn("{} is not reachable at {}:{} ({}): inbound mail will be deferred with 451 until it is "
                    + "(see conf/filter.properties)", scanner, endpoint.host(), endpoint.port(), e.getMessage());
        }
    }
}
