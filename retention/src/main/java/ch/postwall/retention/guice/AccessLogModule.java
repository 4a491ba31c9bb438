package ch.postwall.retention.guice;

import java.io.FileNotFoundException;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

import ch.postwall.retention.access.AccessLogConfiguration;
import ch.postwall.retention.access.AccessRecorder;

/**
 * The access log's settings and recorder, for every backend. The log period is the shared one, read from
 * {@code messagetrace.properties} (all defaults when the file is absent).
 */
public class AccessLogModule extends AbstractModule {
    public static final String LOG_SETTINGS_FILE = "messagetrace";

    @Override
    protected void configure() {
        bind(AccessRecorder.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    AccessLogConfiguration configuration(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return AccessLogConfiguration.from(propertiesProvider.getConfiguration(LOG_SETTINGS_FILE));
        } catch (FileNotFoundException e) {
            return AccessLogConfiguration.DEFAULT;
        }
    }
}
