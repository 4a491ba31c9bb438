package ch.postwall.filter.protocollog;

import java.time.Instant;
import java.util.Optional;

import com.google.common.base.Preconditions;

/**
 * Criteria for reading protocol logs; absent criteria match everything. Time bounds apply to the
 * session start: {@code from} included, {@code until} excluded.
 */
public record ProtocolLogQuery(Optional<Instant> from, Optional<Instant> until, Optional<String> remoteIp,
                               int offset, int limit) {
    public static final int DEFAULT_LIMIT = 100;

    public ProtocolLogQuery {
        Preconditions.checkArgument(offset >= 0, "offset must not be negative");
        Preconditions.checkArgument(limit > 0, "limit must be positive");
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean matches(SmtpSessionLog log) {
        return from.map(bound -> !log.start().isBefore(bound)).orElse(true)
            && until.map(bound -> log.start().isBefore(bound)).orElse(true)
            && remoteIp.map(log.remoteIp()::equals).orElse(true);
    }

    public static class Builder {
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> until = Optional.empty();
        private Optional<String> remoteIp = Optional.empty();
        private int offset = 0;
        private int limit = DEFAULT_LIMIT;

        public Builder from(Instant from) {
            this.from = Optional.of(from);
            return this;
        }

        public Builder until(Instant until) {
            this.until = Optional.of(until);
            return this;
        }

        public Builder remoteIp(String remoteIp) {
            this.remoteIp = Optional.of(remoteIp);
            return this;
        }

        public Builder page(int offset, int limit) {
            this.offset = offset;
            this.limit = limit;
            return this;
        }

        public ProtocolLogQuery build() {
            return new ProtocolLogQuery(from, until, remoteIp, offset, limit);
        }
    }
}
