package ch.postwall.calendar.ical;

/** The filter asks for something this server does not evaluate (RFC 4791 supported-filter). */
public class UnsupportedFilterException extends RuntimeException {
    public UnsupportedFilterException(String message) {
        super(message);
    }
}
