package ch.postwall.filter.trace;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageTracePurgerTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private MessageTracePurger purger;

    @AfterEach
    void tearDown() {
        purger.stop();
    }

    @Test
    void startShouldDeleteExpiredEntriesAtTheConfiguredInterval() throws Exception {
        ControllableClock clock = new ControllableClock(START);
        MessageTraceConfiguration configuration = MessageTraceConfiguration.builder()
            .retention(Duration.ofDays(14))
            .purgeInterval(Duration.ofMillis(50))
            .build();
        MemoryMessageTraceStore store = new MemoryMessageTraceStore(clock, configuration);
        store.append(MessageTraceStoreContract.trace("old", START, MessageTraceStoreContract.MALLORY,
            List.of(MessageTraceStoreContract.ALICE), "clean"));
        purger = new MessageTracePurger(store, configuration);
        clock.advance(Duration.ofDays(15));

        purger.start();

        // Back in time the entry would be live again, unless it is really gone.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            clock.set(START.plus(Duration.ofDays(15)));
            boolean purged = store.purgeExpired() == 0;
            clock.set(START);
            return purged && store.search(MessageTraceQuery.builder().build()).isEmpty();
        });
    }
}
