package ch.postwall.filter.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;

public class MemoryReleaseClaimStore implements ReleaseClaimStore {
    private final Map<String, Instant> claims = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public MemoryReleaseClaimStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean claim(String mail) {
        Instant now = clock.instant();
        AtomicBoolean won = new AtomicBoolean();
        claims.compute(mail, (key, claimedAt) -> {
            if (claimedAt != null && claimedAt.isAfter(now.minus(STALE_AFTER))) {
                return claimedAt;
            }
            won.set(true);
            return now;
        });
        return won.get();
    }

    @Override
    public void drop(String mail) {
        claims.remove(mail);
    }
}
