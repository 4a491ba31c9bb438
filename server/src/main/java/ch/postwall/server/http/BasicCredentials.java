package ch.postwall.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The login and password of an HTTP Basic {@code Authorization} header. The password never leaves the
 * authentication; the login is also what the access log records of a failed attempt.
 */
public record BasicCredentials(String login, String password) {
    private static final String BASIC = "Basic ";

    /** Empty when the header is absent, not Basic, not Base64, or has no login. */
    public static Optional<BasicCredentials> parse(Optional<String> authorization) {
        return authorization.filter(header -> header.regionMatches(true, 0, BASIC, 0, BASIC.length()))
            .flatMap(header -> decode(header.substring(BASIC.length()).trim()));
    }

    private static Optional<BasicCredentials> decode(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[login=" + login + "]";
    }
}
