package ch.postwall.calendar.dav;

import org.apache.james.core.Username;

import ch.postwall.calendar.api.CalendarCollection;
import ch.postwall.calendar.api.CalendarObject;

/** An existing resource the authenticated user may see. */
public sealed interface DavResource {
    DavPath path();

    record Root() implements DavResource {
        @Override
        public DavPath path() {
            return new DavPath.Root();
        }
    }

    record Principal(Username user) implements DavResource {
        @Override
        public DavPath path() {
            return new DavPath.Principal(user);
        }
    }

    record Home(Username user) implements DavResource {
        @Override
        public DavPath path() {
            return new DavPath.Home(user);
        }
    }

    record Collection(CalendarCollection collection) implements DavResource {
        @Override
        public DavPath path() {
            return new DavPath.Collection(collection.owner(), collection.id());
        }
    }

    record ObjectResource(CalendarObject object) implements DavResource {
        @Override
        public DavPath path() {
            return new DavPath.ObjectPath(object.owner(), object.collectionId(), object.name());
        }
    }
}
