package ch.postwall.filter.protocollog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.filter.protocollog.TranscriptLine.Direction;
import ch.postwall.mailbox.testing.ControllableClock;
import ch.postwall.filter.trace.MessageTraceStoreContract;

public interface ProtocolLogStoreContract {
    Instant START = Instant.parse("2026-11-20T10:00:00Z");
    Duration RETENTION = Duration.ofDays(365);
    ProtocolLogConfiguration CONFIGURATION = ProtocolLogConfiguration.builder().retention(RETENTION).build();

    MailAddress ALICE = MessageTraceStoreContract.address("alice@example.com");
    MailAddress BOB = MessageTraceStoreContract.address("bob@example.com");
    MailAddress CAROL = MessageTraceStoreContract.address("carol@other.org");

    /** Shared by the store under test and the contract; reset before each test. */
    ControllableClock CLOCK = new ControllableClock(START);

    /** The store under test, driven by {@link #CLOCK} and {@link #CONFIGURATION}. */
    ProtocolLogStore store();

    @BeforeEach
    default void resetClock() {
        CLOCK.set(START);
    }

    private SmtpSessionLog appendAt(String id, Duration age, String remoteIp, Set<MailAddress> addresses) {
        Instant start = CLOCK.instant().minus(age);
        SmtpSessionLog log = new SmtpSessionLog(id, remoteIp, start, start.plusSeconds(3), Optional.of("TLSv1.3 TLS_AES_128_GCM_SHA256"),
            addresses, List.of(
                new TranscriptLine(start, Direction.SERVER, "220 mx.postwall.test ESMTP"),
                new TranscriptLine(start.plusMillis(5), Direction.CLIENT, "EHLO client.test"),
                new TranscriptLine(start.plusMillis(9), Direction.SERVER, "250 mx.postwall.test")));
        store().append(log);
        return log;
    }

    private SmtpSessionLog append(String id, Duration age) {
        return appendAt(id, age, "192.0.2.7", Set.of(ALICE));
    }

    @Test
    default void getShouldReturnEveryFieldWhenAppended() {
        SmtpSessionLog log = new SmtpSessionLog("s1", "2001:db8::1", START, START.plusMillis(1500), Optional.empty(),
            Set.of(ALICE, CAROL), List.of(new TranscriptLine(START, Direction.EVENT, "TLS established: TLSv1.3"),
                new TranscriptLine(START.plusMillis(1), Direction.CLIENT, "AUTH PLAIN ***")));

        store().append(log);

        assertThat(store().get("s1")).contains(log);
    }

    @Test
    default void getShouldReturnEmptyWhenUnknown() {
        assertThat(store().get("missing")).isEmpty();
    }

    @Test
    default void searchShouldReturnNewestFirstWhenSeveral() {
        SmtpSessionLog old = append("old", Duration.ofDays(30));
        SmtpSessionLog recent = append("recent", Duration.ofHours(1));
        SmtpSessionLog middle = append("middle", Duration.ofDays(2));

        assertThat(store().search(ProtocolLogQuery.builder().build())).containsExactly(recent, middle, old);
    }

    @Test
    default void searchShouldFilterByRemoteIpWhenGiven() {
        SmtpSessionLog wanted = appendAt("a", Duration.ofHours(1), "198.51.100.1", Set.of(ALICE));
        append("b", Duration.ofHours(1));

        assertThat(store().search(ProtocolLogQuery.builder().remoteIp("198.51.100.1").build())).containsExactly(wanted);
    }

    @Test
    default void searchShouldReturnStartIncludedAndEndExcludedWhenTimeRangeGiven() {
        append("before", Duration.ofDays(4));
        SmtpSessionLog atStart = append("start", Duration.ofDays(3));
        SmtpSessionLog inside = append("inside", Duration.ofDays(2));
        append("atEnd", Duration.ofDays(1));

        assertThat(store().search(ProtocolLogQuery.builder()
                .from(CLOCK.instant().minus(Duration.ofDays(3)))
                .until(CLOCK.instant().minus(Duration.ofDays(1)))
                .build()))
            .containsExactly(inside, atStart);
    }

