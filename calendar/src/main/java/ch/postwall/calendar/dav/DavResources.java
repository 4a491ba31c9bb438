package ch.postwall.calendar.dav;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarStore;

/**
 * Resolves paths to resources for one user. Another user's path answers exactly like a path that
 * does not exist (404), so nobody learns which accounts or calendars exist.
 */
public class DavResources {
    private final CalendarStore store;

    @Inject
    public DavResources(CalendarStore store) {
        this.store = store;
    }

    public DavPath path(String rawPath, Username user) throws DavException {
        Optional<DavPath> path = DavPath.parse(rawPath);
        if (path.isEmpty() || path.get().owner().map(owner -> !owner.equals(user)).orElse(false)) {
            throw DavException.notFound();
        }
        return path.get();
    }

    public Optional<DavResource> find(DavPath path) {
        if (path instanceof DavPath.Root) {
            return Optional.of(new DavResource.Root());
        }
        if (path instanceof DavPath.Principal principal) {
            return Optional.of(new DavResource.Principal(principal.user()));
        }
        if (path instanceof DavPath.Home home) {
            return Optional.of(new DavResource.Home(home.user()));
        }
        if (path instanceof DavPath.Collection collection) {
            return store.collection(collection.user(), collection.collectionId()).map(DavResource.Collection::new);
        }
        DavPath.ObjectPath object = (DavPath.ObjectPath) path;
        return store.object(object.user(), object.collectionId(), object.name()).map(DavResource.ObjectResource::new);
    }

    public DavResource resolve(String rawPath, Username user) throws DavException {
        return find(path(rawPath, user)).orElseThrow(DavException::notFound);
    }

    public List<DavResource> children(DavResource resource) {
        if (resource instanceof DavResource.Home home) {
            return store.collections(home.user()).stream().<DavResource>map(DavResource.Collection::new).toList();
        }
        if (resource instanceof DavResource.Collection collection) {
            return store.objects(collection.collection().owner(), collection.collection().id()).stream()
                .<DavResource>map(DavResource.ObjectResource::new).toList();
        }
        return List.of();
    }

    public Stream<DavResource> withChildren(DavResource resource, int depth) {
        return depth == 0 ? Stream.of(resource) : Stream.concat(Stream.of(resource), children(resource).stream());
    }
}
