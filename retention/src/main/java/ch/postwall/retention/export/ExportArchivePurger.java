package ch.postwall.retention.export;

import javax.inject.Inject;

import ch.postwall.mailbox.lifecycle.PeriodicTask;

/** Deletes expired export archives at the configured interval. */
public class ExportArchivePurger extends PeriodicTask {
    @Inject
    public ExportArchivePurger(ExportArchives archives, ExportConfiguration configuration) {
        super("Export archive purge", configuration.purgeInterval(), configuration.purgeInterval(), archives::purgeExpired);
    }
}
