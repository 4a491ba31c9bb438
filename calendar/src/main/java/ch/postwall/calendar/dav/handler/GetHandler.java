package ch.postwall.calendar.dav.handler;

import ch.postwall.calendar.CalendarExporter;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavProperties;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResource;
import ch.postwall.calendar.dav.DavResources;
import ch.postwall.calendar.dav.DavResponse;

/** GET of an object returns it byte for byte; GET of a collection returns it as one iCalendar file. */
public class GetHandler implements DavMethodHandler {
    private static final String CALENDAR = "text/calendar; charset=utf-8";

    private final DavResources resources;
    private final CalendarExporter exporter;

    public GetHandler(DavResources resources, CalendarExporter exporter) {
        this.resources = resources;
        this.exporter = exporter;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public DavResponse handle(DavRequest request) throws DavException {
        DavResource resource = resources.resolve(request.path(), request.user());
        if (resource instanceof DavResource.ObjectResource found) {
            CalendarObject object = found.object();
            if (request.header("If-None-Match").map(String::trim).filter(object.etag()::equals).isPresent()) {
                return DavResponse.status(304).withHeader("ETag", object.etag());
            }
            return DavResponse.text(200, DavProperties.contentType(object), object.ics()).withHeader("ETag", object.etag());
        }
        if (resource instanceof DavResource.Collection collection) {
            return DavResponse.text(200, CALENDAR, exporter.export(collection.collection()));
        }
        throw new DavException(405, "GET is not defined on " + request.path());
    }
}