    @Test
    default void searchShouldReturnRequestedPageWhenPaged() {
        append("1", Duration.ofHours(1));
        SmtpSessionLog second = append("2", Duration.ofHours(2));
        SmtpSessionLog third = append("3", Duration.ofHours(3));
        append("4", Duration.ofHours(4));

        assertThat(store().search(ProtocolLogQuery.builder().page(1, 2).build())).containsExactly(second, third);
    }

    @Test
    default void searchShouldNotReturnSessionsOlderThanOneYearWhenNotYetPurged() {
        SmtpSessionLog recent = append("recent", Duration.ofDays(364));
        append("expired", Duration.ofDays(366));

        assertThat(store().search(ProtocolLogQuery.builder().build())).containsExactly(recent);
        assertThat(store().get("expired")).isEmpty();
    }

    @Test
    default void sessionShouldStayOneYearThenDisappearWhenClockAdvances() {
        append("a", Duration.ZERO);

        CLOCK.advance(RETENTION.minusSeconds(1));
        assertThat(store().get("a")).isPresent();

        CLOCK.advance(Duration.ofSeconds(2));
        assertThat(store().get("a")).isEmpty();
        assertThat(store().search(ProtocolLogQuery.builder().build())).isEmpty();
        assertThat(store().listByUser(ALICE)).isEmpty();
    }

    @Test
    default void purgeExpiredShouldDeleteOnlySessionsExpiredSinceAppended() {
        append("old1", Duration.ZERO);
        append("old2", Duration.ofHours(1));
        SmtpSessionLog recent = append("recent", Duration.ofDays(10).negated());
        CLOCK.advance(RETENTION.plusHours(1));

        assertThat(store().purgeExpired()).isEqualTo(2);
        assertThat(store().purgeExpired()).isZero();
        // Back at the start the old sessions would be live again, unless really deleted.
        CLOCK.set(START);
        assertThat(store().search(ProtocolLogQuery.builder().build())).containsExactly(recent);
    }

    @Test
    default void listByUserShouldReturnOnlySessionsConcerningTheUser() {
        SmtpSessionLog first = appendAt("first", Duration.ofHours(2), "192.0.2.1", Set.of(ALICE, CAROL));
        SmtpSessionLog second = appendAt("second", Duration.ofHours(1), "192.0.2.2", Set.of(ALICE));
        appendAt("unrelated", Duration.ofHours(1), "192.0.2.3", Set.of(BOB));

        assertThat(store().listByUser(ALICE)).containsExactly(second, first);
    }

    @Test
    default void deleteUserShouldRemoveEverySessionOfTheUserOnly() {
        appendAt("a", Duration.ofHours(2), "192.0.2.1", Set.of(ALICE, CAROL));
        SmtpSessionLog unrelated = appendAt("b", Duration.ofHours(1), "192.0.2.3", Set.of(BOB));

        store().deleteUser(ALICE);

        assertThat(store().listByUser(ALICE)).isEmpty();
        assertThat(store().listByUser(CAROL)).isEmpty();
        assertThat(store().search(ProtocolLogQuery.builder().build())).containsExactly(unrelated);
    }

    @Test
    default void deleteDomainShouldRemoveSessionsConcerningTheDomainOnly() {
        appendAt("a", Duration.ofHours(2), "192.0.2.1", Set.of(BOB, CAROL));
        SmtpSessionLog unrelated = appendAt("b", Duration.ofHours(1), "192.0.2.3", Set.of(ALICE));

        store().deleteDomain(Domain.of("other.org"));

        assertThat(store().search(ProtocolLogQuery.builder().build())).containsExactly(unrelated);
        assertThat(store().listByUser(BOB)).isEmpty();
    }
}
