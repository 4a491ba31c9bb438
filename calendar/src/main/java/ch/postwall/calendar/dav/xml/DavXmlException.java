package ch.postwall.calendar.dav.xml;

/** A request body that is not well-formed XML or not the element the method expects. */
public class DavXmlException extends Exception {
    public DavXmlException(String message) {
        super(message);
    }

    public DavXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
