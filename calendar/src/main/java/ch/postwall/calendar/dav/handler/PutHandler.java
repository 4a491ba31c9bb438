package ch.postwall.calendar.dav.handler;

import static ch.postwall.calendar.dav.xml.DavNamespaces.caldav;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.PutResult;
import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavPath;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResources;
import ch.postwall.calendar.dav.DavResponse;
import ch.postwall.calendar.ical.CalendarObjects;
import ch.postwall.calendar.ical.InvalidCalendarDataException;

/**
 * PUT of a calendar object resource (RFC 4791 5.3.2). The object is validated before anything is
 * written and stored exactly as sent, so the returned ETag is strong.
 */
public class PutHandler implements DavMethodHandler {
    private final DavResources resources;
    private final CalendarStore store;
    private final long maxObjectSize;

    public PutHandler(DavResources resources, CalendarStore store, long maxObjectSize) {
        this.resources = resources;
        this.store = store;
        this.maxObjectSize = maxObjectSize;
    }

    @Override
    public String method() {
        return "PUT";
    }

    @Override
    public DavResponse handle(DavRequest request) throws DavException {
        DavPath path = resources.path(request.path(), request.user());
        if (!(path instanceof DavPath.ObjectPath target)) {
            throw new DavException(405, "PUT is only allowed on calendar object resources");
        }
        if (request.body().length > maxObjectSize) {
            throw new DavException(413, caldav("max-resource-size"), "Object larger than " + maxObjectSize + " bytes");
        }
        if (!isCalendarContentType(request)) {
            throw new DavException(415, caldav("supported-calendar-data"), "Only text/calendar is accepted");
        }
        CalendarCollection collection = store.collection(target.user(), target.collectionId())
            .orElseThrow(() -> new DavException(409, "The collection does not exist"));
        CalendarObject object;
        try {
            object = CalendarObjects.create(target.user(), target.collectionId(), target.name(), utf8(request.body()));
        } catch (InvalidCalendarDataException e) {
            throw new DavException(400, caldav("valid-calendar-data"), e.getMessage());
        }
        if (!collection.components().contains(object.type())) {
            throw new DavException(403, caldav("supported-calendar-component"), object.type() + " not supported here");
        }
        PutResult result = store.put(object, Conditions.of(request));
        return switch (result) {
            case CREATED -> DavResponse.status(201).withHeader("ETag", object.etag());
            case UPDATED -> DavResponse.status(204).withHeader("ETag", object.etag());
            case PRECONDITION_FAILED -> throw new DavException(412, "Precondition failed");
            case UID_CONFLICT -> throw new DavException(403, caldav("no-uid-conflict"), "UID already used in this collection");
            case COLLECTION_NOT_FOUND -> throw new DavException(409, "The collection does not exist");
        };
    }

    private static boolean isCalendarContentType(DavRequest request) {
        return request.header("Content-Type")
            .map(value -> value.split(";")[0].trim().toLowerCase(Locale.ROOT))
            .filter("text/calendar"::equals)
            .isPresent();
    }

    private static String utf8(byte[] body) throws DavException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body))
                .toString();
        } catch (CharacterCodingException e) {
            throw new DavException(400, caldav("valid-calendar-data"), "Calendar data is not UTF-8");
        }
    }
}
