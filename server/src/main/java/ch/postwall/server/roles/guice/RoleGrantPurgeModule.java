package ch.postwall.server.roles.guice;

import java.time.Duration;

import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.server.roles.RoleGrantStore;
import ch.postwall.server.roles.RoleGrantPurger;

/** Hourly deletion of ended support grants, for the backends without their own expiry (memory, embedded). */
public class RoleGrantPurgeModule extends AbstractModule {
    /** Reads never return an ended grant; the purge only removes the rows, so an hour's delay exposes nothing. */
    static final Duration INTERVAL = Duration.ofHours(1);

    @Provides
    @Singleton
    RoleGrantPurger purger(RoleGrantStore store) {
        return new RoleGrantPurger(store, INTERVAL);
    }

    @ProvidesIntoSet
    InitializationOperation startPurger(RoleGrantPurger purger) {
        return InitilizationOperationBuilder.forClass(RoleGrantPurger.class).init(purger::start);
    }
}
