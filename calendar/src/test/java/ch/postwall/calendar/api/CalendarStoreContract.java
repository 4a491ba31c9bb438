package ch.postwall.calendar.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

public interface CalendarStoreContract {
    Username ALICE = Username.of("alice@example.com");
    Username BOB = Username.of("bob@example.com");
    Username CAROL = Username.of("carol@other.org");
    String WORK = "work";

    CalendarStore store();

    static CalendarCollection work(Username owner) {
        return CalendarCollection.create(owner, WORK, "Work", Set.of(ComponentType.VEVENT));
    }

    static CalendarObject event(Username owner, String name, String uid, String etag, TimeRange range) {
        return new CalendarObject(owner, WORK, name, uid, ComponentType.VEVENT,
            "BEGIN:VCALENDAR\r\nUID:" + uid + "\r\nEND:VCALENDAR\r\n", etag, range);
    }

    static TimeRange hours(int fromHour, int toHour) {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        return new TimeRange(base.plusSeconds(3600L * fromHour), base.plusSeconds(3600L * toHour));
    }

    @Test
    default void createCollectionShouldBeListedWhenCreated() {
        store().createCollection(work(ALICE));

        assertThat(store().collections(ALICE)).containsExactly(work(ALICE));
        assertThat(store().collections(BOB)).isEmpty();
    }

    @Test
    default void createCollectionShouldReturnFalseWhenIdExists() {
        store().createCollection(work(ALICE));

        assertThat(store().createCollection(work(ALICE).withDisplayName("Other"))).isFalse();
        assertThat(store().collection(ALICE, WORK)).map(CalendarCollection::displayName).contains("Work");
    }

    @Test
    default void updateCollectionPropertiesShouldReplaceDisplayNameColorAndDescription() {
        store().createCollection(work(ALICE));

        CalendarCollection updated = work(ALICE).withDisplayName("Job").withColor(Optional.of("#FF0000FF"))
            .withDescription(Optional.of("Office"));
        assertThat(store().updateCollectionProperties(updated)).isTrue();

        assertThat(store().collection(ALICE, WORK)).contains(updated);
    }

    @Test
    default void updateCollectionPropertiesShouldReturnFalseWhenMissing() {
        assertThat(store().updateCollectionProperties(work(ALICE))).isFalse();
    }

