package ch.postwall.filter.trace;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;

import com.google.common.base.Preconditions;

/** A search in the message trace: every given criterion must match; results newest first, paged. */
public record MessageTraceQuery(Optional<MailAddress> sender, Optional<MailAddress> recipient,
                                Optional<String> messageId, Optional<Domain> recipientDomain,
                                Optional<String> verdict, Optional<Instant> from, Optional<Instant> until,
                                int offset, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public static Builder builder() {
        return new Builder();
    }

    public MessageTraceQuery {
        Preconditions.checkArgument(offset >= 0, "The offset must not be negative");
        Preconditions.checkArgument(limit > 0 && limit <= MAX_LIMIT, "The limit must be between 1 and %s", MAX_LIMIT);
    }

    /** Whether the entry matches every criterion (paging aside). */
    public boolean matches(MessageTrace trace) {
        return sender.map(address -> trace.sender().asOptional().filter(address::equals).isPresent()).orElse(true)
            && recipient.map(trace.recipients()::contains).orElse(true)
            && messageId.map(id -> trace.messageId().filter(id::equals).isPresent()).orElse(true)
            && recipientDomain.map(trace::hasRecipientIn).orElse(true)
            && verdict.map(trace.verdict()::equals).orElse(true)
            && from.map(start -> !trace.time().isBefore(start)).orElse(true)
            && until.map(end -> trace.time().isBefore(end)).orElse(true);
    }

    public static class Builder {
        private Optional<MailAddress> sender = Optional.empty();
        private Optional<MailAddress> recipient = Optional.empty();
        private Optional<String> messageId = Optional.empty();
        private Optional<Domain> recipientDomain = Optional.empty();
        private Optional<String> verdict = Optional.empty();
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> until = Optional.empty();
        private int offset = 0;
        private int limit = DEFAULT_LIMIT;

        public Builder sender(MailAddress sender) {
            this.sender = Optional.of(sender);
            return this;
        }

        public Builder recipient(MailAddress recipient) {
            this.recipient = Optional.of(recipient);
            return this;
        }

        public Builder messageId(String messageId) {
            this.messageId = Optional.of(messageId);
            return this;
        }

        public Builder recipientDomain(Domain domain) {
            this.recipientDomain = Optional.of(domain);
            return this;
        }

        public Builder verdict(String verdict) {
            this.verdict = Optional.of(verdict);
            return this;
        }

        /** Entries at or after this instant. */
        public Builder from(Instant from) {
            this.from = Optional.of(from);
            return this;
        }

        /** Entries strictly before this instant. */
        public Builder until(Instant until) {
            this.until = Optional.of(until);
            return this;
        }

        public Builder page(int offset, int limit) {
            this.offset = offset;
            this.limit = limit;
            return this;
        }

        public MessageTraceQuery build() {
            return new MessageTraceQuery(sender, recipient, messageId, recipientDomain, verdict, from, until, offset, limit);
        }
    }
}
