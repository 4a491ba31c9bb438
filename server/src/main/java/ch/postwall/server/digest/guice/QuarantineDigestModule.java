package ch.postwall.server.digest.guice;

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

import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.server.api.ApiRouteGroup;
import ch.postwall.server.digest.DigestRoutes;
import ch.postwall.server.digest.DigestSettingsUserData;
import ch.postwall.server.digest.QuarantineDigest;
import ch.postwall.server.digest.QuarantineDigestConfiguration;
import ch.postwall.server.digest.QuarantineDigestTask;

/**
 * The periodic quarantine digest and its API setting, from {@code quarantinedigest.properties} (all defaults
 * when absent). Needs a {@code DigestSettingsStore} from a backend module, the filter's quarantine and James's queues.
 */
public class QuarantineDigestModule extends AbstractModule {
    public static final String CONFIGURATION_FILE = "quarantinedigest";

    @Override
    protected void configure() {
        bind(QuarantineDigest.class).in(Scopes.SINGLETON);
        bind(QuarantineDigestTask.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ApiRouteGroup.class).addBinding().to(DigestRoutes.class);
        bind(DigestSettingsUserData.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ExportStep.class).addBinding().to(DigestSettingsUserData.class);
        Multibinder.newSetBinder(binder(), WipeStep.class).addBinding().to(DigestSettingsUserData.class);
    }

    @Provides
    @Singleton
    QuarantineDigestConfiguration configuration(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return QuarantineDigestConfiguration.from(propertiesProvider.getConfiguration(CONFIGURATION_FILE));
        } catch (FileNotFoundException e) {
            return QuarantineDigestConfiguration.DEFAULT;
        }
    }

    @ProvidesIntoSet
    InitializationOperation startDigests(QuarantineDigestTask task) {
        return InitilizationOperationBuilder.forClass(QuarantineDigestTask.class).init(task::start);
    }
}
