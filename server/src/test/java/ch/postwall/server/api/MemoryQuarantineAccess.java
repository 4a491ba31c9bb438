package ch.postwall.server.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

/** A quarantine held in memory for the API tests: the routes and their authorization without mail repositories. */
public class MemoryQuarantineAccess implements QuarantineAccess {
    private record Stored(Item item, String message) {
    }

    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final Map<Username, Set<MailAddress>> blocked = new ConcurrentHashMap<>();
    private final List<String> released = new ArrayList<>();

    public void put(String id, Username owner, String sender, String subject, String message) {
        stored.put(key(owner, id), new Stored(new Item(id, owner, sender, subject, Instant.parse("2026-11-20T09:00:00Z"),
            "spam", message.length()), message));
    }

    List<String> released() {
        return List.copyOf(released);
    }

    Set<MailAddress> blockedBy(Username owner) {
        return blocked.getOrDefault(owner, Set.of());
    }

    @Override
    public List<Item> listOfUser(Username owner, Filter filter) {
        return stored.values().stream().map(Stored::item).filter(item -> item.owner().equals(owner)).toList();
    }

    @Override
    public List<Item> listOfDomain(Domain domain, Filter filter) {
        return stored.values().stream().map(Stored::item)
            .filter(item -> item.owner().getDomainPart().equals(Optional.of(domain))).toList();
    }

    @Override
    public Optional<String> headers(Username owner, String id) {
        return Optional.ofNullable(stored.get(key(owner, id))).map(value -> value.message().split("\r\n\r\n", 2)[0]);
    }

    @Override
    public Optional<byte[]> message(Username owner, String id) {
        return Optional.ofNullable(stored.get(key(owner, id))).map(value -> value.message().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean release(Username owner, String id, String releasedBy, boolean allowSender) {
        boolean present = stored.remove(key(owner, id)) != null;
        if (present) {
            released.add(key(owner, id));
        }
        return present;
    }

    @Override
    public boolean delete(Username owner, String id) {
        return stored.remove(key(owner, id)) != null;
    }

    @Override
    public void blockSender(Username owner, MailAddress sender) {
        blocked.computeIfAbsent(owner, any -> ConcurrentHashMap.newKeySet()).add(sender);
    }

    private static String key(Username owner, String id) {
        return owner.asString() + "/" + id;
    }
}
