package ch.postwall.server;

import java.nio.file.Path;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.filesystem.api.JamesDirectoriesProvider;
import org.apache.james.server.core.configuration.Configuration;

import ch.postwall.server.config.PostwallProperties;

/** Where the server reads its configuration and writes its data, plus Postwall's own settings. */
public class PostwallConfiguration implements Configuration {
    public static PostwallConfiguration load(Path configurationDirectory, Path dataDirectory) {
        PostwallDirectories directories = new PostwallDirectories(configurationDirectory, dataDirectory);
        return new PostwallConfiguration(directories,
            PostwallProperties.load(directories.configurationDirectory().resolve(PostwallProperties.FILE_NAME)));
    }

    private final PostwallDirectories directories;
    private final PostwallProperties properties;

    private PostwallConfiguration(PostwallDirectories directories, PostwallProperties properties) {
        this.directories = directories;
        this.properties = properties;
    }

    public PostwallProperties properties() {
        return properties;
    }

    public Path configurationDirectory() {
        return directories.configurationDirectory();
    }

    public Path dataDirectory() {
        return directories.dataDirectory();
    }

    @Override
    public ConfigurationPath configurationPath() {
        return new ConfigurationPath(FileSystem.FILE_PROTOCOL_AND_CONF);
    }

    @Override
    public JamesDirectoriesProvider directories() {
        return directories;
    }

    @Override
    public String toString() {
        return "configuration " + configurationDirectory() + ", data " + dataDirectory() + ", backend " + properties.backend();
    }
}
