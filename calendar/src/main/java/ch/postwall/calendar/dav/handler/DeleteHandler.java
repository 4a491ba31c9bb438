package ch.postwall.calendar.dav.handler;

import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.DeleteResult;
import ch.postwall.calendar.dav.DavException;
import ch.postwall.calendar.dav.DavPath;
import ch.postwall.calendar.dav.DavRequest;
import ch.postwall.calendar.dav.DavResources;
import ch.postwall.calendar.dav.DavResponse;

/** DELETE of an object (with If-Match) or of a whole collection. */
public class DeleteHandler implements DavMethodHandler {
    private final DavResources resources;
    private final CalendarStore store;

    public DeleteHandler(DavResources resources, CalendarStore store) {
        this.resources = resources;
        this.store = store;
    }

    @Override
    public String method() {
        return "DELETE";
    }

    @Override
    public DavResponse handle(DavRequest request) throws DavException {
        DavPath path = resources.path(request.path(), request.user());
        if (path instanceof DavPath.ObjectPath object) {
            DeleteResult result = store.delete(object.user(), object.collectionId(), object.name(), Conditions.of(request));
            return switch (result) {
                case DELETED -> DavResponse.status(204);
                case NOT_FOUND -> throw DavException.notFound();
                case PRECONDITION_FAILED -> throw new DavException(412, "Precondition failed");
            };
        }
        if (path instanceof DavPath.Collection collection) {
            if (!store.deleteCollection(collection.user(), collection.collectionId())) {
                throw DavException.notFound();
            }
            return DavResponse.status(204);
        }
        throw new DavException(403, "Principals and calendar homes cannot be deleted");
    }
}
