package ch.postwall.calendar.ical;

import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VToDo;
import net.fortuna.ical4j.model.property.DateProperty;

import ch.postwall.calendar.api.ComponentType;
import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.ical.CalendarFilter.CompFilter;
import ch.postwall.calendar.ical.CalendarFilter.ParamFilter;
import ch.postwall.calendar.ical.CalendarFilter.PropFilter;

/** Evaluates a calendar-query filter against one calendar object (RFC 4791 9.7). */
final class FilterEvaluator {
    private FilterEvaluator() {
    }

    static boolean matches(CalendarData data, CompFilter filter) {
        if (!filter.name().equalsIgnoreCase(Calendar.VCALENDAR)) {
            return false;
        }
        Calendar calendar = data.calendar();
        return !filter.isNotDefined()
            && filter.propFilters().stream().allMatch(propFilter -> matches(calendar.getProperties(), propFilter))
            && filter.compFilters().stream().allMatch(child -> matchesAmong(data, calendar.getComponents(), child));
    }

    private static boolean matchesAmong(CalendarData data, List<? extends Component> candidates, CompFilter filter) {
        List<? extends Component> named = candidates.stream()
            .filter(component -> component.getName().equalsIgnoreCase(filter.name()))
            .toList();
        if (filter.isNotDefined()) {
            return named.isEmpty();
        }
        return named.stream().anyMatch(component -> matches(data, component, filter));
    }

    private static boolean matches(CalendarData data, Component component, CompFilter filter) {
        return filter.timeRange().map(range -> inRange(data, component, range)).orElse(true)
            && filter.propFilters().stream().allMatch(propFilter -> matches(component.getProperties(), propFilter))
            && filter.compFilters().stream().allMatch(child -> matchesAmong(data, children(component), child));
    }

    private static boolean inRange(CalendarData data, Component component, TimeRange range) {
        if (ComponentType.parse(component.getName()).isEmpty()) {
            throw new UnsupportedFilterException("time-range is supported on VEVENT, VTODO and VJOURNAL, not " + component.getName());
        }
        return Recurrences.overlaps((CalendarComponent) component, data.components(), range);
    }

    private static List<? extends Component> children(Component component) {
        if (component instanceof VEvent event) {
            return event.getAlarms();
        }
        if (component instanceof VToDo todo) {
            return todo.getAlarms();
        }
        return List.of();
    }

    private static boolean matches(PropertyList<Property> properties, PropFilter filter) {
        List<Property> named = properties.getProperties(filter.name());
        if (filter.isNotDefined()) {
            return named.isEmpty();
        }
        return named.stream().anyMatch(property -> matches(property, filter));
    }

    private static boolean matches(Property property, PropFilter filter) {
        boolean inRange = filter.timeRange()
            .map(range -> property instanceof DateProperty date && date.getDate() != null
                && new TimeRange(CalendarData.instant(date.getDate()), CalendarData.instant(date.getDate())).overlaps(range))
            .orElse(true);
        return inRange
            && filter.textMatch().map(match -> match.matches(property.getValue())).orElse(true)
            && filter.paramFilters().stream().allMatch(paramFilter -> matches(property, paramFilter));
    }

    private static boolean matches(Property property, ParamFilter filter) {
        Optional<Parameter> parameter = Optional.ofNullable(property.getParameter(filter.name()));
        if (filter.isNotDefined()) {
            return parameter.isEmpty();
        }
        return parameter
            .map(found -> filter.textMatch().map(match -> match.matches(found.getValue())).orElse(true))
            .orElse(false);
    }
}
