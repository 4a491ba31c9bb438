package ch.postwall.calendar.dav.xml;

import java.util.List;

import javax.xml.namespace.QName;

/** Which properties a PROPFIND or REPORT asks for (RFC 4918 14.20). */
public sealed interface PropertyRequest {
    record AllProp() implements PropertyRequest {
    }

    record PropName() implements PropertyRequest {
    }

    record Props(List<QName> names) implements PropertyRequest {
        public Props {
            names = List.copyOf(names);
        }
    }
}
