"""An export's round trip with standard tools: imaplib for mail, python3-caldav for calendars.

Usage: /usr/bin/python3 round_trip.py <command> <imap-port> <caldav-base-url> <ca-certificate.pem> <user> <password> [archive.zip]
Commands:
  seed    puts calendar data into the account: events (one recurring, one with non-ASCII text), a task,
          and a notes list with a journal entry
  import  reads the archive (mail/<folder>/flags.txt and <uid>.eml, calendar/<id>.ics) and writes it into the
          account: IMAP CREATE and APPEND with the exported flags, CalDAV MKCALENDAR and one PUT per object
  dump    prints the account as JSON: per folder the SHA-256 and flags of every message, per collection its
          name, component types and objects
"""
import base64
import hashlib
import imaplib
import json
import re
import ssl
import sys
import zipfile

import caldav
import icalendar

COMMAND, IMAP_PORT, CALDAV, CA, USER, PASSWORD = sys.argv[1:7]
ARCHIVE = sys.argv[7] if len(sys.argv) > 7 else None
# Not kept by a message but by the IMAP session that sees it first.
SESSION_FLAGS = {"\\Recent"}


def imap():
    connection = imaplib.IMAP4("127.0.0.1", int(IMAP_PORT))
    connection.starttls(ssl_context=ssl.create_default_context(cafile=CA))
    connection.login(USER, PASSWORD)
    return connection


def logout(connection):
    # James 3.8.1 may close a STARTTLS connection before its LOGOUT reply is on the wire (seen once in CI: EOF
    # instead of BYE); everything this script checks was read before, so a lost LOGOUT reply is not a failure.
    try:
        connection.logout()
    except imaplib.IMAP4.abort:
        pass


def dav():
    return caldav.DAVClient(url=CALDAV.rstrip("/") + "/.well-known/caldav", username=USER, password=PASSWORD,
                            ssl_verify_cert=CA)


def quoted(folder):
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def folders(connection):
    status, lines = connection.list()
    assert status == "OK", lines
    names = []
    for line in lines:
        match = re.match(rb'\((?P<attributes>[^)]*)\) (?P<delimiter>"[^"]*"|NIL) (?P<name>.*)$', line)
        name = match.group("name").decode()
        names.append(name[1:-1] if name.startswith('"') else name)
    return sorted(names)


def collection_id(calendar):
    return calendar.url.path.rstrip("/").rsplit("/", 1)[-1]


def seed():
    principal = dav().principal()
    existing = {collection_id(c): c for c in principal.calendars()}
    existing["calendar"].save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Seed//EN\r\n"
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:weekly-sync@export.test\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART;TZID=Europe/Zurich:20260302T090000\r\nDTEND;TZID=Europe/Zurich:20260302T093000\r\n"
        "RRULE:FREQ=WEEKLY;COUNT=10\r\nSUMMARY:Weekly sync\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    existing["calendar"].save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Seed//EN\r\n"
        "BEGIN:VEVENT\r\nUID:apero@export.test\r\nDTSTAMP:20260101T000000Z\r\n"
        "DTSTART:20260315T170000Z\r\nDTEND:20260315T190000Z\r\nSUMMARY:Apéro à Zürich – 🥂\r\n"
        "LOCATION:Café Überlauf\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    existing["tasks"].save_todo(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Seed//EN\r\n"
        "BEGIN:VTODO\r\nUID:tax-return@export.test\r\nDTSTAMP:20260101T000000Z\r\nDUE:20260430T120000Z\r\n"
        "SUMMARY:Steuererklärung\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")
    notes = principal.make_calendar(name="Notizen", cal_id="notes", supported_calendar_component_set=["VJOURNAL"])
    notes.save_journal(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Seed//EN\r\n"
        "BEGIN:VJOURNAL\r\nUID:idea@export.test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20260107\r\n"
        "SUMMARY:Idées\r\nDESCRIPTION:Exporter puis réimporter.\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n")
    return {"seeded": True}


