package ch.postwall.calendar.dav;

import static ch.postwall.calendar.dav.xml.DavNamespaces.caldav;
import static ch.postwall.calendar.dav.xml.DavNamespaces.dav;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import javax.xml.namespace.QName;

import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.dav.xml.DavNamespaces;
import ch.postwall.calendar.dav.xml.XmlElement;

/** The live properties of each kind of resource, as PROPFIND and REPORT return them. */
public final class DavProperties {
    public static final QName RESOURCETYPE = dav("resourcetype");
    public static final QName DISPLAYNAME = dav("displayname");
    public static final QName GETETAG = dav("getetag");
    public static final QName GETCONTENTTYPE = dav("getcontenttype");
    public static final QName GETCONTENTLENGTH = dav("getcontentlength");
    public static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");
    public static final QName CURRENT_USER_PRIVILEGE_SET = dav("current-user-privilege-set");
    public static final QName PRINCIPAL_URL = dav("principal-URL");
    public static final QName OWNER = dav("owner");
    public static final QName SUPPORTED_REPORT_SET = dav("supported-report-set");
    public static final QName SYNC_TOKEN = dav("sync-token");
    public static final QName CALENDAR_HOME_SET = caldav("calendar-home-set");
    public static final QName CALENDAR_USER_ADDRESS_SET = caldav("calendar-user-address-set");
    public static final QName CALENDAR_DESCRIPTION = caldav("calendar-description");
    public static final QName SUPPORTED_CALENDAR_COMPONENT_SET = caldav("supported-calendar-component-set");
    public static final QName SUPPORTED_CALENDAR_DATA = caldav("supported-calendar-data");
    public static final QName MAX_RESOURCE_SIZE = caldav("max-resource-size");
    public static final QName CALENDAR_DATA = caldav("calendar-data");
    public static final QName CALENDAR_COLOR = new QName(DavNamespaces.APPLE_ICAL, "calendar-color");
    public static final QName GETCTAG = new QName(DavNamespaces.CALENDARSERVER, "getctag");
    public static final String SYNC_TOKEN_PREFIX = "http://postwall.ch/ns/sync/";

    private static final List<String> PRIVILEGES = List.of("read", "write", "write-properties", "write-content",
        "bind", "unbind", "read-current-user-privilege-set");
    private static final List<QName> REPORTS = List.of(caldav("calendar-query"), caldav("calendar-multiget"), dav("sync-collection"));

    private final long maxObjectSize;

    public DavProperties(long maxObjectSize) {
        this.maxObjectSize = maxObjectSize;
    }

    /** The properties allprop and propname list; calendar-data is only returned when asked for (RFC 4791 9.6). */
    public List<QName> names(DavResource resource) {
        List<QName> names = new ArrayList<>(List.of(RESOURCETYPE, CURRENT_USER_PRINCIPAL));
        if (resource instanceof DavResource.Principal) {
            names.addAll(List.of(DISPLAYNAME, PRINCIPAL_URL, CALENDAR_HOME_SET, CALENDAR_USER_ADDRESS_SET));
        } else if (resource instanceof DavResource.Home) {
            names.addAll(List.of(OWNER, CURRENT_USER_PRIVILEGE_SET));
        } else if (resource instanceof DavResource.Collection collection) {
            names.addAll(List.of(DISPLAYNAME, OWNER, CURRENT_USER_PRIVILEGE_SET, SUPPORTED_CALENDAR_COMPONENT_SET,
                SUPPORTED_CALENDAR_DATA, MAX_RESOURCE_SIZE, SUPPORTED_REPORT_SET, GETCTAG, SYNC_TOKEN));
            collection.collection().description().ifPresent(any -> names.add(CALENDAR_DESCRIPTION));
            collection.collection().color().ifPresent(any -> names.add(CALENDAR_COLOR));
        } else if (resource instanceof DavResource.ObjectResource) {
            names.addAll(List.of(GETETAG, GETCONTENTTYPE, GETCONTENTLENGTH));
        }
        return names;
    }

    /** The property with its value, empty when the resource does not have it. */
    public Optional<XmlElement> value(DavResource resource, QName name, Username user) {
        if (name.equals(CURRENT_USER_PRINCIPAL)) {
            return Optional.of(XmlElement.of(name, href(new DavPath.Principal(user))));
        }
        if (name.equals(RESOURCETYPE)) {
            return Optional.of(resourceType(resource));
        }
        if (resource instanceof DavResource.Principal principal) {
            return principalProperty(principal.user(), name);
        }
        if (resource instanceof DavResource.Home home) {
            return containerProperty(home.user(), name);
        }
        if (resource instanceof DavResource.Collection collection) {
            return collectionProperty(collection.collection(), name)
                .or(() -> containerProperty(collection.collection().owner(), name));
        }
        if (resource instanceof DavResource.ObjectResource object) {
            return objectProperty(object.object(), name);
        }
        return Optional.empty();
    }

