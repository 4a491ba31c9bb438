package ch.postwall.calendar.dav.xml;

import javax.xml.namespace.QName;

/** The XML namespaces and element names of WebDAV, CalDAV and the common client extensions. */
public final class DavNamespaces {
    public static final String DAV = "DAV:";
    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String CALENDARSERVER = "http://calendarserver.org/ns/";
    public static final String APPLE_ICAL = "http://apple.com/ns/ical/";

    private DavNamespaces() {
    }

    public static QName dav(String localName) {
        return new QName(DAV, localName);
    }

    public static QName caldav(String localName) {
        return new QName(CALDAV, localName);
    }

    static String preferredPrefix(String namespace) {
        return switch (namespace) {
            case DAV -> "D";
            case CALDAV -> "C";
            case CALENDARSERVER -> "CS";
            case APPLE_ICAL -> "ICAL";
            default -> null;
        };
    }
}
