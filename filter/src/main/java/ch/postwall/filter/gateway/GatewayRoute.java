package ch.postwall.filter.gateway;

import java.time.Duration;
import java.util.Objects;

import org.apache.james.core.Domain;

import com.google.common.base.Preconditions;

/** Where the relay delivers mail of one gateway domain, and how long it keeps trying. */
public record GatewayRoute(Domain domain, String host, int port, TlsPolicy tlsPolicy, Duration retryPeriod,
                           RetrySchedule retrySchedule) {
    public static final int DEFAULT_PORT = 25;
    public static final TlsPolicy DEFAULT_TLS_POLICY = TlsPolicy.OPPORTUNISTIC;
    public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofDays(5);

    public static Builder builder(Domain domain, String host) {
        return new Builder(domain, host);
    }

    public GatewayRoute {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
        Objects.requireNonNull(retrySchedule, "retrySchedule");
        Preconditions.checkArgument(host != null && !host.isBlank(), "A gateway route needs a target host");
        Preconditions.checkArgument(port > 0 && port < 65536, "Invalid target port %s", port);
        Preconditions.checkArgument(retryPeriod != null && !retryPeriod.isNegative() && !retryPeriod.isZero(),
            "The retry period must be positive");
    }

    public static class Builder {
        private final Domain domain;
        private final String host;
        private int port = DEFAULT_PORT;
        private TlsPolicy tlsPolicy = DEFAULT_TLS_POLICY;
        private Duration retryPeriod = DEFAULT_RETRY_PERIOD;
        private RetrySchedule retrySchedule = RetrySchedule.DEFAULT;

        private Builder(Domain domain, String host) {
            this.domain = domain;
            this.host = host;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder tlsPolicy(TlsPolicy tlsPolicy) {
            this.tlsPolicy = tlsPolicy;
            return this;
        }

        public Builder retryPeriod(Duration retryPeriod) {
            this.retryPeriod = retryPeriod;
            return this;
        }

        public Builder retrySchedule(RetrySchedule retrySchedule) {
            this.retrySchedule = retrySchedule;
            return this;
        }

        public GatewayRoute build() {
            return new GatewayRoute(domain, host, port, tlsPolicy, retryPeriod, retrySchedule);
        }
    }
}
