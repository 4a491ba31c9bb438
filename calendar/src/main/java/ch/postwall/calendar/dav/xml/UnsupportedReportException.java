package ch.postwall.calendar.dav.xml;

import javax.xml.namespace.QName;

/** A REPORT this server does not implement (RFC 3253 DAV:supported-report). */
public class UnsupportedReportException extends DavXmlException {
    public UnsupportedReportException(QName report) {
        super("Unsupported report " + report);
    }
}
