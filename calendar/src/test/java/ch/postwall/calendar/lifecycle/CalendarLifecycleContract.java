package ch.postwall.calendar.lifecycle;

import static ch.postwall.calendar.api.CalendarStoreContract.ALICE;
import static ch.postwall.calendar.api.CalendarStoreContract.BOB;
import static ch.postwall.calendar.api.CalendarStoreContract.CAROL;
import static ch.postwall.calendar.api.CalendarStoreContract.WORK;
import static ch.postwall.calendar.api.CalendarStoreContract.event;
import static ch.postwall.calendar.api.CalendarStoreContract.work;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.api.WriteCondition;
import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.UserRetention;

/** The calendar's wipe and retention steps, run on each store backend. */
public interface CalendarLifecycleContract {
    Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    Duration DAYS_30 = Duration.ofDays(30);

    CalendarStore store();

    private static TimeRange endingDaysAgo(long days) {
        return new TimeRange(NOW.minus(Duration.ofDays(days + 1)), NOW.minus(Duration.ofDays(days)));
    }

    private static UserRetention workCalendarKept(Duration period) {
        return new UserRetention(Optional.empty(), Map.of(), Optional.empty(), Map.of(WORK, Optional.of(period)));
    }

    private void populate() {
        store().createCollection(work(ALICE));
        store().createCollection(CalendarCollection.create(ALICE, "tasks", "Tasks", Set.of(ComponentType.VTODO)));
        store().createCollection(work(BOB));
        store().createCollection(work(CAROL));
        store().put(event(ALICE, "a1.ics", "uid-a1", "\"e1\"", endingDaysAgo(1)), WriteCondition.ANY);
        store().put(event(ALICE, "a2.ics", "uid-a2", "\"e1\"", endingDaysAgo(2)), WriteCondition.ANY);
        store().put(event(BOB, "b.ics", "uid-b", "\"e1\"", endingDaysAgo(1)), WriteCondition.ANY);
        store().put(event(CAROL, "c.ics", "uid-c", "\"e1\"", endingDaysAgo(1)), WriteCondition.ANY);
    }

    @Test
    default void wipeUserShouldDeleteEveryCollectionAndObjectOfTheUserOnlyAndCountThem() {
        populate();

        DeletionCounts deleted = new CalendarWipeStep(store()).wipeUser(ALICE);

        assertThat(deleted.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(CalendarWipeStep.COLLECTIONS, 2L, CalendarWipeStep.OBJECTS, 2L));
        assertThat(store().collections(ALICE)).isEmpty();
        assertThat(store().owners(Domain.of("example.com"))).containsExactly(BOB);
        assertThat(store().objects(BOB, WORK)).hasSize(1);
    }

    @Test
    default void wipeUserShouldReportNothingWhenRunAgain() {
        populate();
        CalendarWipeStep step = new CalendarWipeStep(store());
        step.wipeUser(ALICE);

        assertThat(step.wipeUser(ALICE).total()).isZero();
    }

    @Test
    default void wipeDomainShouldDeleteEveryUserOfTheDomainOnlyAndCountThem() {
        populate();

        DeletionCounts deleted = new CalendarWipeStep(store()).wipeDomain(Domain.of("example.com"));

        assertThat(deleted.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(CalendarWipeStep.COLLECTIONS, 3L, CalendarWipeStep.OBJECTS, 3L));
        assertThat(store().owners(Domain.of("example.com"))).isEmpty();
        assertThat(store().collections(BOB)).isEmpty();
        assertThat(store().objects(CAROL, WORK)).hasSize(1);
    }

    @Test
    default void applyRetentionShouldDeleteObjectsEndedBeforeTheCalendarsRetentionOnly() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "old.ics", "uid-old", "\"e1\"", endingDaysAgo(31)), WriteCondition.ANY);
        store().put(event(ALICE, "recent.ics", "uid-recent", "\"e1\"", endingDaysAgo(29)), WriteCondition.ANY);
        store().put(event(ALICE, "open.ics", "uid-open", "\"e1\"", new TimeRange(NOW.minus(Duration.ofDays(400)), TimeRange.MAX)),
            WriteCondition.ANY);

        DeletionCounts deleted = new CalendarRetentionStep(store()).applyRetention(ALICE, workCalendarKept(DAYS_30), NOW);

        assertThat(deleted).isEqualTo(DeletionCounts.of(CalendarWipeStep.OBJECTS, 1));
        assertThat(store().objects(ALICE, WORK)).extracting(CalendarObject::name).containsExactly("open.ics", "recent.ics");
    }

    @Test
    default void applyRetentionShouldKeepEverythingWhenTheCalendarIsKeptForever() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "old.ics", "uid-old", "\"e1\"", endingDaysAgo(3000)), WriteCondition.ANY);

        DeletionCounts deleted = new CalendarRetentionStep(store()).applyRetention(ALICE, UserRetention.FOREVER, NOW);

        assertThat(deleted.total()).isZero();
        assertThat(store().objects(ALICE, WORK)).hasSize(1);
    }

    @Test
    default void applyRetentionShouldApplyTheDefaultToCalendarsWithoutAChoice() {
        store().createCollection(work(ALICE));
        store().put(event(ALICE, "old.ics", "uid-old", "\"e1\"", endingDaysAgo(10)), WriteCondition.ANY);
        UserRetention sevenDaysByDefault = new UserRetention(Optional.empty(), Map.of(), Optional.of(Duration.ofDays(7)), Map.of());

        new CalendarRetentionStep(store()).applyRetention(ALICE, sevenDaysByDefault, NOW);

        assertThat(store().objects(ALICE, WORK)).isEmpty();
    }
}
