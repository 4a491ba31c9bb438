package ch.postwall.server.digest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import ch.postwall.mailbox.lifecycle.DeletionCounts;
import ch.postwall.mailbox.lifecycle.ExportArchive;
import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.mailbox.lifecycle.WipeStep;
import ch.postwall.server.export.JsonExportEntry;

/** A user's quarantine digest settings: exported and wiped with them. */
public class DigestSettingsUserData implements ExportStep, WipeStep {
    public static final String NAME = "quarantine-digest";

    private final DigestSettingsStore store;

    @Inject
    public DigestSettingsUserData(DigestSettingsStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void export(Username user, ExportArchive archive) throws IOException {
        DigestSettings settings = store.settings(user);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", !settings.optedOut());
        settings.lastDigest().ifPresent(lastDigest -> json.put("lastDigest", lastDigest.toString()));
        JsonExportEntry.add(archive, NAME + "/settings.json", 1, json);
    }

    @Override
    public DeletionCounts wipeUser(Username user) {
        boolean stored = !store.settings(user).equals(DigestSettings.DEFAULT);
        store.deleteUser(user);
        return DeletionCounts.of("digestSettings", stored ? 1 : 0);
    }

    @Override
    public DeletionCounts wipeDomain(Domain domain) {
        return DeletionCounts.of("digestSettings", store.deleteDomain(domain));
    }
}
