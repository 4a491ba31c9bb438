package ch.postwall.server;

import java.nio.file.Path;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;

/**
 * Maps James's directories onto Postwall's two: configuration is read from the configuration
 * directory, and everything the server writes (James's "var" and "root") goes to the data directory.
 */
public class PostwallDirectories implements JamesDirectoriesProvider {
    private final Path configurationDirectory;
    private final Path dataDirectory;

    public PostwallDirectories(Path configurationDirectory, Path dataDirectory) {
        this.configurationDirectory = configurationDirectory.toAbsolutePath().normalize();
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    public Path configurationDirectory() {
        return configurationDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String getAbsoluteDirectory() {
        return "/";
    }

    @Override
    public String getConfDirectory() {
        return configurationDirectory + "/";
    }

    @Override
    public String getVarDirectory() {
        return dataDirectory + "/";
    }

    @Override
    public String getRootDirectory() {
        return dataDirectory.toString();
    }
}
