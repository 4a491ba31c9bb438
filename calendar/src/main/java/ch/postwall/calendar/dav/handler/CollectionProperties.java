package ch.postwall.calendar.dav.handler;

import static ch.postwall.calendar.dav.xml.DavNamespaces.caldav;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.dav.DavProperties;
import ch.postwall.calendar.dav.Multistatus;
import ch.postwall.calendar.dav.xml.PropertyUpdate;
import ch.postwall.calendar.dav.xml.XmlElement;

/**
 * Applies a property update to a collection, all or nothing (RFC 4918 9.2): when one change cannot
 * be made, it is reported 403 and every other one 424, and the collection stays as it was.
 */
final class CollectionProperties {
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?");
    private static final int MAX_TEXT = 1024;

    record Outcome(Optional<CalendarCollection> updated, List<XmlElement> propstats) {
    }

    private CollectionProperties() {
    }

    static Outcome apply(CalendarCollection collection, PropertyUpdate update, boolean creating) {
        CalendarCollection result = collection;
        List<XmlElement> applied = new ArrayList<>();
        List<XmlElement> refused = new ArrayList<>();
        for (PropertyUpdate.Change change : update.changes()) {
            Optional<CalendarCollection> changed = applyOne(result, change, creating);
            if (changed.isPresent()) {
                result = changed.get();
                applied.add(change.property());
            } else {
                refused.add(change.property());
            }
        }
        if (refused.isEmpty()) {
            return new Outcome(Optional.of(result), applied.isEmpty() ? List.of() : List.of(Multistatus.propstat(applied, 200)));
        }
        List<XmlElement> propstats = new ArrayList<>();
        propstats.add(Multistatus.propstat(refused, 403));
        if (!applied.isEmpty()) {
            propstats.add(Multistatus.propstat(applied, 424));
        }
        return new Outcome(Optional.empty(), propstats);
    }

    private static Optional<CalendarCollection> applyOne(CalendarCollection collection, PropertyUpdate.Change change, boolean creating) {
        QName name = change.property().name();
        Optional<String> text = change.value().flatMap(XmlElement::text).map(String::trim);
        if (text.filter(value -> value.length() > MAX_TEXT).isPresent()) {
            return Optional.empty();
        }
        if (name.equals(DavProperties.DISPLAYNAME)) {
            return Optional.of(collection.withDisplayName(text.filter(value -> !value.isEmpty()).orElse(collection.id())));
        }
        if (name.equals(DavProperties.CALENDAR_DESCRIPTION)) {
            return Optional.of(collection.withDescription(text.filter(value -> !value.isEmpty())));
        }
        if (name.equals(DavProperties.CALENDAR_COLOR)) {
            if (text.isPresent() && !COLOR.matcher(text.get()).matches()) {
                return Optional.empty();
            }
            return Optional.of(collection.withColor(text));
        }
        if (name.equals(DavProperties.SUPPORTED_CALENDAR_COMPONENT_SET) && creating && change.value().isPresent()) {
            return components(change.value().get()).map(components -> new CalendarCollection(collection.owner(),
                collection.id(), collection.displayName(), collection.description(), collection.color(), components, 0));
        }
        return Optional.empty();
    }

    private static Optional<Set<ComponentType>> components(XmlElement componentSet) {
        Set<ComponentType> components = EnumSet.noneOf(ComponentType.class);
        for (XmlElement comp : componentSet.children()) {
            Optional<ComponentType> type = Optional.ofNullable(comp.attributes().get("name")).flatMap(ComponentType::parse);
            if (!comp.name().equals(caldav("comp")) || type.isEmpty()) {
                return Optional.empty();
            }
            components.add(type.get());
        }
        return components.isEmpty() ? Optional.empty() : Optional.of(components);
    }
}
