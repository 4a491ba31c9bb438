package ch.postwall.filter.protocollog.guice;

import java.io.FileNotFoundException;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.utils.PropertiesProvider;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

import ch.postwall.filter.protocollog.ProtocolLogConfiguration;

/** The protocol log settings, from {@code protocollog.properties} (all defaults when the file is absent). */
public class ProtocolLogModule extends AbstractModule {
    public static final String CONFIGURATION_FILE = "protocollog";

    @Provides
    @Singleton
    ProtocolLogConfiguration configuration(PropertiesProvider propertiesProvider) throws ConfigurationException {
        try {
            return ProtocolLogConfiguration.from(propertiesProvider.getConfiguration(CONFIGURATION_FILE));
        } catch (FileNotFoundException e) {
            return ProtocolLogConfiguration.DEFAULT;
        }
    }
}
