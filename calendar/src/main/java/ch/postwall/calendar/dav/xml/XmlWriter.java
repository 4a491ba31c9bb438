package ch.postwall.calendar.dav.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.namespace.QName;

/** Renders an {@link XmlElement} tree deterministically, declaring every namespace on the root. */
public final class XmlWriter {
    private XmlWriter() {
    }

    public static String render(XmlElement root) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        collectNamespaces(root, prefixes);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        write(root, prefixes, 0, out);
        return out.append('\n').toString();
    }

    private static void collectNamespaces(XmlElement element, Map<String, String> prefixes) {
        String namespace = element.name().getNamespaceURI();
        if (!prefixes.containsKey(namespace)) {
            String preferred = DavNamespaces.preferredPrefix(namespace);
            prefixes.put(namespace, preferred != null ? preferred : "X" + prefixes.size());
        }
        element.children().forEach(child -> collectNamespaces(child, prefixes));
    }

    private static void write(XmlElement element, Map<String, String> prefixes, int depth, StringBuilder out) {
        String name = qualified(element.name(), prefixes);
        out.append("  ".repeat(depth)).append('<').append(name);
        if (depth == 0) {
            new TreeMap<>(invert(prefixes)).forEach((prefix, namespace) ->
                out.append(" xmlns:").append(prefix).append("=\"").append(escape(namespace)).append('"'));
        }
        element.attributes().forEach((attribute, value) ->
            out.append(' ').append(attribute).append("=\"").append(escape(value)).append('"'));
        if (element.text().isEmpty() && element.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        element.text().ifPresent(text -> out.append(escape(text).replace("&quot;", "\"")));
        if (!element.children().isEmpty()) {
            // One element per line keeps multistatus bodies readable in logs and golden files.
            out.append('\n');
            element.children().forEach(child -> {
                write(child, prefixes, depth + 1, out);
                out.append('\n');
            });
            out.append("  ".repeat(depth));
        }
        out.append("</").append(name).append('>');
    }

    private static Map<String, String> invert(Map<String, String> prefixes) {
        Map<String, String> byPrefix = new LinkedHashMap<>();
        prefixes.forEach((namespace, prefix) -> byPrefix.put(prefix, namespace));
        return byPrefix;
    }

    private static String qualified(QName name, Map<String, String> prefixes) {
        return prefixes.get(name.getNamespaceURI()) + ":" + name.getLocalPart();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char character : text.toCharArray()) {
            switch (character) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\r' -> escaped.append("&#13;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }
}
