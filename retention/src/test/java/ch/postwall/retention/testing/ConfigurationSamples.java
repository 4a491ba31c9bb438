package ch.postwall.retention.testing;

import java.nio.file.Path;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.ex.ConfigurationException;

/** Configurations for the tests of this module's configuration objects. */
public final class ConfigurationSamples {
    private ConfigurationSamples() {
    }

    public static PropertiesConfiguration properties(String key, String value) {
        PropertiesConfiguration configuration = new PropertiesConfiguration();
        configuration.addProperty(key, value);
        return configuration;
    }

    /** A file of the repository's conf/ (tests run with the module directory as working directory). */
    public static PropertiesConfiguration shipped(String fileName) throws ConfigurationException {
        return new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class)
            .configure(new Parameters().fileBased().setFile(Path.of("..", "conf", fileName).toFile()))
            .getConfiguration();
    }
}
