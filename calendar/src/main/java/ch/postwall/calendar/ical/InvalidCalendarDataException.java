package ch.postwall.calendar.ical;

/** The body is not one valid iCalendar object resource (RFC 4791 valid-calendar-data). */
public class InvalidCalendarDataException extends Exception {
    public InvalidCalendarDataException(String message) {
        super(message);
    }

    public InvalidCalendarDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
