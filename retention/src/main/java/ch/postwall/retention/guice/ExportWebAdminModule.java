package ch.postwall.retention.guice;

import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

import ch.postwall.retention.export.webadmin.ExportRoutes;

/** Adds the export routes to WebAdmin; needs {@link ExportModule} and James's task manager. */
public class ExportWebAdminModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(ExportRoutes.class);
    }
}
