package ch.postwall.calendar.dav.xml;

/** A text-match collation this server does not implement (RFC 4791 supported-collation). */
public class UnsupportedCollationException extends DavXmlException {
    public UnsupportedCollationException(String collation) {
        super("Unsupported collation " + collation);
    }
}
