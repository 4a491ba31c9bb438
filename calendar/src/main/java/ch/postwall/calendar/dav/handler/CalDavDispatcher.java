package ch.postwall.calendar.dav.handler;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.postwall.calendar.CalendarExporter;
import ch.postwall.calendar.CalendarProvisioner;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavPath;
import ch.postwall.calendar.dav.DavProperties;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResources;
import ch.postwall.calendar.dav.DavResponse;
import ch.postwall.calendar.dav.Multistatus;

/** Routes an authenticated request to the handler of its method; knows nothing of HTTP servers. */
public class CalDavDispatcher {
    private static final Logger LOGGER = LoggerFactory.getLogger(CalDavDispatcher.class);

    private final Map<String, DavMethodHandler> handlers;
    private final CalendarProvisioner provisioner;

    public CalDavDispatcher(Stream<DavMethodHandler> handlers, CalendarProvisioner provisioner) {
        this.handlers = handlers.collect(Collectors.toUnmodifiableMap(DavMethodHandler::method, Function.identity()));
        this.provisioner = provisioner;
    }

    public static CalDavDispatcher create(CalendarStore store, long maxObjectSize) {
        DavResources resources = new DavResources(store);
        Multistatus multistatus = new Multistatus(new DavProperties(maxObjectSize));
        GetHandler get = new GetHandler(resources, new CalendarExporter(store));
        return new CalDavDispatcher(Stream.of(
                new OptionsHandler(),
                new PropfindHandler(resources, multistatus),
                new ProppatchHandler(resources, store),
                new MkcalendarHandler(resources, store),
                get,
                new HeadHandler(get),
                new PutHandler(resources, store, maxObjectSize),
                new DeleteHandler(resources, store),
                new ReportHandler(resources, store, multistatus)),
            new CalendarProvisioner(store));
    }

    public DavResponse dispatch(DavRequest request) {
        if (request.path().equals(DavPath.WELL_KNOWN) || request.path().equals(DavPath.WELL_KNOWN + "/")) {
            return DavResponse.status(301).withHeader("Location", DavPath.PREFIX);
        }
        DavMethodHandler handler = handlers.get(request.method());
        if (handler == null) {
            return DavResponse.status(405).withHeader("Allow", OptionsHandler.ALLOW);
        }
        provisioner.provision(request.user());
        try {
            return handler.handle(request);
        } catch (DavException e) {
            LOGGER.debug("{} {} answered {}: {}", request.method(), request.path(), e.status(), e.getMessage());
            return e.toResponse();
        }
    }
}
