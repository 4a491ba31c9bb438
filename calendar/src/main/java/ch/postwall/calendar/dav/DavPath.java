package ch.postwall.calendar.dav;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.james.core.Username;

/**
 * The URL space: {@code /dav/principals/<user>/}, {@code /dav/calendars/<user>/} (calendar home),
 * {@code /dav/calendars/<user>/<collection>/} and {@code /dav/calendars/<user>/<collection>/<object>}.
 * Names are restricted to a safe alphabet, so no decoded path can climb out of its parent.
 */
public sealed interface DavPath {
    String PREFIX = "/dav/";
    String WELL_KNOWN = "/.well-known/caldav";
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+=~-]{0,254}");

    record Root() implements DavPath {
        @Override
        public Optional<Username> owner() {
            return Optional.empty();
        }

        @Override
        public String href() {
            return PREFIX;
        }
    }

    record Principal(Username user) implements DavPath {
        @Override
        public Optional<Username> owner() {
            return Optional.of(user);
        }

        @Override
        public String href() {
            return PREFIX + "principals/" + user.asString() + "/";
        }
    }

    record Home(Username user) implements DavPath {
        @Override
        public Optional<Username> owner() {
            return Optional.of(user);
        }

        @Override
        public String href() {
            return PREFIX + "calendars/" + user.asString() + "/";
        }
    }

    record Collection(Username user, String collectionId) implements DavPath {
        @Override
        public Optional<Username> owner() {
            return Optional.of(user);
        }

        @Override
        public String href() {
            return new Home(user).href() + collectionId + "/";
        }
    }

    record ObjectPath(Username user, String collectionId, String name) implements DavPath {
        @Override
        public Optional<Username> owner() {
            return Optional.of(user);
        }

        @Override
        public String href() {
            return new Collection(user, collectionId).href() + name;
        }

        public Collection parent() {
            return new Collection(user, collectionId);
        }
    }

    String href();

    /** The owner named by the path, empty for the root. */
    Optional<Username> owner();

    /** Parses a request path or an href (absolute URL or path); empty when it names nothing here. */
    static Optional<DavPath> parse(String pathOrHref) {
        String rawPath;
        try {
            URI uri = new URI(pathOrHref);
            rawPath = uri.getRawPath();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (rawPath == null) {
            return Optional.empty();
        }
        if (rawPath.equals("/") || rawPath.equals(PREFIX) || rawPath.equals("/dav")) {
            return Optional.of(new Root());
        }
        if (!rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> segments;
        try {
            segments = Arrays.stream(rawPath.substring(PREFIX.length()).split("/", -1))
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean trailingSlash = rawPath.endsWith("/");
        List<String> names = trailingSlash ? segments.subList(0, segments.size() - 1) : segments;
        if (names.size() < 2 || !names.stream().allMatch(name -> NAME.matcher(name).matches())) {
            return Optional.empty();
        }
        Optional<Username> user = username(names.get(1));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return switch (names.get(0)) {
            case "principals" -> names.size() == 2 ? Optional.of(new Principal(user.get())) : Optional.empty();
            case "calendars" -> switch (names.size()) {
                case 2 -> Optional.of(new Home(user.get()));
                case 3 -> Optional.of(new Collection(user.get(), names.get(2)));
                case 4 -> trailingSlash ? Optional.empty() : Optional.of(new ObjectPath(user.get(), names.get(2), names.get(3)));
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    private static Optional<Username> username(String segment) {
        try {
            return Optional.of(Username.of(segment));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
