package ch.postwall.calendar.dav.handler;

import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResponse;

/** Answers one HTTP method. */
public interface DavMethodHandler {
    String method();

    DavResponse handle(DavRequest request) throws DavException;
}
