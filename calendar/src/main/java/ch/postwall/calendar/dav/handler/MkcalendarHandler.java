package ch.postwall.calendar.dav.handler;

import static ch.postwall.calendar.dav.xml.DavNamespaces.caldav;
import static ch.postwall.calendar.dav.xml.DavNamespaces.dav;

import java.util.EnumSet;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavPath;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResources;
import ch.postwall.calendar.dav.DavResponse;
import ch.postwall.calendar.dav.xml.DavXmlException;
import ch.postwall.calendar.dav.xml.DavXmlParser;
import ch.postwall.calendar.dav.xml.PropertyUpdate;
import ch.postwall.calendar.dav.xml.XmlElement;

/** MKCALENDAR (RFC 4791 5.3.1): creates a collection in the user's calendar home. */
public class MkcalendarHandler implements DavMethodHandler {
    private final DavResources resources;
    private final CalendarStore store;

    public MkcalendarHandler(DavResources resources, CalendarStore store) {
        this.resources = resources;
        this.store = store;
    }

    @Override
    public String method() {
        return "MKCALENDAR";
    }

    @Override
    public DavResponse handle(DavRequest request) throws DavException {
        DavPath path = resources.path(request.path(), request.user());
        if (!(path instanceof DavPath.Collection target)) {
            throw new DavException(403, caldav("calendar-collection-location-ok"), "Calendars live directly in the calendar home");
        }
        if (store.collection(target.user(), target.collectionId()).isPresent()) {
            throw new DavException(405, dav("resource-must-be-null"), "The collection exists already");
        }
        PropertyUpdate update;
        try {
            update = DavXmlParser.parseMkcalendar(request.body());
        } catch (DavXmlException e) {
            throw new DavException(400, e.getMessage());
        }
        CalendarCollection initial = CalendarCollection.create(target.user(), target.collectionId(), target.collectionId(),
            EnumSet.allOf(ComponentType.class));
        CollectionProperties.Outcome outcome = CollectionProperties.apply(initial, update, true);
        if (outcome.updated().isEmpty()) {
            return DavResponse.xml(403, XmlElement.of(caldav("mkcalendar-response"), outcome.propstats()));
        }
        if (!store.createCollection(outcome.updated().get())) {
            throw new DavException(405, dav("resource-must-be-null"), "The collection exists already");
        }
        return DavResponse.status(201);
    }
}
