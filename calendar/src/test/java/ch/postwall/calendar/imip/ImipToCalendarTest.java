package ch.postwall.calendar.imip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.MessagingException;

import org.apache.james.core.Username;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ch.postwall.calendar.CalendarProvisioner;
import ch.postwall.calendar.api.CalendarObject;
import ch.postwall.calendar.server.TestUsers;
import ch.postwall.calendar.store.memory.MemoryCalendarStore;

class ImipToCalendarTest {
    static final Username ALICE = Username.of("alice@example.com");

    MemoryCalendarStore store;
    ImipToCalendar mailet;

    static String itip(String method, int sequence, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Organizer//EN\r\nMETHOD:" + method + "\r\n"
            + "BEGIN:VEVENT\r\nUID:invite-1@organizer.example\r\nDTSTAMP:20260101T000000Z\r\nSEQUENCE:" + sequence + "\r\n"
            + "DTSTART:20260105T090000Z\r\nDTEND:20260105T100000Z\r\nSUMMARY:" + summary + "\r\n"
            + "ORGANIZER:mailto:carol@organizer.example\r\nATTENDEE:mailto:alice@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    static FakeMail mail(String calendarPart, String... recipients) throws MessagingException {
        return FakeMail.builder()
            .name("invitation")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .setSubject("Invitation")
                .setMultipartWithBodyParts(
                    MimeMessageBuilder.bodyPartBuilder().data("You are invited."),
                    MimeMessageBuilder.bodyPartBuilder().type("text/calendar; charset=utf-8; method=REQUEST").data(calendarPart)))
            .recipients(recipients)
            .build();
    }

    @BeforeEach
    void setUp() throws Exception {
        MemoryUsersRepository users = TestUsers.with(ALICE, "secret");
        store = new MemoryCalendarStore();
        mailet = new ImipToCalendar(new ImipProcessor(store, new CalendarProvisioner(store)), users);
        mailet.init(FakeMailetConfig.builder().mailetName("ImipToCalendar").build());
    }

    @Test
    void requestShouldAddEventWithoutMethodToDefaultCalendarOfLocalRecipient() throws Exception {
        mailet.service(mail(itip("REQUEST", 0, "Kick-off"), "alice@example.com", "bob@example.com"));

        assertThat(store.objects(ALICE, "calendar")).singleElement().satisfies(object -> {
            assertThat(object.uid()).isEqualTo("invite-1@organizer.example");
            assertThat(object.ics()).contains("SUMMARY:Kick-off").doesNotContain("METHOD");
        });
        assertThat(store.collections(Username.of("bob@example.com"))).isEmpty();
    }

    @Test
    void laterRequestShouldUpdateAndOlderOneBeIgnored() throws Exception {
        mailet.service(mail(itip("REQUEST", 1, "Kick-off"), "alice@example.com"));
        mailet.service(mail(itip("REQUEST", 2, "Kick-off moved"), "alice@example.com"));
        mailet.service(mail(itip("REQUEST", 1, "Kick-off stale"), "alice@example.com"));

        assertThat(store.objects(ALICE, "calendar")).extracting(CalendarObject::ics).singleElement()
            .asString().contains("SUMMARY:Kick-off moved");
    }

    @Test
    void cancelShouldRemoveTheEvent() throws Exception {
        mailet.service(mail(itip("REQUEST", 0, "Kick-off"), "alice@example.com"));
        mailet.service(mail(itip("CANCEL", 1, "Kick-off"), "alice@example.com"));

        assertThat(store.objects(ALICE, "calendar")).isEmpty();
    }

    @Test
    void invalidInvitationShouldStoreNothing() throws Exception {
        mailet.service(mail("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\ngarbage\r\n", "alice@example.com"));

        assertThat(store.objects(ALICE, "calendar")).isEmpty();
    }

    @Test
    void calendarWithoutMethodShouldBeIgnored() throws Exception {
        mailet.service(mail(itip("REQUEST", 0, "Kick-off").replace("METHOD:REQUEST\r\n", ""), "alice@example.com"));

        assertThat(store.objects(ALICE, "calendar")).isEmpty();
    }

    @Test
    void initShouldFailWhenCalendarParameterIsNotACollectionName() {
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("ImipToCalendar")
                .setProperty("calendar", "../other").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("calendar");
    }
}
