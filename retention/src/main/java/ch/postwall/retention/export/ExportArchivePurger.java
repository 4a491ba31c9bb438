package ch.postwall.retention.export;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.inject.Inject;

import ch.postwall.mailbox.lifecycle.PeriodicTask;

/** Deletes expired export archives at the configured interval (hourly by default). */
public class ExportArchivePurger extends PeriodicTask {
    @Inject
    public ExportArchivePurger(ExportArchives archives, ExportConfiguration configuration) {
        super("Export archive purge", configuration.purgeInterval(), configuration.purgeInterval(), () -> {
            try {
                archives.purgeExpired();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