    private Optional<XmlElement> principalProperty(Username user, QName name) {
        if (name.equals(DISPLAYNAME)) {
            return Optional.of(XmlElement.text(name, user.getLocalPart()));
        }
        if (name.equals(PRINCIPAL_URL)) {
            return Optional.of(XmlElement.of(name, href(new DavPath.Principal(user))));
        }
        if (name.equals(CALENDAR_HOME_SET)) {
            return Optional.of(XmlElement.of(name, href(new DavPath.Home(user))));
        }
        if (name.equals(CALENDAR_USER_ADDRESS_SET)) {
            return Optional.of(XmlElement.of(name, XmlElement.text(dav("href"), "mailto:" + user.asString())));
        }
        return Optional.empty();
    }

    private Optional<XmlElement> containerProperty(Username owner, QName name) {
        if (name.equals(OWNER)) {
            return Optional.of(XmlElement.of(name, href(new DavPath.Principal(owner))));
        }
        if (name.equals(CURRENT_USER_PRIVILEGE_SET)) {
            return Optional.of(XmlElement.of(name, PRIVILEGES.stream()
                .map(privilege -> XmlElement.of(dav("privilege"), XmlElement.empty(dav(privilege))))
                .toList()));
        }
        return Optional.empty();
    }

    private Optional<XmlElement> collectionProperty(CalendarCollection collection, QName name) {
        if (name.equals(DISPLAYNAME)) {
            return Optional.of(XmlElement.text(name, collection.displayName()));
        }
        if (name.equals(CALENDAR_DESCRIPTION)) {
            return collection.description().map(description -> XmlElement.text(name, description));
        }
        if (name.equals(CALENDAR_COLOR)) {
            return collection.color().map(color -> XmlElement.text(name, color));
        }
        if (name.equals(SUPPORTED_CALENDAR_COMPONENT_SET)) {
            return Optional.of(XmlElement.of(name, collection.components().stream().sorted()
                .map(type -> XmlElement.empty(caldav("comp")).withAttribute("name", type.name()))
                .toList()));
        }
        if (name.equals(SUPPORTED_CALENDAR_DATA)) {
            return Optional.of(XmlElement.of(name, XmlElement.empty(caldav("calendar-data"))
                .withAttribute("content-type", "text/calendar").withAttribute("version", "2.0")));
        }
        if (name.equals(MAX_RESOURCE_SIZE)) {
            return Optional.of(XmlElement.text(name, Long.toString(maxObjectSize)));
        }
        if (name.equals(SUPPORTED_REPORT_SET)) {
            return Optional.of(XmlElement.of(name, REPORTS.stream()
                .map(report -> XmlElement.of(dav("supported-report"), XmlElement.of(dav("report"), XmlElement.empty(report))))
                .toList()));
        }
        if (name.equals(GETCTAG)) {
            return Optional.of(XmlElement.text(name, syncToken(collection.syncRevision())));
        }
        if (name.equals(SYNC_TOKEN)) {
            return Optional.of(XmlElement.text(name, syncToken(collection.syncRevision())));
        }
        return Optional.empty();
    }

    private Optional<XmlElement> objectProperty(CalendarObject object, QName name) {
        if (name.equals(GETETAG)) {
            return Optional.of(XmlElement.text(name, object.etag()));
        }
        if (name.equals(GETCONTENTTYPE)) {
            return Optional.of(XmlElement.text(name, contentType(object)));
        }
        if (name.equals(GETCONTENTLENGTH)) {
            return Optional.of(XmlElement.text(name, Integer.toString(object.ics().getBytes(StandardCharsets.UTF_8).length)));
        }
        if (name.equals(CALENDAR_DATA)) {
            return Optional.of(XmlElement.text(name, object.ics()));
        }
        return Optional.empty();
    }

    public static String contentType(CalendarObject object) {
        return "text/calendar; charset=utf-8; component=" + object.type().name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String syncToken(long revision) {
        return SYNC_TOKEN_PREFIX + revision;
    }

    /** The revision a sync token names, empty when the token was not issued by this server. */
    public static OptionalLong revision(String syncToken) {
        if (!syncToken.startsWith(SYNC_TOKEN_PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            long revision = Long.parseLong(syncToken.substring(SYNC_TOKEN_PREFIX.length()));
            return revision < 0 ? OptionalLong.empty() : OptionalLong.of(revision);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public static XmlElement href(DavPath path) {
        return XmlElement.text(dav("href"), path.href());
    }

    private static XmlElement resourceType(DavResource resource) {
        QName name = RESOURCETYPE;
        if (resource instanceof DavResource.Principal) {
            return XmlElement.of(name, XmlElement.empty(dav("principal")));
        }
        if (resource instanceof DavResource.Collection) {
            return XmlElement.of(name, XmlElement.empty(dav("collection")), XmlElement.empty(caldav("calendar")));
        }
        if (resource instanceof DavResource.ObjectResource) {
            return XmlElement.empty(name);
        }
        return XmlElement.of(name, XmlElement.empty(dav("collection")));
    }
}
