package ch.postwall.server.digest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

public class MemoryDigestSettingsStore implements DigestSettingsStore {
    private final Map<Username, DigestSettings> settings = new ConcurrentHashMap<>();

    @Override
    public DigestSettings settings(Username user) {
        return settings.getOrDefault(user, DigestSettings.DEFAULT);
    }

    @Override
    public void setOptedOut(Username user, boolean optedOut) {
        settings.merge(user, new DigestSettings(optedOut, Optional.empty()),
            (stored, changed) -> new DigestSettings(optedOut, stored.lastDigest()));
    }

    @Override
    public void recordDigest(Username user, Instant madeAt) {
        settings.merge(user, new DigestSettings(false, Optional.of(madeAt)),
            (stored, changed) -> new DigestSettings(stored.optedOut(), Optional.of(madeAt)));
    }

    @Override
    public void deleteUser(Username user) {
        settings.remove(user);
    }

    @Override
    public int deleteDomain(Domain domain) {
        List<Username> users = settings.keySet().stream().filter(user -> user.getDomainPart().equals(Optional.of(domain))).toList();
        users.forEach(settings::remove);
        return users.size();
    }
}
