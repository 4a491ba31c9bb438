package ch.postwall.server.digest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;

import org.apache.commons.configuration2.Configuration;

import com.google.common.base.Preconditions;

import ch.postwall.mailbox.configuration.ConfigurationValues;

/**
 * Settings of the quarantine digest, read from {@code quarantinedigest.properties}.
 *
 * @param interval       how often digests are made (key {@value #INTERVAL_KEY}, default 1 day); each lists the mail
 *                       quarantined since the user's previous digest (at most one interval back for a first one)
 * @param releaseBaseUrl where users reach the REST API, for the release links (key {@value #RELEASE_BASE_URL_KEY},
 *                       default {@value #DEFAULT_RELEASE_BASE_URL})
 */
public record QuarantineDigestConfiguration(Duration interval, URI releaseBaseUrl) {
    public static final String INTERVAL_KEY = "interval";
    public static final String RELEASE_BASE_URL_KEY = "releaseBaseUrl";
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);
    public static final String DEFAULT_RELEASE_BASE_URL = "https://localhost:9443";
    public static final QuarantineDigestConfiguration DEFAULT = new QuarantineDigestConfiguration(DEFAULT_INTERVAL,
        URI.create(DEFAULT_RELEASE_BASE_URL));

    public QuarantineDigestConfiguration {
        Objects.requireNonNull(interval, INTERVAL_KEY);
        Objects.requireNonNull(releaseBaseUrl, RELEASE_BASE_URL_KEY);
        Preconditions.checkArgument(!interval.isNegative() && !interval.isZero(), "Invalid value for key %s: must be positive", INTERVAL_KEY);
        Preconditions.checkArgument("https".equals(releaseBaseUrl.getScheme()) && releaseBaseUrl.getHost() != null,
            "Invalid value for key %s: must be an https:// URL", RELEASE_BASE_URL_KEY);
    }

    public static QuarantineDigestConfiguration from(Configuration configuration) {
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            Preconditions.checkArgument(key.equals(INTERVAL_KEY) || key.equals(RELEASE_BASE_URL_KEY),
                "Unknown quarantine digest configuration key: %s", key);
        }
        return new QuarantineDigestConfiguration(
            ConfigurationValues.duration(configuration, INTERVAL_KEY).orElse(DEFAULT_INTERVAL),
            uri(configuration.getString(RELEASE_BASE_URL_KEY, DEFAULT_RELEASE_BASE_URL).trim()));
    }

    private static URI uri(String value) {
        try {
            return new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for key " + RELEASE_BASE_URL_KEY + ": " + e.getMessage(), e);
        }
    }
}
