package ch.postwall.server.audit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.ExportArchive;
import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.server.export.JsonExportEntry;

/** The audit entries about a user (who read their quarantined mail, and what they read): exported and wiped with them. */
public class AuditLogUserData implements ExportStep, WipeStep {
    public static final String NAME = "audit-log";

    private final AuditLogStore store;

    @Inject
    public AuditLogUserData(AuditLogStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void export(Username user, ExportArchive archive) throws IOException {
        List<Map<String, Object>> entries = store.listByUser(user, Integer.MAX_VALUE).stream().map(entry -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("time", entry.time().toString());
            json.put("principal", entry.principal());
            json.put("action", entry.action());
            json.put("target", entry.target());
            return json;
        }).toList();
        JsonExportEntry.add(archive, NAME + "/entries.json", entries.size(), entries);
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        int entries = store.listByUser(user, Integer.MAX_VALUE).size();
        store.deleteUser(user);
        return DeletionCounts.of("auditEntries", entries);
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        int entries = store.listByDomain(domain, Integer.MAX_VALUE).size();
        store.deleteDomain(domain);
        return DeletionCounts.of("auditEntries", entries);
    }
}
