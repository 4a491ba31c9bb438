package ch.postwall.calendar.dav;

import static ch.postwall.calendar.dav.xml.DavNamespaces.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.apache.james.core.Username;

import ch.postwall.calendar.dav.xml.PropertyRequest;
import ch.postwall.calendar.dav.xml.XmlElement;

/** Builds DAV:multistatus bodies (RFC 4918 13). */
public final class Multistatus {
    private final DavProperties properties;

    public Multistatus(DavProperties properties) {
        this.properties = properties;
    }

    public static XmlElement body(List<XmlElement> responses) {
        return XmlElement.of(dav("multistatus"), responses);
    }

    /** One DAV:response for a resource: found properties under 200, missing ones under 404. */
    public XmlElement response(DavResource resource, PropertyRequest request, Username user) {
        List<XmlElement> found = new ArrayList<>();
        List<XmlElement> missing = new ArrayList<>();
        if (request instanceof PropertyRequest.Props props) {
            for (QName name : props.names()) {
                Optional<XmlElement> value = properties.value(resource, name, user);
                if (value.isPresent()) {
                    found.add(value.get());
                } else {
                    missing.add(XmlElement.empty(name));
                }
            }
        } else {
            boolean namesOnly = request instanceof PropertyRequest.PropName;
            for (QName name : properties.names(resource)) {
                properties.value(resource, name, user).map(value -> namesOnly ? value.nameOnly() : value).ifPresent(found::add);
            }
        }
        List<XmlElement> children = new ArrayList<>();
        children.add(DavProperties.href(resource.path()));
        if (!found.isEmpty()) {
            children.add(propstat(found, 200));
        }
        if (!missing.isEmpty()) {
            children.add(propstat(missing, 404));
        }
        return XmlElement.of(dav("response"), children);
    }

    public static XmlElement statusResponse(String href, int status) {
        return XmlElement.of(dav("response"), XmlElement.text(dav("href"), href), status(status));
    }

    public static XmlElement propstat(List<XmlElement> props, int status) {
        return XmlElement.of(dav("propstat"), XmlElement.of(dav("prop"), props), status(status));
    }

    private static XmlElement status(int status) {
        return XmlElement.text(dav("status"), "HTTP/1.1 " + status + " " + reason(status));
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 424 -> "Failed Dependency";
            default -> "Status";
        };
    }
}
