package ch.postwall.filter.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public interface MessageTraceStoreContract {
    Instant START = Instant.parse("2026-11-20T10:00:00Z");
    Duration RETENTION = Duration.ofDays(14);
    MessageTraceConfiguration CONFIGURATION = MessageTraceConfiguration.builder().retention(RETENTION).build();

    MailAddress ALICE = address("alice@example.com");
    MailAddress BOB = address("bob@example.com");
    MailAddress CAROL = address("carol@other.org");
    MailAddress MALLORY = address("mallory@spam.test");

    static MailAddress address(String value) {
        try {
            return new MailAddress(value);
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Shared by the store under test and the contract; reset before each test. */
    ControllableClock CLOCK = new ControllableClock(START);

    /** The store under test, driven by {@link #CLOCK} and {@link #CONFIGURATION}. */
    MessageTraceStore store();

    @BeforeEach
    default void resetClock() {
        CLOCK.set(START);
    }

    static MessageTrace trace(String id, Instant time, MailAddress sender, List<MailAddress> recipients, String verdict) {
        return new MessageTrace(id, time, "192.0.2.7", MaybeSender.of(sender), recipients, Optional.of("<" + id + "@mx.test>"),
            2048, Map.of("spam.score", "1.5", "virus", "clean"), verdict, "deliver", DeliveryStatus.PENDING);
    }

    private MessageTrace appendAt(String id, Duration age, MailAddress sender, List<MailAddress> recipients, String verdict) {
        MessageTrace trace = trace(id, CLOCK.instant().minus(age), sender, recipients, verdict);
        store().append(trace);
        return trace;
    }

    private MessageTrace append(String id, Duration age) {
        return appendAt(id, age, MALLORY, List.of(ALICE), "clean");
    }

    private static MessageTraceQuery.Builder query() {
        return MessageTraceQuery.builder();
    }

    @Test
    default void searchShouldReturnEveryFieldWhenAppended() {
        MessageTrace trace = new MessageTrace("t1", CLOCK.instant(), "2001:db8::1", MaybeSender.nullSender(),
            List.of(ALICE, CAROL), Optional.empty(), 12, Map.of("spf", "fail", "spam.score", "7.25"), "spam",
            "quarantine", DeliveryStatus.QUARANTINED);

        store().append(trace);

        assertThat(store().search(query().build())).containsExactly(trace);
    }

    @Test
    default void searchShouldReturnNewestFirstWhenSeveral() {
        MessageTrace old = append("old", Duration.ofHours(3));
        MessageTrace recent = append("recent", Duration.ofHours(1));
        MessageTrace middle = append("middle", Duration.ofHours(2));

        assertThat(store().search(query().build())).containsExactly(recent, middle, old);
    }

    @Test
    default void searchShouldFilterBySenderWhenGiven() {
        MessageTrace fromCarol = appendAt("a", Duration.ofHours(1), CAROL, List.of(ALICE), "clean");
        append("b", Duration.ofHours(1));

        assertThat(store().search(query().sender(CAROL).build())).containsExactly(fromCarol);
    }

    @Test
    default void searchShouldFilterByRecipientWhenGiven() {
        MessageTrace toBob = appendAt("a", Duration.ofHours(1), CAROL, List.of(ALICE, BOB), "clean");
        append("b", Duration.ofHours(2));

        assertThat(store().search(query().recipient(BOB).build())).containsExactly(toBob);
    }

    @Test
    default void searchShouldFilterByMessageIdWhenGiven() {
        MessageTrace wanted = append("a", Duration.ofHours(1));
        append("b", Duration.ofHours(1));

        assertThat(store().search(query().messageId("<a@mx.test>").build())).containsExactly(wanted);
    }

    @Test
    default void searchShouldFilterByRecipientDomainWhenGiven() {
        MessageTrace toOther = appendAt("a", Duration.ofHours(1), ALICE, List.of(CAROL), "clean");
        appendAt("b", Duration.ofHours(1), CAROL, List.of(ALICE), "clean");

        assertThat(store().search(query().recipientDomain(Domain.of("other.org")).build())).containsExactly(toOther);
    }

    @Test
    default void searchShouldFilterByVerdictWhenGiven() {
        MessageTrace spam = appendAt("a", Duration.ofHours(1), MALLORY, List.of(ALICE), "spam");
        append("b", Duration.ofHours(1));

        assertThat(store().search(query().verdict("spam").build())).containsExactly(spam);
    }

    @Test
    default void searchShouldReturnStartIncludedAndEndExcludedWhenTimeRangeGiven() {
        append("before", Duration.ofHours(4));
        MessageTrace atStart = append("start", Duration.ofHours(3));
        MessageTrace inside = append("inside", Duration.ofHours(2));
        append("atEnd", Duration.ofHours(1));

        assertThat(store().search(query()
                .from(CLOCK.instant().minus(Duration.ofHours(3)))
                .until(CLOCK.instant().minus(Duration.ofHours(1)))
                .build()))
            .containsExactly(inside, atStart);
    }

    @Test
    default void searchShouldCombineCriteriaWhenSeveralGiven() {
        MessageTrace wanted = appendAt("a", Duration.ofHours(1), MALLORY, List.of(BOB), "spam");
        appendAt("b", Duration.ofHours(1), MALLORY, List.of(ALICE), "spam");
        appendAt("c", Duration.ofHours(1), MALLORY, List.of(BOB), "clean");

        assertThat(store().search(query().recipient(BOB).verdict("spam").sender(MALLORY).build()))
            .containsExactly(wanted);
    }

    @Test
    default void searchShouldReturnRequestedPageWhenPaged() {
        append("1", Duration.ofHours(1));
        MessageTrace second = append("2", Duration.ofHours(2));
        MessageTrace third = append("3", Duration.ofHours(3));
        append("4", Duration.ofHours(4));

        assertThat(store().search(query().page(1, 2).build())).containsExactly(second, third);
    }

    @Test
    default void searchShouldNotReturnEntriesOlderThanRetentionWhenNotYetPurged() {
        MessageTrace recent = append("recent", Duration.ofDays(13));
        append("expired", Duration.ofDays(15));

        assertThat(store().search(query().build())).containsExactly(recent);
    }

    @Test
    default void searchShouldStopReturningEntryWhenClockPassesRetention() {
        append("a", Duration.ZERO);

        CLOCK.advance(RETENTION.plusSeconds(1));

        assertThat(store().search(query().build())).isEmpty();
    }

    @Test
    default void purgeExpiredShouldDeleteOnlyEntriesExpiredSinceAppended() {
        append("old1", Duration.ZERO);
        append("old2", Duration.ofHours(1));
        MessageTrace recent = append("recent", Duration.ofDays(10).negated());
        CLOCK.advance(RETENTION.plusHours(1));

        assertThat(store().purgeExpired()).isEqualTo(2);
        assertThat(store().purgeExpired()).isZero();
        // Back at the start the old entries would be live again, unless really deleted.
        CLOCK.set(START);
        assertThat(store().search(query().build())).containsExactly(recent);
    }

    @Test
    default void updateDeliveryShouldChangeOnlyTheDeliveryWhenEntryExists() {
        MessageTrace trace = append("a", Duration.ofHours(1));

        assertThat(store().updateDelivery("a", DeliveryStatus.RELAYED)).isTrue();

        assertThat(store().search(query().build())).containsExactly(trace.withDelivery(DeliveryStatus.RELAYED));
    }

    @Test
    default void updateDeliveryShouldReturnFalseWhenNoEntry() {
        assertThat(store().updateDelivery("missing", DeliveryStatus.BOUNCED)).isFalse();
    }

    @Test
    default void updateDeliveryShouldReturnFalseWhenEntryExpired() {
        append("a", Duration.ofDays(15));

        assertThat(store().updateDelivery("a", DeliveryStatus.BOUNCED)).isFalse();
    }

    @Test
    default void listByUserShouldReturnSentAndReceivedEntriesWhenUserAppears() {
        MessageTrace received = appendAt("received", Duration.ofHours(2), CAROL, List.of(BOB, ALICE), "clean");
        MessageTrace sent = appendAt("sent", Duration.ofHours(1), ALICE, List.of(CAROL), "clean");
        appendAt("unrelated", Duration.ofHours(1), CAROL, List.of(BOB), "clean");

        assertThat(store().listByUser(ALICE)).containsExactly(sent, received);
    }

    @Test
    default void deleteUserShouldRemoveEveryEntryOfTheUserOnly() {
        appendAt("received", Duration.ofHours(2), CAROL, List.of(BOB, ALICE), "clean");
        appendAt("sent", Duration.ofHours(1), ALICE, List.of(CAROL), "clean");
        MessageTrace unrelated = appendAt("unrelated", Duration.ofHours(1), CAROL, List.of(BOB), "clean");

        store().deleteUser(ALICE);

        assertThat(store().listByUser(ALICE)).isEmpty();
        assertThat(store().search(query().build())).containsExactly(unrelated);
    }

    @Test
    default void deleteDomainShouldRemoveEntriesWithSenderOrRecipientInDomainOnly() {
        appendAt("received", Duration.ofHours(3), MALLORY, List.of(CAROL), "clean");
        appendAt("sent", Duration.ofHours(2), CAROL, List.of(MALLORY), "clean");
        MessageTrace unrelated = appendAt("unrelated", Duration.ofHours(1), MALLORY, List.of(ALICE), "clean");

        store().deleteDomain(Domain.of("other.org"));

        assertThat(store().search(query().build())).containsExactly(unrelated);
    }
}
