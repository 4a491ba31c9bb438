package ch.postwall.mailbox.embedded;

import static org.apache.james.events.EventBusTestFixture.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import javax.mail.Flags;

import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaCountUsage;
import org.apache.james.core.quota.QuotaSizeUsage;
import org.apache.james.events.EventDeadLetters;
import org.apache.james.events.MemoryEventDeadLetters;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.QuotaOperation;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.model.ThreadId;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.quota.CurrentQuotaManager;
import org.apache.james.mailbox.quota.QuotaRootResolver;
import org.apache.james.mailbox.store.event.EventFactory;
import org.apache.james.mailbox.store.mail.model.DefaultMessageId;
import org.apache.james.mailbox.store.quota.ListeningCurrentQuotaUpdater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class BackgroundQuotaUpdaterTest {
    private static final Username BOB = Username.of("bob@localhost");
    private static final QuotaRoot BOB_ROOT = QuotaRoot.quotaRoot("#private&bob@localhost", Optional.empty());

    private final ListeningCurrentQuotaUpdater updater = mock(ListeningCurrentQuotaUpdater.class);
    private final CurrentQuotaManager currentQuotas = mock(CurrentQuotaManager.class);
    private final QuotaRootResolver quotaRoots = mock(QuotaRootResolver.class);
    private final EventDeadLetters deadLetters = new MemoryEventDeadLetters();
    private final BackgroundQuotaUpdater background = new BackgroundQuotaUpdater(updater, currentQuotas, quotaRoots, deadLetters);

    @AfterEach
    void tearDown() {
        background.close();
    }

    @Test
    void theDispatchShouldNotWaitForTheQuotaUpdate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        when(updater.reactiveEvent(any())).thenReturn(Mono.fromRunnable(() -> awaitQuietly(release)));

        Mono.from(background.reactiveEvent(EVENT)).block(Duration.ofSeconds(5));

        release.countDown();
        background.updatedSoFar().block();
        verify(updater).reactiveEvent(EVENT);
    }

    @Test
    void anUpdateThatKeepsFailingShouldBeKeptInTheDeadLettersOfJamesUpdaterGroup() {
        when(updater.getDefaultGroup()).thenReturn(ListeningCurrentQuotaUpdater.GROUP);
        when(updater.reactiveEvent(any())).thenReturn(Mono.error(new IllegalStateException("database down")));

        Mono.from(background.reactiveEvent(EVENT)).block();
        background.updatedSoFar().block();

        assertThat(background.getDefaultGroup()).isEqualTo(ListeningCurrentQuotaUpdater.GROUP);
        assertThat(deadLetters.failedIds(ListeningCurrentQuotaUpdater.GROUP).collectList().block()).hasSize(1);
    }

    @Test
    void newMessagesShouldIncreaseTheUsageOfTheirQuotaRootWithoutJamesUpdaterAndItsAnnouncement() {
        when(quotaRoots.getQuotaRootReactive(any(MailboxPath.class))).thenReturn(Mono.just(BOB_ROOT));
        when(currentQuotas.increase(any())).thenReturn(Mono.empty());

        Mono.from(background.reactiveEvent(EventFactory.added().randomEventId().user(BOB).sessionId(MailboxSession.SessionId.of(7)).mailbox(inbox())
            .addMetaData(List.of(metaData(1, 100), metaData(2, 250))).isDelivery(true).build())).block();
        background.updatedSoFar().block();

        verify(currentQuotas).increase(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(2), QuotaSizeUsage.size(350)));
        verify(updater, never()).reactiveEvent(any());
    }

    @Test
    void expungedMessagesShouldDecreaseTheUsageOfTheirQuotaRoot() {
        when(quotaRoots.getQuotaRootReactive(any(MailboxPath.class))).thenReturn(Mono.just(BOB_ROOT));
        when(currentQuotas.decrease(any())).thenReturn(Mono.empty());

        Mono.from(background.reactiveEvent(EventFactory.expunged().randomEventId().user(BOB).sessionId(MailboxSession.SessionId.of(7)).mailbox(inbox())
            .addMetaData(metaData(3, 40)).build())).block();
        background.updatedSoFar().block();

        verify(currentQuotas).decrease(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(1), QuotaSizeUsage.size(40)));
        verify(updater, never()).reactiveEvent(any());
    }

    @Test
    void theMessagesDeliveredWhileAnUpdateIsWrittenShouldBeWrittenTogetherNext() throws Exception {
        BlockedWrite first = blockFirstIncrease();

        Mono.from(background.reactiveEvent(added(metaData(1, 100)))).block();
        first.started().await();
        Mono.from(background.reactiveEvent(added(metaData(2, 10)))).block();
        Mono.from(background.reactiveEvent(added(metaData(3, 20), metaData(4, 30)))).block();
        first.release().countDown();
        background.updatedSoFar().block();

        verify(currentQuotas).increase(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(1), QuotaSizeUsage.size(100)));
        verify(currentQuotas).increase(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(3), QuotaSizeUsage.size(60)));
        verify(currentQuotas, times(2)).increase(any());
    }

    @Test
    void theChangesHandedOverWithinAWriteIntervalShouldBeWrittenTogetherAtItsEnd() {
        BackgroundQuotaUpdater slow = new BackgroundQuotaUpdater(updater, currentQuotas, quotaRoots, deadLetters, Duration.ofSeconds(1));
        when(quotaRoots.getQuotaRootReactive(any(MailboxPath.class))).thenReturn(Mono.just(BOB_ROOT));
        when(currentQuotas.increase(any())).thenReturn(Mono.empty());

        Mono.from(slow.reactiveEvent(added(metaData(1, 100)))).block();
        verify(currentQuotas, timeout(5_000)).increase(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(1), QuotaSizeUsage.size(100)));
        for (int uid = 2; uid <= 10; uid++) {
            Mono.from(slow.reactiveEvent(added(metaData(uid, 10)))).block();
        }
        slow.updatedSoFar().block();
        slow.close();

        verify(currentQuotas).increase(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(9), QuotaSizeUsage.size(90)));
        verify(currentQuotas, times(2)).increase(any());
    }

    @Test
    void aChangeThatCannotBeWrittenShouldBeTriedAgainAndNotKeptAsADeadLetter() {
        when(updater.getDefaultGroup()).thenReturn(ListeningCurrentQuotaUpdater.GROUP);
        when(quotaRoots.getQuotaRootReactive(any(MailboxPath.class))).thenReturn(Mono.just(BOB_ROOT));
        when(currentQuotas.increase(any())).thenReturn(Mono.error(new IllegalStateException("database down")), Mono.empty());

        Mono.from(background.reactiveEvent(added(metaData(1, 100)))).block();

        verify(currentQuotas, timeout(5_000).times(2))
            .increase(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(1), QuotaSizeUsage.size(100)));
        assertThat(deadLetters.failedIds(ListeningCurrentQuotaUpdater.GROUP).collectList().block()).isEmpty();
    }

    @Test
    void fewerButLargerMessagesExpungedThanAddedShouldAddToTheCountAndTakeFromTheSize() throws Exception {
        BlockedWrite first = blockFirstIncrease();
        when(currentQuotas.decrease(any())).thenReturn(Mono.empty());

        Mono.from(background.reactiveEvent(added(metaData(1, 1)))).block();
        first.started().await();
        Mono.from(background.reactiveEvent(added(metaData(2, 10), metaData(3, 10)))).block();
        Mono.from(background.reactiveEvent(EventFactory.expunged().randomEventId().user(BOB).sessionId(MailboxSession.SessionId.of(7))
            .mailbox(inbox()).addMetaData(metaData(4, 500)).build())).block();
        first.release().countDown();
        background.updatedSoFar().block();

        verify(currentQuotas).increase(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(1), QuotaSizeUsage.size(0)));
        verify(currentQuotas).decrease(new QuotaOperation(BOB_ROOT, QuotaCountUsage.count(0), QuotaSizeUsage.size(480)));
    }

    /** The first usage write has {@code started}, and ends once {@code release} is counted down. */
    private record BlockedWrite(CountDownLatch started, CountDownLatch release) {
    }

    private BlockedWrite blockFirstIncrease() {
        BlockedWrite blocked = new BlockedWrite(new CountDownLatch(1), new CountDownLatch(1));
        when(quotaRoots.getQuotaRootReactive(any(MailboxPath.class))).thenReturn(Mono.just(BOB_ROOT));
        when(currentQuotas.increase(any())).thenReturn(Mono.fromRunnable(() -> {
            blocked.started().countDown();
            awaitQuietly(blocked.release());
        }), Mono.empty());
        return blocked;
    }

    private static MailboxEvents.Added added(MessageMetaData... messages) {
        return EventFactory.added().randomEventId().user(BOB).sessionId(MailboxSession.SessionId.of(7)).mailbox(inbox())
            .addMetaData(List.of(messages)).isDelivery(true).build();
    }

    private static Mailbox inbox() {
        return new Mailbox(MailboxPath.inbox(BOB), UidValidity.of(42), JPAId.of(1));
    }

    private static MessageMetaData metaData(long uid, long size) {
        return new MessageMetaData(MessageUid.of(uid), ModSeq.first(), new Flags(), size, new Date(), Optional.of(new Date()),
            new DefaultMessageId.Factory().generate(), ThreadId.fromBaseMessageId(new DefaultMessageId.Factory().generate()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