def import_mail(archive, connection):
    existing = set(folders(connection))
    appended = 0
    for name in sorted(n for n in archive.namelist() if n.startswith("mail/") and n.endswith("/flags.txt")):
        directory = name[:-len("flags.txt")]
        folder = directory[len("mail/"):-1]
        if folder not in existing:
            status, detail = connection.create(quoted(folder))
            assert status == "OK", (folder, detail)
            # Creating a nested folder creates its parents too.
            existing = set(folders(connection))
        for line in archive.read(name).decode("utf-8").splitlines():
            uid, *flags = line.split(" ")
            status, detail = connection.append(quoted(folder), "(" + " ".join(flags) + ")", None,
                                               archive.read(directory + uid + ".eml"))
            assert status == "OK", (folder, uid, detail)
            appended += 1
    return appended


def components_of(calendar):
    return sorted({component.name for component in calendar.subcomponents if component.name != "VTIMEZONE"})


def import_calendars(archive, principal):
    existing = {collection_id(c): c for c in principal.calendars()}
    client = principal.client
    written = 0
    for name in sorted(n for n in archive.namelist() if n.startswith("calendar/") and n.endswith(".ics")):
        exported = icalendar.Calendar.from_ical(archive.read(name))
        cal_id = name[len("calendar/"):-len(".ics")]
        collection = existing.get(cal_id) or principal.make_calendar(
            name=str(exported.get("X-WR-CALNAME", cal_id)), cal_id=cal_id,
            supported_calendar_component_set=components_of(exported))
        time_zones = {str(tz["TZID"]): tz for tz in exported.walk("VTIMEZONE")}
        by_uid = {}
        for component in exported.subcomponents:
            if component.name != "VTIMEZONE":
                by_uid.setdefault(str(component["UID"]), []).append(component)
        for uid, parts in by_uid.items():
            single = icalendar.Calendar()
            single.add("prodid", "-//Postwall round trip//EN")
            single.add("version", "2.0")
            used = set(re.findall(r"TZID=([^:;]+)", b"".join(p.to_ical() for p in parts).decode("utf-8")))
            for tzid in sorted(used):
                single.add_component(time_zones[tzid])
            for part in parts:
                single.add_component(part)
            url = collection.url.join(base64.urlsafe_b64encode(uid.encode()).decode().rstrip("=") + ".ics")
            response = client.put(url, single.to_ical().decode("utf-8"), {"Content-Type": "text/calendar; charset=utf-8"})
            assert 200 <= response.status < 300, (uid, response.status)
            written += 1
    return written


def do_import():
    with zipfile.ZipFile(ARCHIVE) as archive:
        connection = imap()
        try:
            messages = import_mail(archive, connection)
        finally:
            logout(connection)
        objects = import_calendars(archive, dav().principal())
    return {"messages": messages, "calendar_objects": objects}


def dump_mail(connection):
    mail = {}
    for folder in folders(connection):
        status, detail = connection.select(quoted(folder), readonly=True)
        assert status == "OK", (folder, detail)
        messages = []
        if int(detail[0]) > 0:
            status, data = connection.fetch("1:*", "(FLAGS BODY.PEEK[])")
            assert status == "OK", data
            for item in data:
                if isinstance(item, tuple):
                    flags = re.search(rb"FLAGS \(([^)]*)\)", item[0]).group(1).decode().split()
                    messages.append({"sha256": hashlib.sha256(item[1]).hexdigest(),
                                     "flags": sorted(set(flags) - SESSION_FLAGS)})
        mail[folder] = sorted(messages, key=lambda message: message["sha256"])
    return mail


def dump_calendars(principal):
    calendars = {}
    for calendar in principal.calendars():
        objects = []
        for resource in calendar.objects(load_objects=True):
            parsed = icalendar.Calendar.from_ical(resource.data)
            for component in parsed.subcomponents:
                if component.name != "VTIMEZONE":
                    objects.append(component.to_ical().decode("utf-8"))
        calendars[collection_id(calendar)] = {"name": calendar.get_display_name(),
                                              "components": sorted(calendar.get_supported_components() or []),
                                              "objects": sorted(objects)}
    return calendars


def dump():
    connection = imap()
    try:
        mail = dump_mail(connection)
    finally:
        logout(connection)
    return {"mail": mail, "calendars": dump_calendars(dav().principal())}


print(json.dumps({"seed": seed, "import": do_import, "dump": dump}[COMMAND](), sort_keys=True, ensure_ascii=False))
