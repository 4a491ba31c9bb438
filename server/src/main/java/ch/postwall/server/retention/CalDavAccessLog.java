package ch.postwall.server.retention;

import javax.inject.Inject;

import org.apache.james.core.Username;

import ch.postwall.calendar.server.CalDavAccessListener;
import ch.postwall.retention.access.AccessType;
import ch.postwall.server.http.HttpAccessLog;

/** Records every answered CalDAV request in the access log, failed authentications included. */
public class CalDavAccessLog implements CalDavAccessListener {
    private final HttpAccessLog accessLog;

    @Inject
    public CalDavAccessLog(HttpAccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void requestAnswered(Access access) {
        accessLog.record(access.user().map(Username::asString).or(access::login), AccessType.CALDAV, access.remoteAddress(),
            access.status());
    }
}
