"""One CalDAV client session with python3-caldav, printed as JSON so that two servers can be compared.

Usage: /usr/bin/python3 caldav_scenario.py <base-url> <user> <password>
Every outcome recorded is independent of the server's URL layout.
"""
import datetime
import json
import re
import sys
import warnings

import caldav

warnings.simplefilter("ignore")

BASE, USER, PASSWORD = sys.argv[1:4]
UTC = datetime.timezone.utc


def ics(uid, start, end, summary, component="VEVENT", extra=""):
    dates = "DTSTART:%s\r\nDTEND:%s\r\n" % (start, end) if component == "VEVENT" else "DTSTART:%s\r\n" % start
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Postwall//Interop//EN\r\n"
            "BEGIN:%s\r\nUID:%s\r\nDTSTAMP:20260101T000000Z\r\n%sSUMMARY:%s\r\n%sEND:%s\r\nEND:VCALENDAR\r\n"
            % (component, uid, dates, summary, extra, component))


def uids(objects):
    return sorted(set(re.search(r"^UID:(.*?)\r?$", o.data, re.M).group(1) for o in objects))


def week(calendar, year, month, day):
    start = datetime.datetime(year, month, day, tzinfo=UTC)
    return uids(calendar.search(event=True, start=start, end=start + datetime.timedelta(days=7), expand=False))


outcome = {}
client = caldav.DAVClient(url=BASE, username=USER, password=PASSWORD, ssl_verify_cert=False)
wrong = caldav.DAVClient(url=BASE, username=USER, password="wrong", ssl_verify_cert=False)
try:
    wrong.principal()
    outcome["wrong_password"] = "accepted"
except caldav.lib.error.AuthorizationError:
    outcome["wrong_password"] = "refused"

principal = client.principal()
calendar = principal.make_calendar(name="Interop", cal_id="interop")
outcome["created_display_name"] = calendar.get_display_name()
outcome["listed"] = "Interop" in [c.get_display_name() for c in principal.calendars()]

review = calendar.url.join("review.ics")
headers = {"Content-Type": "text/calendar; charset=utf-8"}
body = ics("review", "20260114T130000Z", "20260114T140000Z", "Quarterly review")
outcome["put_create"] = client.put(review, body, dict(headers, **{"If-None-Match": "*"})).status
outcome["put_create_again"] = client.put(review, body, dict(headers, **{"If-None-Match": "*"})).status
calendar.save_event(ics("standup", "20260105T090000Z", "20260105T091500Z", "Standup",
                        extra="RRULE:FREQ=WEEKLY;COUNT=4\r\nEXDATE:20260112T090000Z\r\n"))
calendar.save_todo(ics("task", "20260110T090000Z", None, "Prepare review", component="VTODO"))
calendar.save_journal(ics("note", "20260107T090000Z", None, "Ideas", component="VJOURNAL"))

outcome["week_of_5_january"] = week(calendar, 2026, 1, 5)
outcome["week_of_12_january"] = week(calendar, 2026, 1, 12)
outcome["week_of_19_january"] = week(calendar, 2026, 1, 19)
outcome["week_of_2_february"] = week(calendar, 2026, 2, 2)
outcome["todos"] = uids(calendar.todos())
outcome["journals"] = uids(calendar.journals())
outcome["events"] = uids(calendar.events())

initial = calendar.objects_by_sync_token(load_objects=False)
outcome["sync_initial"] = len(list(initial))

etag = client.request(review, "GET").headers["ETag"]
moved = ics("review", "20260114T150000Z", "20260114T160000Z", "Quarterly review (later)")
outcome["put_stale_etag"] = client.put(review, moved, dict(headers, **{"If-Match": '"stale"'})).status
outcome["put_current_etag"] = client.put(review, moved, dict(headers, **{"If-Match": etag})).status
after = client.request(review, "GET")
outcome["get_after_update"] = b"later" in after._raw
outcome["etag_changed"] = after.headers["ETag"] != etag
outcome["put_invalid"] = client.put(calendar.url.join("broken.ics"), "BEGIN:VCALENDAR\r\nnonsense\r\n", headers).status

outcome["delete_stale_etag"] = client.request(review, "DELETE", headers={"If-Match": '"stale"'}).status
outcome["delete_current_etag"] = client.request(review, "DELETE", headers={"If-Match": after.headers["ETag"]}).status
outcome["get_after_delete"] = client.request(review, "GET").status
changes = calendar.objects_by_sync_token(sync_token=initial.sync_token, load_objects=False)
outcome["sync_changes_after_delete"] = len(list(changes))
outcome["week_of_12_january_after_delete"] = week(calendar, 2026, 1, 12)

calendar.delete()
outcome["listed_after_delete"] = "Interop" in [c.get_display_name() for c in principal.calendars()]
print(json.dumps(outcome, sort_keys=True))
