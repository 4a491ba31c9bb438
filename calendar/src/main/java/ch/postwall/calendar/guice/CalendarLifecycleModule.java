package ch.postwall.calendar.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.calendar.lifecycle.CalendarRetentionStep;
import ch.postwall.calendar.lifecycle.CalendarWipeStep;
import ch.postwall.mailbox.lifecycle.RetentionStep;
import ch.postwall.mailbox.lifecycle.WipeStep;

/**
 * The calendar's part in retention enforcement and the contract wipe, for whichever store is bound. Installed by
 * each calendar store module, so the steps come with the store on every backend.
 */
public class CalendarLifecycleModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(CalendarWipeStep.class);
        Multibinder.newSetBinder(binder(), RetentionStep.class).addBinding().to(CalendarRetentionStep.class);
    }
}
