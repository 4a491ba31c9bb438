package ch.postwall.calendar.dav.xml;

import java.util.List;
import java.util.Optional;

/**
 * The property changes of a PROPPATCH or MKCALENDAR body, in document order. A removal carries
 * no value; a set carries the element as sent.
 */
public record PropertyUpdate(List<Change> changes) {
    public record Change(XmlElement property, Optional<XmlElement> value) {
        public boolean isRemoval() {
            return value.isEmpty();
        }
    }

    public PropertyUpdate {
        changes = List.copyOf(changes);
    }
}
