package ch.postwall.calendar.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarObject;

/** Turns iCalendar text into a storable object: validated, indexed, with a strong ETag of its exact bytes. */
public final class CalendarObjects {
    private CalendarObjects() {
    }

    public static CalendarObject create(Username owner, String collectionId, String name, String ics) throws InvalidCalendarDataException {
        CalendarData data = CalendarData.parse(ics);
        return new CalendarObject(owner, collectionId, name, data.uid(), data.type(), ics, etag(ics), data.indexRange());
    }

    /** A strong ETag: the object is stored byte for byte, so equal tags mean equal representations. */
    public static String etag(String ics) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ics.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
