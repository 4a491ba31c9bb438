package ch.postwall.calendar.ical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The iCalendar samples of {@code src/test/resources/ics}. */
public final class IcsResources {
    private IcsResources() {
    }

    public static String read(String name) {
        try (InputStream stream = IcsResources.class.getResourceAsStream("/ics/" + name)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
