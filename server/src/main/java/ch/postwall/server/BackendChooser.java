package ch.postwall.server;

import com.google.inject.Module;

import ch.postwall.mailbox.embedded.EmbeddedBackendModules;
import ch.postwall.server.config.Backend;

/** Picks the storage modules of the configured backend, so that no Guice module holds a conditional. */
public final class BackendChooser {
    private BackendChooser() {
    }

    public static Module modulesFor(Backend backend) {
        switch (backend) {
            case EMBEDDED:
                return EmbeddedBackendModules.ALL;
            case DISTRIBUTED:
                throw new UnsupportedOperationException("The distributed backend is not part of this build yet");
            default:
                throw new IllegalArgumentException("Unknown backend " + backend);
        }
    }
}
