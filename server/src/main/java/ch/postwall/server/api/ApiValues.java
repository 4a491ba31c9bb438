package ch.postwall.server.api;

import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

/** Parses the addresses and domains routes receive; a malformed one ends the request with 400. */
public final class ApiValues {
    private ApiValues() {
    }

    public static Username username(String value) {
        return Username.fromMailAddress(address(value));
    }

    public static MailAddress address(String value) {
        try {
            return new MailAddress(value);
        } catch (AddressException e) {
            throw ApiException.badRequest("not a mail address: " + value);
        }
    }

    public static Domain domain(String value) {
        try {
            return Domain.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("not a domain: " + value);
        }
    }
}
