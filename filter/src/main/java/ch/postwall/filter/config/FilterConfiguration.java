package ch.postwall.filter.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.configuration2.Configuration;

import ch.postwall.filter.policy.Check;
import ch.postwall.filter.policy.DomainPolicy;
import ch.postwall.filter.policy.ScannerDownBehaviour;
import ch.postwall.filter.scan.ScannerEndpoint;

/**
 * The installation-wide filter settings (conf/filter.properties). Every key is optional; the defaults are
 * documented on the constants and in the sample file. Unknown keys and invalid values fail with the key's name.
 */
public record FilterConfiguration(SpamEngine spamEngine, ScannerEndpoint spamEndpoint, ScannerEndpoint clamdEndpoint,
                                  List<String> dnsblZones, Set<String> blockedTypes, int maxMimeDepth, DomainPolicy defaultPolicy,
                                  String quarantinePrefix, Duration quarantinePeriod) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_CLAMD_PORT = 3310;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_MIME_DEPTH = 20;
    public static final String DEFAULT_QUARANTINE_PREFIX = "postwall://var/mail/quarantine/";
    public static final Duration DEFAULT_QUARANTINE_PERIOD = Duration.ofDays(30);
    /** Executables, installers and scripts, matched with their Tika subtypes. */
    public static final Set<String> DEFAULT_BLOCKED_TYPES = Set.of(
        "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-dosexec",
        "application/x-msdownload", "application/x-msdos-program", "application/x-mach-o-executable",
        "application/x-sh", "application/x-bat", "application/x-msi", "application/java-archive",
        "application/x-java-jnlp-file", "application/javascript", "text/javascript", "application/x-ms-shortcut",
        "text/vbscript", "application/hta", "application/x-powershell");

    private static final String SPAM_ENGINE = "spam.engine";
    private static final String SPAM_HOST = "spam.host";
    private static final String SPAM_PORT = "spam.port";
    private static final String CLAMD_HOST = "clamd.host";
    private static final String CLAMD_PORT = "clamd.port";
    private static final String TIMEOUT = "scanner.timeout.seconds";
    private static final String DNSBL_ZONES = "dnsbl.zones";
    private static final String BLOCKED_TYPES = "attachments.blocked.types";
    private static final String MAX_MIME_DEPTH = "mime.max.depth";
    private static final String QUARANTINE_THRESHOLD = "policy.default.quarantine.threshold";
    private static final String REJECT_THRESHOLD = "policy.default.reject.threshold";
    private static final String CHECKS = "policy.default.checks";
    private static final String SCANNER_DOWN = "policy.default.scanner.down";
    private static final String QUARANTINE_PREFIX = "quarantine.repository.prefix";
    private static final String QUARANTINE_PERIOD = "quarantine.period.days";
    private static final Set<String> KNOWN_KEYS = Set.of(SPAM_ENGINE, SPAM_HOST, SPAM_PORT, CLAMD_HOST, CLAMD_PORT, TIMEOUT,
        DNSBL_ZONES, BLOCKED_TYPES, MAX_MIME_DEPTH, QUARANTINE_THRESHOLD, REJECT_THRESHOLD, CHECKS, SCANNER_DOWN, QUARANTINE_PREFIX, QUARANTINE_PERIOD);

    public FilterConfiguration {
        Objects.requireNonNull(spamEngine);
        Objects.requireNonNull(spamEndpoint);
        Objects.requireNonNull(clamdEndpoint);
        Objects.requireNonNull(defaultPolicy);
        dnsblZones = List.copyOf(dnsblZones);
        blockedTypes = Set.copyOf(blockedTypes);
        Objects.requireNonNull(quarantinePrefix);
        Objects.requireNonNull(quarantinePeriod);
        if (maxMimeDepth < 1) {
            throw new IllegalArgumentException(MAX_MIME_DEPTH + " must be positive, got " + maxMimeDepth);
        }
        if (!quarantinePrefix.contains("://") || !quarantinePrefix.endsWith("/")) {
            throw new IllegalArgumentException(QUARANTINE_PREFIX + " must be protocol://path/ ending with '/', got '" + quarantinePrefix + "'");
        }
        if (quarantinePeriod.isNegative() || quarantinePeriod.isZero()) {
            throw new IllegalArgumentException(QUARANTINE_PERIOD + " must be positive, got " + quarantinePeriod.toDays());
        }
    }

    public static FilterConfiguration from(Configuration configuration) {
        List<String> unknown = new ArrayList<>();
        configuration.getKeys().forEachRemaining(key -> {
            if (!KNOWN_KEYS.contains(key)) {
                unknown.add(key);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown filter configuration keys: " + String.join(", ", unknown));
        }
        SpamEngine engine = SpamEngine.parse(SPAM_ENGINE, configuration.getString(SPAM_ENGINE, "spamd"));
        Duration timeout = Duration.ofSeconds(parse(configuration, TIMEOUT, Long::parseLong, DEFAULT_TIMEOUT.toSeconds()));
        ScannerEndpoint spam = endpoint(configuration, SPAM_HOST, SPAM_PORT, engine.defaultPort(), timeout);
        ScannerEndpoint clamd = endpoint(configuration, CLAMD_HOST, CLAMD_PORT, DEFAULT_CLAMD_PORT, timeout);
        return new FilterConfiguration(engine, spam, clamd,
            parse(configuration, DNSBL_ZONES, FilterConfiguration::list, List.of()),
            parse(configuration, BLOCKED_TYPES, value -> Set.copyOf(list(value)), DEFAULT_BLOCKED_TYPES),
            parse(configuration, MAX_MIME_DEPTH, Integer::parseInt, DEFAULT_MAX_MIME_DEPTH),
            defaultPolicy(configuration),
            configuration.getString(QUARANTINE_PREFIX, DEFAULT_QUARANTINE_PREFIX),
            Duration.ofDays(parse(configuration, QUARANTINE_PERIOD, Long::parseLong, DEFAULT_QUARANTINE_PERIOD.toDays())));
    }

    private static DomainPolicy defaultPolicy(Configuration configuration) {
        DomainPolicy defaults = DomainPolicy.DEFAULT;
        double quarantine = parse(configuration, QUARANTINE_THRESHOLD, Double::parseDouble, defaults.quarantineThreshold());
        double reject = parse(configuration, REJECT_THRESHOLD, Double::parseDouble, defaults.rejectThreshold());
        try {
            return new DomainPolicy(quarantine, reject, Set.of(), Set.of(),
                parse(configuration, CHECKS, FilterConfiguration::parseChecks, defaults.checks()),
                parse(configuration, SCANNER_DOWN, value -> ScannerDownBehaviour.valueOf(value.trim().toUpperCase(Locale.ROOT)),
                    defaults.whenScannerDown()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(QUARANTINE_THRESHOLD + " / " + REJECT_THRESHOLD + ": " + e.getMessage(), e);
        }
    }

    private static ScannerEndpoint endpoint(Configuration configuration, String hostKey, String portKey, int defaultPort, Duration timeout) {
        String host = configuration.getString(hostKey, DEFAULT_HOST);
        int port = parse(configuration, portKey, Integer::parseInt, defaultPort);
        try {
            return new ScannerEndpoint(host, port, timeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(portKey + ": " + e.getMessage(), e);
        }
    }

    /** Reads one key with a parser; any parse failure names the key and the offending value. */
    private static <T> T parse(Configuration configuration, String key, Function<String, T> parser, T defaultValue) {
        if (!configuration.containsKey(key)) {
            return defaultValue;
        }
        // List-valued keys come back split on commas by commons-configuration: join them again.
        String value = String.join(",", configuration.getStringArray(key));
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for " + key + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(item -> !item.isEmpty())
            .toList();
    }

    private static Set<Check> parseChecks(String value) {
        Set<Check> checks = EnumSet.noneOf(Check.class);
        list(value).forEach(check -> checks.add(Check.valueOf(check.toUpperCase(Locale.ROOT))));
        return checks;
    }
}
