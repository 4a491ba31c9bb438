package ch.postwall.calendar.api;

import java.util.List;

/** Members changed and deleted after a sync revision, and the revision they bring the client to. */
public record Changes(long revision, List<String> changed, List<String> deleted) {
    public Changes {
        changed = List.copyOf(changed);
        deleted = List.copyOf(deleted);
    }
}
