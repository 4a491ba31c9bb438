package ch.postwall.calendar.dav.xml;

import static ch.postwall.calendar.dav.xml.DavNamespaces.caldav;
import static ch.postwall.calendar.dav.xml.DavNamespaces.dav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import ch.postwall.calendar.api.TimeRange;
import ch.postwall.calendar.ical.CalendarFilter.Collation;
import ch.postwall.calendar.ical.CalendarFilter.CompFilter;
import ch.postwall.calendar.ical.CalendarFilter.ParamFilter;
import ch.postwall.calendar.ical.CalendarFilter.PropFilter;
import ch.postwall.calendar.ical.CalendarFilter.TextMatch;

/** Parses WebDAV/CalDAV request bodies into request objects; knows nothing of storage. */
public final class DavXmlParser {
    private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private DavXmlParser() {
    }

    /** An empty body asks for all properties (RFC 4918 9.1). */
    public static PropertyRequest parsePropfind(byte[] body) throws DavXmlException {
        if (body.length == 0) {
            return new PropertyRequest.AllProp();
        }
        Element root = root(body, dav("propfind"));
        return propertyRequest(root).orElseThrow(() -> new DavXmlException("propfind without prop, allprop or propname"));
    }

    public static PropertyUpdate parseProppatch(byte[] body) throws DavXmlException {
        return propertyUpdate(root(body, dav("propertyupdate")));
    }

    /** An empty MKCALENDAR body sets nothing (RFC 4791 5.3.1). */
    public static PropertyUpdate parseMkcalendar(byte[] body) throws DavXmlException {
        if (body.length == 0) {
            return new PropertyUpdate(List.of());
        }
        return propertyUpdate(root(body, caldav("mkcalendar")));
    }

    public static ReportRequest parseReport(byte[] body) throws DavXmlException {
        Element root = parse(body).getDocumentElement();
        QName name = qname(root);
        PropertyRequest properties = propertyRequest(root).orElse(new PropertyRequest.AllProp());
        if (name.equals(caldav("calendar-query"))) {
            Element filter = child(root, caldav("filter")).orElseThrow(() -> new DavXmlException("calendar-query without filter"));
            Element compFilter = child(filter, caldav("comp-filter")).orElseThrow(() -> new DavXmlException("filter without comp-filter"));
            return new ReportRequest.CalendarQuery(properties, compFilter(compFilter));
        }
        if (name.equals(caldav("calendar-multiget"))) {
            List<String> hrefs = new ArrayList<>();
            for (Element href : children(root, dav("href"))) {
                hrefs.add(href.getTextContent().trim());
            }
            return new ReportRequest.CalendarMultiget(properties, hrefs);
        }
        if (name.equals(dav("sync-collection"))) {
            String token = child(root, dav("sync-token")).map(element -> element.getTextContent().trim()).orElse("");
            return new ReportRequest.SyncCollection(properties, token);
        }
        throw new UnsupportedReportException(name);
    }

    private static Optional<PropertyRequest> propertyRequest(Element parent) throws DavXmlException {
        if (child(parent, dav("allprop")).isPresent()) {
            return Optional.of(new PropertyRequest.AllProp());
        }
        if (child(parent, dav("propname")).isPresent()) {
            return Optional.of(new PropertyRequest.PropName());
        }
        Optional<Element> prop = child(parent, dav("prop"));
        if (prop.isEmpty()) {
            return Optional.empty();
        }
        List<QName> names = new ArrayList<>();
        for (Element element : elements(prop.get())) {
            names.add(qname(element));
        }
        return Optional.of(new PropertyRequest.Props(names));
    }

    private static PropertyUpdate propertyUpdate(Element root) throws DavXmlException {
        List<PropertyUpdate.Change> changes = new ArrayList<>();
        for (Element instruction : elements(root)) {
            boolean set = qname(instruction).equals(dav("set"));
            if (!set && !qname(instruction).equals(dav("remove"))) {
                throw new DavXmlException("Unexpected " + qname(instruction) + " in property update");
            }
            for (Element prop : children(instruction, dav("prop"))) {
                for (Element property : elements(prop)) {
                    XmlElement element = toXmlElement(property);
                    changes.add(new PropertyUpdate.Change(element.nameOnly(), set ? Optional.of(element) : Optional.empty()));
                }
            }
        }
        return new PropertyUpdate(changes);
    }

