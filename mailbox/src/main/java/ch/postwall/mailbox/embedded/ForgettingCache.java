package ch.postwall.mailbox.embedded;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import reactor.core.publisher.Mono;

/**
 * Values read from the embedded database, all forgotten at once when a change is written. A read that started
 * before a change could otherwise put the old value back after the change forgot it: each read notes the
 * {@link #version()} before it starts, and what it found is only remembered if nothing was forgotten meanwhile.
 * Entries also expire, which bounds staleness should a change ever bypass the code that forgets.
 */
public class ForgettingCache<K, V> {
    private final Cache<K, V> entries;
    private long version;

    public ForgettingCache(int maximumSize, Duration expiry) {
        this.entries = CacheBuilder.newBuilder()
            .maximumSize(maximumSize)
            .expireAfterWrite(expiry)
            .build();
    }

    public Optional<V> get(K key) {
        return Optional.ofNullable(entries.getIfPresent(key));
    }

    /** The value remembered under the key, or else the one read, then remembered under each of its keys. */
    public Mono<V> getOrRead(K key, Supplier<Mono<V>> read, Function<V, List<K>> keysOf) {
        return Mono.defer(() -> get(key)
            .map(Mono::just)
            .orElseGet(() -> {
                long versionBeforeRead = version();
                return read.get().doOnNext(value -> keysOf.apply(value)
                    .forEach(valueKey -> remember(versionBeforeRead, valueKey, value)));
            }));
    }

    /** The value remembered under the key, or else the one read now, then remembered. */
    public V getOrReadNow(K key, Supplier<V> read) {
        Optional<V> known = get(key);
        if (known.isPresent()) {
            return known.get();
        }
        long versionBeforeRead = version();
        V value = read.get();
        remember(versionBeforeRead, key, value);
        return value;
    }

    public synchronized long version() {
        return version;
    }

    /** Remembers a value read from the database, unless something was forgotten since {@code versionBeforeRead}. */
    public synchronized void remember(long versionBeforeRead, K key, V value) {
        if (version == versionBeforeRead) {
            entries.put(key, value);
        }
    }

    /** Call once a change of this key's value is committed. */
    public synchronized void forget(K key) {
        version++;
        entries.invalidate(key);
    }

    /** Call once a change is committed (and, to be safe, before it too). */
    public synchronized void forgetAll() {
        version++;
        entries.invalidateAll();
    }
}
