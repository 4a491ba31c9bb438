package ch.postwall.calendar.dav.handler;

import static ch.postwall.calendar.dav.xml.DavNamespaces.dav;

import java.util.ArrayList;
import java.util.List;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavProperties;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResource;
import ch.postwall.calendar.dav.DavResources;
import ch.postwall.calendar.dav.DavResponse;
import ch.postwall.calendar.dav.Multistatus;
import ch.postwall.calendar.dav.xml.DavXmlException;
import ch.postwall.calendar.dav.xml.DavXmlParser;
import ch.postwall.calendar.dav.xml.PropertyUpdate;
import ch.postwall.calendar.dav.xml.XmlElement;

/** PROPPATCH of a collection's display name, description and color. */
public class ProppatchHandler implements DavMethodHandler {
    private final DavResources resources;
    private final CalendarStore store;

    public ProppatchHandler(DavResources resources, CalendarStore store) {
        this.resources = resources;
        this.store = store;
    }

    @Override
    public String method() {
        return "PROPPATCH";
    }

    @Override
    public DavResponse handle(DavRequest request) throws DavException {
        DavResource resource = resources.resolve(request.path(), request.user());
        if (!(resource instanceof DavResource.Collection target)) {
            throw new DavException(403, dav("cannot-modify-protected-property"), "Only collections have writable properties");
        }
        PropertyUpdate update;
        try {
            update = DavXmlParser.parseProppatch(request.body());
        } catch (DavXmlException e) {
            throw new DavException(400, e.getMessage());
        }
        CollectionProperties.Outcome outcome = CollectionProperties.apply(target.collection(), update, false);
        if (outcome.updated().isPresent() && !store.updateCollectionProperties(outcome.updated().get())) {
            throw DavException.notFound();
        }
        List<XmlElement> children = new ArrayList<>();
        children.add(DavProperties.href(resource.path()));
        children.addAll(outcome.propstats());
        return DavResponse.xml(207, Multistatus.body(List.of(XmlElement.of(dav("response"), children))));
    }
}
