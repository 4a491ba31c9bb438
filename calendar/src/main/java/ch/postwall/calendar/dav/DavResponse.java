package ch.postwall.calendar.dav;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.postwall.calendar.dav.xml.XmlElement;
import ch.postwall.calendar.dav.xml.XmlWriter;

/** Status, headers and body of one answer. */
public record DavResponse(int status, Map<String, String> headers, byte[] body) {
    public static final String XML = "application/xml; charset=utf-8";

    public DavResponse {
        headers = Map.copyOf(headers);
    }

    public static DavResponse status(int status) {
        return new DavResponse(status, Map.of(), new byte[0]);
    }

    public static DavResponse xml(int status, XmlElement root) {
        return new DavResponse(status, Map.of("Content-Type", XML), XmlWriter.render(root).getBytes(StandardCharsets.UTF_8));
    }

    public static DavResponse text(int status, String contentType, String body) {
        return new DavResponse(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    public DavResponse withHeader(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new DavResponse(status, merged, body);
    }
}
