"""A user's first CalDAV session against a running Postwall, with Debian's python3-caldav.

Usage: /usr/bin/python3 account_scenario.py <https-base-url> <ca-certificate.pem> <user> <password> <other-user> <other-password>
Discovers through /.well-known/caldav, verifying the server's certificate with the given PEM file,
and prints every outcome as one JSON object.
"""
import datetime
import json
import re
import sys

import caldav

BASE, CA, USER, PASSWORD, OTHER, OTHER_PASSWORD = sys.argv[1:7]
UTC = datetime.timezone.utc
WELL_KNOWN = BASE.rstrip("/") + "/.well-known/caldav"


def client(user, password):
    return caldav.DAVClient(url=WELL_KNOWN, username=user, password=password, ssl_verify_cert=CA)


def ics(uid, start, end, summary):
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Postwall//Test//EN\r\n"
            "BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:%s\r\nDTEND:%s\r\nSUMMARY:%s\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n" % (uid, start, end, summary))


def uids(objects):
    return sorted(set(re.search(r"^UID:(.*?)\r?$", o.data, re.M).group(1) for o in objects))


def components(calendar):
    names = calendar.get_supported_components()
    return sorted(names) if names else []


outcome = {}
try:
    client(USER, "wrong-" + PASSWORD).principal()
    outcome["wrong_password"] = "accepted"
except caldav.lib.error.AuthorizationError as e:
    outcome["wrong_password"] = "refused %s" % getattr(e, "reason", "")

dav = client(USER, PASSWORD)
principal = dav.principal()
existing = {c.url.path.rstrip("/").rsplit("/", 1)[-1]: c for c in principal.calendars()}
outcome["default_collections"] = {name: components(c) for name, c in existing.items()}
outcome["invitations"] = uids(existing["calendar"].events()) if "calendar" in existing else []

calendar = principal.make_calendar(name="Work", cal_id="work")
outcome["created_listed"] = "Work" in [c.get_display_name() for c in principal.calendars()]
event = calendar.save_event(ics("kickoff", "20260302T090000Z", "20260302T100000Z", "Kick-off"))
start = datetime.datetime(2026, 3, 2, tzinfo=UTC)
outcome["in_range"] = uids(calendar.search(event=True, start=start, end=start + datetime.timedelta(days=1), expand=False))
outcome["out_of_range"] = uids(calendar.search(event=True, start=start + datetime.timedelta(days=7),
                                               end=start + datetime.timedelta(days=8), expand=False))

headers = {"Content-Type": "text/calendar; charset=utf-8"}
etag = dav.request(event.url, "GET").headers["ETag"]
moved = ics("kickoff", "20260302T140000Z", "20260302T150000Z", "Kick-off (afternoon)")
outcome["update_stale_etag"] = dav.put(event.url, moved, dict(headers, **{"If-Match": '"stale"'})).status
outcome["update_current_etag"] = dav.put(event.url, moved, dict(headers, **{"If-Match": etag})).status
outcome["updated"] = b"afternoon" in dav.request(event.url, "GET")._raw

other = client(OTHER, OTHER_PASSWORD)
outcome["other_user_get"] = other.request(event.url, "GET").status
outcome["other_user_propfind"] = other.request(calendar.url, "PROPFIND", headers={"Depth": "1"}).status
outcome["other_user_delete"] = other.request(event.url, "DELETE").status

outcome["delete"] = dav.request(event.url, "DELETE").status
outcome["get_after_delete"] = dav.request(event.url, "GET").status
print(json.dumps(outcome, sort_keys=True))
