package ch.postwall.server.retention;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import ch.postwall.retention.access.AccessEntry;
import ch.postwall.retention.contract.DeletionReport;
import ch.postwall.retention.contract.Termination;
import ch.postwall.retention.export.ExportArchives;
import ch.postwall.retention.policy.DomainRetentionLimits;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionLimits;

/** The JSON shapes of retention, contracts, access log and exports, the same over REST and WebAdmin. Days, null for none. */
public final class RetentionJson {
    private RetentionJson() {
    }

    public static Map<String, Object> limits(DomainRetentionLimits limits) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mail", limits(limits.mail()));
        json.put("calendar", limits(limits.calendar()));
        return json;
    }

    private static Map<String, Object> limits(RetentionLimits limits) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("minimumDays", days(limits.minimum()));
        json.put("maximumDays", days(limits.maximum()));
        return json;
    }

    /** {@code days} null means forever. */
    public static Map<String, Object> choice(RetentionChoice choice) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", choice.kind().name());
        json.put("container", choice.container());
        json.put("days", days(choice.period()));
        return json;
    }

    public static Map<String, Object> accessEntry(AccessEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", entry.time().toString());
        json.put("account", entry.account().asString());
        json.put("type", entry.type().name());
        json.put("remoteIp", entry.remoteIp());
        json.put("success", entry.succeeded());
        json.put("failureReason", entry.failureReason().orElse(null));
        return json;
    }

    public static Map<String, Object> termination(Termination termination) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", termination.subject().kind().name());
        json.put("subject", termination.subject().name());
        json.put("effective", termination.effective().toString());
        json.put("wipeAt", termination.wipeAt().toString());
        return json;
    }

    public static Map<String, Object> report(DeletionReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", report.subject().kind().name());
        json.put("subject", report.subject().name());
        json.put("terminated", report.terminated().toString());
        json.put("wipedAt", report.wipedAt().toString());
        Map<String, Object> steps = new LinkedHashMap<>();
        report.steps().forEach((step, counts) -> steps.put(step, counts.counts()));
        json.put("steps", steps);
        return json;
    }

    public static Map<String, Object> export(ExportArchives.Status status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", status.id());
        json.put("kind", status.subject().kind().name());
        json.put("subject", status.subject().name());
        json.put("state", status.state().name());
        json.put("expiresAt", status.expiresAt().map(Object::toString).orElse(null));
        json.put("size", status.size());
        return json;
    }

    private static Long days(Optional<Duration> period) {
        return period.map(Duration::toDays).orElse(null);
    }
}
