package ch.postwall.server.retention.guice;

import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;

import ch.postwall.calendar.server.CalDavAccessListener;
import ch.postwall.calendar.server.CalendarAuthenticator;
import ch.postwall.calendar.server.UsersRepositoryCalendarAuthenticator;
import ch.postwall.retention.access.AccessLoggingUsersRepository;
import ch.postwall.server.api.ApiRouteGroup;
import ch.postwall.server.http.HttpAccessLog;
import ch.postwall.server.retention.CalDavAccessLog;
import ch.postwall.server.retention.RetentionAdministration;
import ch.postwall.server.retention.RetentionApiRoutes;
import ch.postwall.server.retention.RetentionWebAdminRoutes;
import ch.postwall.server.retention.WebAdminAccessLogRoutes;

/**
 * How people reach retention, the access log, exports and contract termination: the REST route group, the
 * WebAdmin routes, and the access log of every HTTP request (REST, WebAdmin, CalDAV). The HTTP servers record
 * each request themselves, so CalDAV checks passwords against the repository behind the access-logging one.
 * Needs the retention modules, the CalDAV module and a backend.
 */
public class RetentionAccessModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HttpAccessLog.class).in(Scopes.SINGLETON);
        bind(RetentionAdministration.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ApiRouteGroup.class).addBinding().to(RetentionApiRoutes.class);
        Multibinder<Routes> webAdminRoutes = Multibinder.newSetBinder(binder(), Routes.class);
        webAdminRoutes.addBinding().to(RetentionWebAdminRoutes.class);
        webAdminRoutes.addBinding().to(WebAdminAccessLogRoutes.class);
        OptionalBinder.newOptionalBinder(binder(), CalDavAccessListener.class).setBinding().to(CalDavAccessLog.class);
    }

    @Provides
    @Singleton
    CalendarAuthenticator calendarAuthenticator(@Named(AccessLoggingUsersRepository.DECORATED) UsersRepository users) {
        return new UsersRepositoryCalendarAuthenticator(users);
    }
}
