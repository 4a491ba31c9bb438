package ch.postwall.calendar.dav.handler;

import static ch.postwall.calendar.dav.xml.DavNamespaces.caldav;
import static ch.postwall.calendar.dav.xml.DavNamespaces.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.james.core.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.Changes;
import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavPath;
import ch.postwall.calendar.dav.DavProperties;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResource;
import ch.postwall.calendar.dav.DavResources;
import ch.postwall.calendar.dav.DavResponse;
import ch.postwall.calendar.dav.Multistatus;
import ch.postwall.calendar.dav.xml.DavXmlException;
import ch.postwall.calendar.dav.xml.DavXmlParser;
import ch.postwall.calendar.dav.xml.PropertyRequest;
import ch.postwall.calendar.dav.xml.ReportRequest;
import ch.postwall.calendar.dav.xml.UnsupportedCollationException;
import ch.postwall.calendar.dav.xml.UnsupportedReportException;
import ch.postwall.calendar.dav.xml.XmlElement;
import ch.postwall.calendar.ical.CalendarData;
import ch.postwall.calendar.ical.CalendarFilter.CompFilter;
import ch.postwall.calendar.ical.InvalidCalendarDataException;
import ch.postwall.calendar.ical.UnsupportedFilterException;

/** REPORT: calendar-query, calendar-multiget and sync-collection. */
public class ReportHandler implements DavMethodHandler {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReportHandler.class);

    private final DavResources resources;
    private final CalendarStore store;
    private final Multistatus multistatus;

    public ReportHandler(DavResources resources, CalendarStore store, Multistatus multistatus) {
        this.resources = resources;
        this.store = store;
        this.multistatus = multistatus;
    }

    @Override
    public String method() {
        return "REPORT";
    }

    @Override
    public DavResponse handle(DavRequest request) throws DavException {
        DavResource target = resources.resolve(request.path(), request.user());
        ReportRequest report = parse(request.body());
        if (report instanceof ReportRequest.CalendarMultiget multiget) {
            return multiget(multiget, request.user());
        }
        if (!(target instanceof DavResource.Collection collection)) {
            throw new DavException(403, dav("supported-report"), "This report applies to calendar collections");
        }
        if (report instanceof ReportRequest.CalendarQuery query) {
            return query(collection.collection(), query, request.user());
        }
        return sync(collection.collection(), (ReportRequest.SyncCollection) report, request.user());
    }

    private static ReportRequest parse(byte[] body) throws DavException {
        try {
            return DavXmlParser.parseReport(body);
        } catch (UnsupportedReportException e) {
            throw new DavException(403, dav("supported-report"), e.getMessage());
        } catch (UnsupportedCollationException e) {
            throw new DavException(403, caldav("supported-collation"), e.getMessage());
        } catch (DavXmlException e) {
            throw new DavException(400, e.getMessage());
        }
    }

    private DavResponse query(CalendarCollection collection, ReportRequest.CalendarQuery query, Username user) throws DavException {
        if (!query.filter().name().equalsIgnoreCase("VCALENDAR")) {
            throw new DavException(403, caldav("valid-filter"), "The filter must start with VCALENDAR");
        }
        List<CalendarObject> candidates = indexedRange(query.filter())
            .map(range -> store.objectsOverlapping(collection.owner(), collection.id(), range))
            .orElseGet(() -> store.objects(collection.owner(), collection.id()));
        List<XmlElement> responses = new ArrayList<>();
        try {
            for (CalendarObject object : candidates) {
                if (parse(object).map(data -> data.matches(query.filter())).orElse(false)) {
                    responses.add(multistatus.response(new DavResource.ObjectResource(object), query.properties(), user));
                }
            }
        } catch (UnsupportedFilterException e) {
            throw new DavException(403, caldav("supported-filter"), e.getMessage());
        }
        return DavResponse.xml(207, Multistatus.body(responses));
    }

    /** The time range of a top-level component filter narrows the candidates through the store's index. */
    private static Optional<TimeRange> indexedRange(CompFilter calendarFilter) {
        return calendarFilter.compFilters().stream()
            .filter(filter -> !filter.isNotDefined())
            .flatMap(filter -> filter.timeRange().stream())
            .findFirst();
    }

    private static Optional<CalendarData> parse(CalendarObject object) {
        try {
            return Optional.of(CalendarData.parse(object.ics()));
        } catch (InvalidCalendarDataException e) {
            LOGGER.warn("Stored calendar object {} of {} does not parse: {}", object.name(), object.owner().asString(), e.getMessage());
            return Optional.empty();
        }
    }

    private DavResponse multiget(ReportRequest.CalendarMultiget multiget, Username user) {
        List<XmlElement> responses = new ArrayList<>();
        for (String href : multiget.hrefs()) {
            Optional<DavResource> resource = DavPath.parse(href)
                .filter(path -> path instanceof DavPath.ObjectPath && path.owner().equals(Optional.of(user)))
                .flatMap(resources::find);
            responses.add(resource
                .map(found -> multistatus.response(found, multiget.properties(), user))
                .orElseGet(() -> Multistatus.statusResponse(href, 404)));
        }
        return DavResponse.xml(207, Multistatus.body(responses));
    }

    private DavResponse sync(CalendarCollection collection, ReportRequest.SyncCollection sync, Username user) throws DavException {
        boolean initial = sync.syncToken().isEmpty();
        OptionalLong revision = initial ? OptionalLong.of(0) : DavProperties.revision(sync.syncToken());
        Optional<Changes> changes = revision.isPresent()
            ? store.changesSince(collection.owner(), collection.id(), revision.getAsLong())
            : Optional.empty();
        if (changes.isEmpty()) {
            throw new DavException(403, dav("valid-sync-token"), "Unknown sync token");
        }
        List<XmlElement> responses = new ArrayList<>();
        for (String name : changes.get().changed()) {
            DavPath.ObjectPath path = new DavPath.ObjectPath(collection.owner(), collection.id(), name);
            responses.add(store.object(collection.owner(), collection.id(), name)
                .map(object -> multistatus.response(new DavResource.ObjectResource(object), sync.properties(), user))
                .orElseGet(() -> Multistatus.statusResponse(path.href(), 404)));
        }
        if (!initial) {
            changes.get().deleted().forEach(name ->
                responses.add(Multistatus.statusResponse(new DavPath.ObjectPath(collection.owner(), collection.id(), name).href(), 404)));
        }
        responses.add(XmlElement.text(DavProperties.SYNC_TOKEN, DavProperties.syncToken(changes.get().revision())));
        return DavResponse.xml(207, Multistatus.body(responses));
    }
}
