package ch.postwall.retention.guice;

import java.io.FileNotFoundException;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.mailbox.lifecycle.RetentionStep;
import ch.postwall.retention.enforcement.MailboxRetentionStep;
import ch.postwall.retention.enforcement.RetentionConfiguration;
import ch.postwall.retention.enforcement.RetentionEnforcement;
import ch.postwall.retention.enforcement.RetentionScheduler;

/**
 * Retention enforcement for every backend: the mailbox's step, the other modules' steps (contributed to the
 * {@link RetentionStep} set binder), a daily schedule from {@code retention.properties} (optional), and
 * {@link RetentionEnforcement} for runs on demand.
 */
public class RetentionEnforcementModule extends AbstractModule {
    public static final String CONFIGURATION_FILE = "retention";

    @Override
    protected void configure() {
        bind(MailboxRetentionStep.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), RetentionStep.class).addBinding().to(MailboxRetentionStep.class);
        bind(RetentionEnforcement.class).in(Scopes.SINGLETON);
        bind(RetentionScheduler.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    RetentionConfiguration configuration(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return RetentionConfiguration.from(propertiesProvider.getConfiguration(CONFIGURATION_FILE));
        } catch (FileNotFoundException e) {
            return RetentionConfiguration.DEFAULT;
        }
    }

    @ProvidesIntoSet
    InitializationOperation startScheduler(RetentionScheduler scheduler) {
        return InitilizationOperationBuilder.forClass(RetentionScheduler.class).init(scheduler::start);
    }
}
