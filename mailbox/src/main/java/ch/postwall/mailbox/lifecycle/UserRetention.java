package ch.postwall.mailbox.lifecycle;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How long a user's content is kept, already reconciled with the domain's limits: per mail folder and per
 * calendar, with a default for the containers the user made no choice for. An empty duration means forever.
 *
 * @param mailDefault     for folders without a choice (the domain's maximum, or forever when it has none)
 * @param mailFolders     by full folder name, e.g. {@code Trash} or {@code Archive.2024}
 * @param calendarDefault for calendars without a choice
 * @param calendars       by calendar name
 */
public record UserRetention(Optional<Duration> mailDefault, Map<String, Optional<Duration>> mailFolders,
                            Optional<Duration> calendarDefault, Map<String, Optional<Duration>> calendars) {
    public static final UserRetention FOREVER = new UserRetention(Optional.empty(), Map.of(), Optional.empty(), Map.of());

    public UserRetention {
        mailFolders = Map.copyOf(mailFolders);
        calendars = Map.copyOf(calendars);
    }

    public Optional<Duration> forMailFolder(String folder) {
        return mailFolders.getOrDefault(folder, mailDefault);
    }

    public Optional<Duration> forCalendar(String calendar) {
        return calendars.getOrDefault(calendar, calendarDefault);
    }
}
