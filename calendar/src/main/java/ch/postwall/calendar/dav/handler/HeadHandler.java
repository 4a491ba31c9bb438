package ch.postwall.calendar.dav.handler;

import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResponse;

/** HEAD is GET without the body (the headers, Content-Length included, stay those of GET). */
public class HeadHandler implements DavMethodHandler {
    private final GetHandler get;

    public HeadHandler(GetHandler get) {
        this.get = get;
    }

    @Override
    public String method() {
        return "HEAD";
    }

    @Override
    public DavResponse handle(DavRequest request) throws DavException {
        DavResponse response = get.handle(request);
        return new DavResponse(response.status(), response.headers(), new byte[0])
            .withHeader("Content-Length", Integer.toString(response.body().length));
    }
}
