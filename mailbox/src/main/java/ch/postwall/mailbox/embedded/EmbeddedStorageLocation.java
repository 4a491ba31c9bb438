package ch.postwall.mailbox.embedded;

import java.nio.file.Path;

import org.apache.james.filesystem.api.JamesDirectoriesProvider;

/** Where the embedded backend keeps its files: everything lives below the server's data directory. */
public final class EmbeddedStorageLocation {
    private EmbeddedStorageLocation() {
    }

    public static Path database(JamesDirectoriesProvider directories) {
        return dataDirectory(directories).resolve("db");
    }

    public static Path luceneIndex(JamesDirectoriesProvider directories) {
        return dataDirectory(directories).resolve("lucene");
    }

    private static Path dataDirectory(JamesDirectoriesProvider directories) {
        return Path.of(directories.getVarDirectory());
    }
}
