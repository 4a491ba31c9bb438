package ch.postwall.retention.guice;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.task.TaskManager;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;

import ch.postwall.retention.export.ExportArchives;
import ch.postwall.retention.export.webadmin.ExportRoutes;

/** Adds the export routes of users and of domains to WebAdmin; needs {@link ExportModule} and James's task manager. */
public class ExportWebAdminModule extends AbstractModule {
    @ProvidesIntoSet
    Routes userExportRoutes(ExportArchives archives, TaskManager taskManager, UsersRepository usersRepository,
                            JsonTransformer jsonTransformer) {
        return ExportRoutes.forUsers(archives, taskManager, usersRepository, jsonTransformer);
    }

    @ProvidesIntoSet
    Routes domainExportRoutes(ExportArchives archives, TaskManager taskManager, DomainList domainList,
                              JsonTransformer jsonTransformer) {
        return ExportRoutes.forDomains(archives, taskManager, domainList, jsonTransformer);
    }
}
