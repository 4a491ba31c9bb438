package ch.postwall.calendar.dav.xml;

import java.util.List;

import ch.postwall.calendar.ical.CalendarFilter.CompFilter;

/** The REPORTs this server answers: calendar-query, calendar-multiget (RFC 4791) and sync-collection (RFC 6578). */
public sealed interface ReportRequest {
    PropertyRequest properties();

    record CalendarQuery(PropertyRequest properties, CompFilter filter) implements ReportRequest {
    }

    record CalendarMultiget(PropertyRequest properties, List<String> hrefs) implements ReportRequest {
        public CalendarMultiget {
            hrefs = List.copyOf(hrefs);
        }
    }

    record SyncCollection(PropertyRequest properties, String syncToken) implements ReportRequest {
    }
}
