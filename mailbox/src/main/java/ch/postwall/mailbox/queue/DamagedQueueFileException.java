package ch.postwall.mailbox.queue;

import java.io.IOException;

/** The file of a queued mail failed its checksum: it was moved aside, not delivered. */
class DamagedQueueFileException extends IOException {
    DamagedQueueFileException(String message) {
        super(message);
    }
}
