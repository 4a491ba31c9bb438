package ch.postwall.filter.trace.guice;

import java.io.FileNotFoundException;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

import ch.postwall.filter.trace.MessageTraceConfiguration;

/** The message trace settings, from {@code messagetrace.properties} (all defaults when the file is absent). */
public class MessageTraceModule extends AbstractModule {
    public static final String CONFIGURATION_FILE = "messagetrace";

    @Provides
    @Singleton
    MessageTraceConfiguration configuration(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return MessageTraceConfiguration.from(propertiesProvider.getConfiguration(CONFIGURATION_FILE));
        } catch (FileNotFoundException e) {
            return MessageTraceConfiguration.DEFAULT;
        }
    }
}
