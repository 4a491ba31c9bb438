package ch.postwall.retention.export;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ch.postwall.mailbox.lifecycle.ExportArchive;
import ch.postwall.mailbox.lifecycle.ExportStep;
import ch.postwall.retention.policy.RetentionChoice;
import ch.postwall.retention.policy.RetentionPolicyStore;

/** The user's retention choices, as {@code retention/settings.json} (periods in days; absent means forever). */
public class RetentionSettingsExportStep implements ExportStep {
    public static final String NAME = "retention";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RetentionPolicyStore policies;

    @Inject
    public RetentionSettingsExportStep(RetentionPolicyStore policies) {
        this.policies = policies;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void export(Username user, ExportArchive archive) throws IOException {
        List<RetentionChoice> choices = policies.choices(user);
        List<Map<String, Object>> settings = choices.stream().map(choice -> {
            Map<String, Object> setting = new LinkedHashMap<>();
            setting.put("kind", choice.kind().name());
            setting.put("container", choice.container());
            choice.period().ifPresent(period -> setting.put("days", period.toDays()));
            return setting;
        }).toList();
        byte[] json = JSON.writeValueAsBytes(settings);
        archive.addEntry(NAME + "/settings.json", choices.size(), output -> output.write(json));
    }
}
