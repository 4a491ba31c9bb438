package ch.postwall.calendar.dav.handler;

import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResponse;

public class OptionsHandler implements DavMethodHandler {
    public static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, MKCALENDAR, REPORT";
    public static final String DAV = "1, 3, calendar-access";

    @Override
    public String method() {
        return "OPTIONS";
    }

    @Override
    public DavResponse handle(DavRequest request) {
        return DavResponse.status(200).withHeader("DAV", DAV).withHeader("Allow", ALLOW);
    }
}
