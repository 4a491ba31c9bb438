package ch.postwall.calendar.imip;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;

import ch.postwall.calendar.CalendarProvisioner;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.api.CalendarStore;
import ch.postwall.calendar.api.DeleteResult;
import ch.postwall.calendar.api.PutResult;
import ch.postwall.calendar.api.WriteCondition;
import ch.postwall.calendar.ical.CalendarData;
import ch.postwall.calendar.ical.CalendarObjects;
import ch.postwall.calendar.ical.InvalidCalendarDataException;

/**
 * Applies an iTIP message (RFC 5546) received by mail (iMIP, RFC 6047) to a user's calendar:
 * REQUEST and PUBLISH add or update the event, CANCEL removes it; an older SEQUENCE than the stored
 * one is ignored. The object is named after its UID, so later messages find it again.
 */
public class ImipProcessor {
    public enum Outcome { ADDED, UPDATED, CANCELLED, IGNORED }

    private final CalendarStore store;
    private final CalendarProvisioner provisioner;

    @Inject
    public ImipProcessor(CalendarStore store, CalendarProvisioner provisioner) {
        this.store = store;
        this.provisioner = provisioner;
    }

    public Outcome apply(Username user, String collectionId, String itip) throws InvalidCalendarDataException {
        Calendar calendar = build(itip);
        Property method = calendar.getProperty(Property.METHOD);
        if (method == null) {
            return Outcome.IGNORED;
        }
        // A stored calendar object must not carry METHOD (RFC 4791 4.1).
        calendar.getProperties().remove(method);
        String ics = calendar.toString();
        CalendarData data = CalendarData.parse(ics);
        String name = CalendarObjects.etag(data.uid()).replace("\"", "") + ".ics";
        provisioner.provision(user);
        return switch (method.getValue().toUpperCase(Locale.ROOT)) {
            case "REQUEST", "PUBLISH" -> store(user, collectionId, name, ics, data);
            case "CANCEL" -> store.delete(user, collectionId, name, WriteCondition.ANY) == DeleteResult.DELETED
                ? Outcome.CANCELLED : Outcome.IGNORED;
            default -> Outcome.IGNORED;
        };
    }

    private Outcome store(Username user, String collectionId, String name, String ics, CalendarData data) throws InvalidCalendarDataException {
        Optional<CalendarObject> existing = store.object(user, collectionId, name);
        if (existing.isPresent() && sequence(CalendarData.parse(existing.get().ics())) > sequence(data)) {
            return Outcome.IGNORED;
        }
        WriteCondition condition = existing.map(found -> WriteCondition.matching(found.etag())).orElse(WriteCondition.ABSENT);
        PutResult result = store.put(CalendarObjects.create(user, collectionId, name, ics), condition);
        return switch (result) {
            case CREATED -> Outcome.ADDED;
            case UPDATED -> Outcome.UPDATED;
            default -> Outcome.IGNORED;
        };
    }

    private static int sequence(CalendarData data) {
        return data.calendar().getComponents().stream()
            .map(component -> (Property) ((CalendarComponent) component).getProperty(Property.SEQUENCE))
            .filter(property -> property != null)
            .mapToInt(property -> Integer.parseInt(property.getValue().trim()))
            .max()
            .orElse(0);
    }

    private static Calendar build(String itip) throws InvalidCalendarDataException {
        try {
            return new CalendarBuilder().build(new StringReader(itip));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new InvalidCalendarDataException("Unparsable iTIP message: " + e.getMessage(), e);
        }
    }
}
