package ch.postwall.calendar.dav.xml;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.xml.namespace.QName;

/** A small immutable XML element: what handlers build and {@link XmlWriter} renders. */
public record XmlElement(QName name, Map<String, String> attributes, Optional<String> text, List<XmlElement> children) {
    public XmlElement {
        Objects.requireNonNull(name);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(text);
        children = List.copyOf(children);
    }

    public static XmlElement empty(QName name) {
        return new XmlElement(name, Map.of(), Optional.empty(), List.of());
    }

    public static XmlElement text(QName name, String text) {
        return new XmlElement(name, Map.of(), Optional.of(text), List.of());
    }

    public static XmlElement of(QName name, XmlElement... children) {
        return new XmlElement(name, Map.of(), Optional.empty(), List.of(children));
    }

    public static XmlElement of(QName name, List<XmlElement> children) {
        return new XmlElement(name, Map.of(), Optional.empty(), children);
    }

    public XmlElement withAttribute(String attribute, String value) {
        Map<String, String> merged = new java.util.TreeMap<>(attributes);
        merged.put(attribute, value);
        return new XmlElement(name, merged, text, children);
    }

    /** The same element with its text and children removed, as PROPFIND propname lists it. */
    public XmlElement nameOnly() {
        return empty(name);
    }
}
