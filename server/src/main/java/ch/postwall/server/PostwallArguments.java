package ch.postwall.server;

import java.nio.file.Path;

/** The command line: where the configuration is read from and where all data is written. */
public final class PostwallArguments {
    public static PostwallArguments parse(String[] args) {
        Path configuration = Path.of("conf");
        Path data = Path.of("var");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.equals("--conf") && !option.equals("--data")) {
                throw new IllegalArgumentException("Unknown option '" + option + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + option + " needs a directory");
            }
            Path value = Path.of(args[++i]);
            if (option.equals("--conf")) {
                configuration = value;
            } else {
                data = value;
            }
        }
        return new PostwallArguments(configuration.toAbsolutePath().normalize(), data.toAbsolutePath().normalize());
    }

    private final Path configurationDirectory;
    private final Path dataDirectory;

    private PostwallArguments(Path configurationDirectory, Path dataDirectory) {
        this.configurationDirectory = configurationDirectory;
        this.dataDirectory = dataDirectory;
    }

    public Path configurationDirectory() {
        return configurationDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