    @Test
    default void putShouldStoreObjectWhenCollectionExists() {
        store().createCollection(work(ALICE));
        CalendarObject object = event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2));

        assertThat(store().put(object, WriteCondition.ANY)).isEqualTo(PutResult.CREATED);
        assertThat(store().object(ALICE, WORK, "a.ics")).contains(object);
        assertThat(store().objects(ALICE, WORK)).containsExactly(object);
    }

    @Test
    default void putShouldFailWhenCollectionMissing() {
        assertThat(store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY))
            .isEqualTo(PutResult.COLLECTION_NOT_FOUND);
    }

    @Test
    default void putShouldReplaceWhenEtagMatches() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);
        CalendarObject replacement = event(ALICE, "a.ics", "uid-a", "\"e2\"", hours(3, 4));

        assertThat(store().put(replacement, WriteCondition.matching("\"e1\""))).isEqualTo(PutResult.UPDATED);
        assertThat(store().object(ALICE, WORK, "a.ics")).contains(replacement);
    }

    @Test
    default void putShouldNotWriteWhenEtagDiffers() {
        store().createCollection(work(ALICE));
        CalendarObject original = event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2));
        store().put(original, WriteCondition.ANY);

        assertThat(store().put(event(ALICE, "a.ics", "uid-a", "\"e2\"", hours(3, 4)), WriteCondition.matching("\"other\"")))
            .isEqualTo(PutResult.PRECONDITION_FAILED);
        assertThat(store().object(ALICE, WORK, "a.ics")).contains(original);
        assertThat(store().collection(ALICE, WORK).orElseThrow().syncRevision()).isEqualTo(1);
    }

    @Test
    default void putShouldNotWriteWhenAbsentRequiredButPresent() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);

        assertThat(store().put(event(ALICE, "a.ics", "uid-a", "\"e2\"", hours(1, 2)), WriteCondition.ABSENT))
            .isEqualTo(PutResult.PRECONDITION_FAILED);
    }

    @Test
    default void putShouldRejectUidUsedByAnotherObjectOfTheCollection() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);

        assertThat(store().put(event(ALICE, "b.ics", "uid-a", "\"e2\"", hours(1, 2)), WriteCondition.ANY))
            .isEqualTo(PutResult.UID_CONFLICT);
        assertThat(store().object(ALICE, WORK, "b.ics")).isEmpty();
    }

    @Test
    default void putShouldAcceptUidOfADeletedObject() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);
        store().delete(ALICE, WORK, "a.ics", WriteCondition.ANY);

        assertThat(store().put(event(ALICE, "b.ics", "uid-a", "\"e2\"", hours(1, 2)), WriteCondition.ANY))
            .isEqualTo(PutResult.CREATED);
    }

    @Test
    default void putShouldCreateOnceWhenConcurrentWritersRequireAbsence() throws Exception {
        store().createCollection(work(ALICE));

        List<PutResult> results = concurrently(8, i -> store().put(
            event(ALICE, "a.ics", "uid-a", "\"e" + i + "\"", hours(1, 2)), WriteCondition.ABSENT));

        assertThat(results).filteredOn(PutResult.CREATED::equals).hasSize(1);
        assertThat(results).filteredOn(PutResult.PRECONDITION_FAILED::equals).hasSize(7);
    }

    @Test
    default void putShouldKeepEveryChangeWhenWritersRunConcurrently() throws Exception {
        store().createCollection(work(ALICE));

        List<PutResult> results = concurrently(8, i -> store().put(
            event(ALICE, i + ".ics", "uid-" + i, "\"e\"", hours(1, 2)), WriteCondition.ANY));

        assertThat(results).containsOnly(PutResult.CREATED);
        assertThat(store().changesSince(ALICE, WORK, 0).orElseThrow().changed()).hasSize(8);
        assertThat(store().objects(ALICE, WORK)).hasSize(8);
    }

    static <T> List<T> concurrently(int writers, IntFunction<T> write) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                futures.add(executor.submit(() -> {
                    start.await();
                    return write.apply(writer);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    default void objectsOverlappingShouldReturnOnlyObjectsWhoseRangeOverlaps() {
        store().createCollection(work(ALICE));
        CalendarObject early = event(ALICE, "early.ics", "u1", "\"e\"", hours(1, 2));
        CalendarObject late = event(ALICE, "late.ics", "u2", "\"e\"", hours(10, 11));
        CalendarObject endless = event(ALICE, "endless.ics", "u3", "\"e\"", new TimeRange(hours(0, 1).start(), TimeRange.MAX));
        CalendarObject instant = event(ALICE, "instant.ics", "u4", "\"e\"", hours(5, 5));
        store().put(early, WriteCondition.ANY);
        store().put(late, WriteCondition.ANY);
        store().put(endless, WriteCondition.ANY);
        store().put(instant, WriteCondition.ANY);

        assertThat(store().objectsOverlapping(ALICE, WORK, hours(2, 10))).containsExactly(endless, instant);
        assertThat(store().objectsOverlapping(ALICE, WORK, hours(1, 2))).containsExactly(early, endless);
        assertThat(store().objectsOverlapping(ALICE, WORK, TimeRange.ALWAYS)).hasSize(4);
    }

    @Test
    default void deleteShouldRemoveObjectWhenConditionHolds() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);

        assertThat(store().delete(ALICE, WORK, "a.ics", WriteCondition.matching("\"e1\""))).isEqualTo(DeleteResult.DELETED);
        assertThat(store().object(ALICE, WORK, "a.ics")).isEmpty();
        assertThat(store().objects(ALICE, WORK)).isEmpty();
    }

    @Test
    default void deleteShouldKeepObjectWhenEtagDiffers() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);

        assertThat(store().delete(ALICE, WORK, "a.ics", WriteCondition.matching("\"x\""))).isEqualTo(DeleteResult.PRECONDITION_FAILED);
        assertThat(store().object(ALICE, WORK, "a.ics")).isPresent();
    }

    @Test
    default void deleteShouldReportNotFoundWhenMissing() {
        store().createCollection(work(ALICE));

        assertThat(store().delete(ALICE, WORK, "a.ics", WriteCondition.ANY)).isEqualTo(DeleteResult.NOT_FOUND);
        assertThat(store().delete(ALICE, "nope", "a.ics", WriteCondition.ANY)).isEqualTo(DeleteResult.NOT_FOUND);
    }

    @Test
    default void changesSinceShouldListChangedAndDeletedMembersAfterRevision() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);
        long afterFirst = store().collection(ALICE, WORK).orElseThrow().syncRevision();
        store().put(event(ALICE, "b.ics", "uid-b", "\"e1\"", hours(1, 2)), WriteCondition.ANY);
        store().delete(ALICE, WORK, "a.ics", WriteCondition.ANY);

        Changes changes = store().changesSince(ALICE, WORK, afterFirst).orElseThrow();

        assertThat(changes.changed()).containsExactly("b.ics");
        assertThat(changes.deleted()).containsExactly("a.ics");
        assertThat(changes.revision()).isEqualTo(store().collection(ALICE, WORK).orElseThrow().syncRevision()).isEqualTo(3);
    }

    @Test
    default void changesSinceZeroShouldListEverythingLive() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);
        store().put(event(ALICE, "a.ics", "uid-a", "\"e2\"", hours(1, 2)), WriteCondition.ANY);

        assertThat(store().changesSince(ALICE, WORK, 0)).contains(new Changes(2, List.of("a.ics"), List.of()));
    }

    @Test
    default void changesSinceShouldBeEmptyWhenRevisionUnknown() {
        store().createCollection(work(ALICE));

        assertThat(store().changesSince(ALICE, WORK, 42)).isEmpty();
        assertThat(store().changesSince(ALICE, "nope", 0)).isEmpty();
    }

    @Test
    default void deleteCollectionShouldRemoveItsObjects() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);

        assertThat(store().deleteCollection(ALICE, WORK)).isTrue();
        store().createCollection(work(ALICE));

        assertThat(store().objects(ALICE, WORK)).isEmpty();
        assertThat(store().changesSince(ALICE, WORK, 0).orElseThrow().deleted()).isEmpty();
        assertThat(store().deleteCollection(ALICE, "nope")).isFalse();
    }

    @Test
    default void collectionsShouldBeIsolatedBetweenUsers() {
        store().createCollection(work(ALICE));
        store().createCollection(work(BOB));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);

        assertThat(store().objects(BOB, WORK)).isEmpty();
        assertThat(store().object(BOB, WORK, "a.ics")).isEmpty();
        assertThat(store().put(event(BOB, "b.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY)).isEqualTo(PutResult.CREATED);
    }

    @Test
    default void deleteUserShouldRemoveEverythingOfThatUserOnly() {
        store().createCollection(work(ALICE));
        store().createCollection(work(BOB));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);
        store().put(event(BOB, "b.ics", "uid-b", "\"e1\"", hours(1, 2)), WriteCondition.ANY);

        store().deleteUser(ALICE);

        assertThat(store().collections(ALICE)).isEmpty();
        assertThat(store().object(ALICE, WORK, "a.ics")).isEmpty();
        store().createCollection(work(ALICE));
        assertThat(store().changesSince(ALICE, WORK, 0).orElseThrow().changed()).isEmpty();
        assertThat(store().objects(BOB, WORK)).hasSize(1);
    }

    @Test
    default void deleteDomainShouldRemoveEverythingOfItsUsersOnly() {
        store().createCollection(work(ALICE));
        store().createCollection(work(BOB));
        store().createCollection(work(CAROL));
        store().put(event(ALICE, "a.ics", "uid-a", "\"e1\"", hours(1, 2)), WriteCondition.ANY);
        store().put(event(CAROL, "c.ics", "uid-c", "\"e1\"", hours(1, 2)), WriteCondition.ANY);

        store().deleteDomain(Domain.of("example.com"));

        assertThat(store().collections(ALICE)).isEmpty();
        assertThat(store().collections(BOB)).isEmpty();
        store().createCollection(work(ALICE));
        assertThat(store().objects(ALICE, WORK)).isEmpty();
        assertThat(store().objects(CAROL, WORK)).hasSize(1);
    }

    @Test
    default void ownersShouldListTheDomainsUsersWithCollections() {
        store().createCollection(work(ALICE));
        store().createCollection(CalendarCollection.create(ALICE, "tasks", "Tasks", Set.of(ComponentType.VTODO)));
        store().createCollection(work(CAROL));

        assertThat(store().owners(Domain.of("example.com"))).containsExactly(ALICE);
    }
}
