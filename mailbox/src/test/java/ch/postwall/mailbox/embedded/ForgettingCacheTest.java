package ch.postwall.mailbox.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ForgettingCacheTest {
    private final ForgettingCache<String, String> cache = new ForgettingCache<>(10, Duration.ofMinutes(1));

    @Test
    void aValueReadShouldBeFoundUntilForgotten() {
        cache.remember(cache.version(), "inbox", "42");
        cache.remember(cache.version(), "sent", "43");

        assertThat(cache.get("inbox")).contains("42");
        assertThat(cache.get("sent")).contains("43");

        cache.forgetAll();

        assertThat(cache.get("inbox")).isEmpty();
        assertThat(cache.get("sent")).isEmpty();
    }

    @Test
    void aValueReadBeforeAChangeShouldNotBeRemembered() {
        long versionBeforeRead = cache.version();
        cache.forgetAll();

        cache.remember(versionBeforeRead, "inbox", "42");

        assertThat(cache.get("inbox")).isEmpty();
    }
}
