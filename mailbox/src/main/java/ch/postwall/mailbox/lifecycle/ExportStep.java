package ch.postwall.mailbox.lifecycle;

import java.io.IOException;

import org.apache.james.core.Username;

/** Adds what one module holds about a user to the user's export archive. */
public interface ExportStep {
    /** Short stable name, also the top-level folder of the step's entries in the archive. */
    String name();

    void export(Username user, ExportArchive archive) throws IOException;
}
