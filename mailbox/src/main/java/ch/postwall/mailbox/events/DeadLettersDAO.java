package ch.postwall.mailbox.events;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Storage of failed event deliveries for {@link PersistentEventDeadLetters}: the serialized event under the
 * listener group's name and an insertion id. No logic of its own.
 */
public interface DeadLettersDAO {
    Mono<Void> insert(String group, UUID insertionId, String event);

    Mono<Void> delete(String group, UUID insertionId);

    Mono<Void> deleteGroup(String group);

    Mono<String> read(String group, UUID insertionId);

    Flux<UUID> insertionIds(String group);

    Flux<String> groups();

    Mono<Boolean> isEmpty();
}
