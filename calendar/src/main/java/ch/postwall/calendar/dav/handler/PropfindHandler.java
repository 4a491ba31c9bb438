package ch.postwall.calendar.dav.handler;

import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResource;
import ch.postwall.calendar.dav.DavResources;
import ch.postwall.calendar.dav.DavResponse;
import ch.postwall.calendar.dav.Multistatus;
import ch.postwall.calendar.dav.xml.DavNamespaces;
import ch.postwall.calendar.dav.xml.DavXmlException;
import ch.postwall.calendar.dav.xml.DavXmlParser;
import ch.postwall.calendar.dav.xml.PropertyRequest;

/** PROPFIND with Depth 0 or 1; infinite depth is refused (RFC 4918 9.1, propfind-finite-depth). */
public class PropfindHandler implements DavMethodHandler {
    private final DavResources resources;
    private final Multistatus multistatus;

    public PropfindHandler(DavResources resources, Multistatus multistatus) {
        this.resources = resources;
        this.multistatus = multistatus;
    }

    @Override
    public String method() {
        return "PROPFIND";
    }

    @Override
    public DavResponse handle(DavRequest request) throws DavException {
        int depth = depth(request);
        DavResource target = resources.resolve(request.path(), request.user());
        PropertyRequest properties;
        try {
            properties = DavXmlParser.parsePropfind(request.body());
        } catch (DavXmlException e) {
            throw new DavException(400, e.getMessage());
        }
        return DavResponse.xml(207, Multistatus.body(resources.withChildren(target, depth)
            .map(resource -> multistatus.response(resource, properties, request.user()))
            .toList()));
    }

    private static int depth(DavRequest request) throws DavException {
        String depth = request.header("Depth").map(String::trim).orElse("infinity");
        return switch (depth) {
            case "0" -> 0;
            case "1" -> 1;
            default -> throw new DavException(403, DavNamespaces.dav("propfind-finite-depth"), "Depth " + depth + " refused");
        };
    }
}
