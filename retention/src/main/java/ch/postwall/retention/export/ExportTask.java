package ch.postwall.retention.export;

import java.io.IOException;
import java.util.UUID;

import org.apache.james.task.Task;
import org.apache.james.task.TaskType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.retention.contract.ContractSubject;

/** Writes one export archive in the background of the task manager (WebAdmin {@code /tasks/{id}} follows it). */
public class ExportTask implements Task {
    public static final TaskType TYPE = TaskType.of("postwall-export");
    private static final Logger LOGGER = LoggerFactory.getLogger(ExportTask.class);

    private final ExportArchives archives;
    private final ContractSubject subject;
    private final UUID archiveId;

    public ExportTask(ExportArchives archives, ContractSubject subject, UUID archiveId) {
        this.archives = archives;
        this.subject = subject;
        this.archiveId = archiveId;
    }

    @Override
    public Result run() {
        try {
            archives.write(subject, archiveId);
            LOGGER.info("Export {} of {} {} written", archiveId, subject.kind(), subject.name());
            return Result.COMPLETED;
        } catch (IOException | RuntimeException e) {
            LOGGER.error("Export {} of {} {} failed", archiveId, subject.kind(), subject.name(), e);
            return Result.PARTIAL;
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }
}
