package ch.postwall.calendar.dav;

import java.util.Optional;

import javax.xml.namespace.QName;

import ch.postwall.calendar.dav.xml.DavNamespaces;
import ch.postwall.calendar.dav.xml.XmlElement;

/**
 * Ends a request with an HTTP status and, for a failed WebDAV/CalDAV precondition, the condition
 * element reported in a DAV:error body (RFC 4918 16).
 */
public class DavException extends Exception {
    private final int status;
    private final Optional<QName> condition;

    public DavException(int status, String message) {
        super(message);
        this.status = status;
        this.condition = Optional.empty();
    }

    public DavException(int status, QName condition, String message) {
        super(message);
        this.status = status;
        this.condition = Optional.of(condition);
    }

    public static DavException notFound() {
        return new DavException(404, "Not found");
    }

    public DavResponse toResponse() {
        return condition
            .map(name -> DavResponse.xml(status, XmlElement.of(DavNamespaces.dav("error"), XmlElement.empty(name))))
            .orElseGet(() -> DavResponse.status(status));
    }

    public int status() {
        return status;
    }
}