    private static CompFilter compFilter(Element element) throws DavXmlException {
        String name = requiredAttribute(element, "name");
        List<PropFilter> propFilters = new ArrayList<>();
        for (Element propFilter : children(element, caldav("prop-filter"))) {
            propFilters.add(propFilter(propFilter));
        }
        List<CompFilter> compFilters = new ArrayList<>();
        for (Element child : children(element, caldav("comp-filter"))) {
            compFilters.add(compFilter(child));
        }
        return new CompFilter(name, child(element, caldav("is-not-defined")).isPresent(), timeRange(element),
            propFilters, compFilters);
    }

    private static PropFilter propFilter(Element element) throws DavXmlException {
        List<ParamFilter> paramFilters = new ArrayList<>();
        for (Element paramFilter : children(element, caldav("param-filter"))) {
            paramFilters.add(new ParamFilter(requiredAttribute(paramFilter, "name"),
                child(paramFilter, caldav("is-not-defined")).isPresent(), textMatch(paramFilter)));
        }
        return new PropFilter(requiredAttribute(element, "name"), child(element, caldav("is-not-defined")).isPresent(),
            timeRange(element), textMatch(element), paramFilters);
    }

    private static Optional<TextMatch> textMatch(Element parent) throws DavXmlException {
        Optional<Element> element = child(parent, caldav("text-match"));
        if (element.isEmpty()) {
            return Optional.empty();
        }
        String collationName = Optional.of(element.get().getAttribute("collation")).filter(value -> !value.isEmpty())
            .orElse("i;ascii-casemap");
        Collation collation = Collation.parse(collationName)
            .orElseThrow(() -> new UnsupportedCollationException(collationName));
        boolean negate = "yes".equals(element.get().getAttribute("negate-condition"));
        return Optional.of(new TextMatch(element.get().getTextContent(), collation, negate));
    }

    private static Optional<TimeRange> timeRange(Element parent) throws DavXmlException {
        Optional<Element> element = child(parent, caldav("time-range"));
        if (element.isEmpty()) {
            return Optional.empty();
        }
        Instant start = instant(element.get().getAttribute("start")).orElse(TimeRange.MIN);
        Instant end = instant(element.get().getAttribute("end")).orElse(TimeRange.MAX);
        if (!start.isBefore(end)) {
            throw new DavXmlException("time-range start must be before its end");
        }
        return Optional.of(new TimeRange(start, end));
    }

    private static Optional<Instant> instant(String value) throws DavXmlException {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(UTC_DATE_TIME.parse(value)));
        } catch (DateTimeParseException e) {
            throw new DavXmlException("Invalid UTC date-time " + value, e);
        }
    }

    private static XmlElement toXmlElement(Element element) {
        List<XmlElement> children = new ArrayList<>();
        for (Element child : elements(element)) {
            children.add(toXmlElement(child));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node attribute = element.getAttributes().item(i);
            if (attribute.getNamespaceURI() == null) {
                attributes.put(attribute.getNodeName(), attribute.getNodeValue());
            }
        }
        Optional<String> text = children.isEmpty() ? Optional.of(element.getTextContent()) : Optional.empty();
        return new XmlElement(qname(element), attributes, text, children);
    }

    private static Element root(byte[] body, QName expected) throws DavXmlException {
        Element root = parse(body).getDocumentElement();
        if (!qname(root).equals(expected)) {
            throw new DavXmlException("Expected " + expected + " but got " + qname(root));
        }
        return root;
    }

    private static Document parse(byte[] body) throws DavXmlException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Request bodies come from the network: no DTDs, no external entities (XXE).
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new DavXmlException("Malformed XML body: " + e.getMessage(), e);
        }
    }

    private static String requiredAttribute(Element element, String attribute) throws DavXmlException {
        String value = element.getAttribute(attribute);
        if (value.isEmpty()) {
            throw new DavXmlException(qname(element).getLocalPart() + " without " + attribute);
        }
        return value;
    }

    private static QName qname(Element element) {
        return new QName(Optional.ofNullable(element.getNamespaceURI()).orElse(""), element.getLocalName());
    }

    private static List<Element> elements(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    private static List<Element> children(Element parent, QName name) {
        return elements(parent).stream().filter(element -> qname(element).equals(name)).toList();
    }

    private static Optional<Element> child(Element parent, QName name) {
        return children(parent, name).stream().findFirst();
    }
}
