package ch.postwall.mailbox.opensearch;

import java.util.Map;

import javax.mail.Flags.Flag;

import com.google.common.collect.ImmutableMap;

/** Names under which the IMAP system flags are stored in the index's {@code flags} field. */
final class SystemFlag {
    private static final Map<Flag, String> NAMES = ImmutableMap.of(
        Flag.ANSWERED, "answered",
        Flag.DELETED, "deleted",
        Flag.DRAFT, "draft",
        Flag.FLAGGED, "flagged",
        Flag.RECENT, "recent",
        Flag.SEEN, "seen");

    private SystemFlag() {
    }

    static String nameOf(Flag flag) {
        String name = NAMES.get(flag);
        if (name == null) {
            throw new IllegalArgumentException("Not a system flag: " + flag);
        }
        return name;
    }

    static Map<Flag, String> names() {
        return NAMES;
    }
}
