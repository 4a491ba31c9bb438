#!/usr/bin/env bash
# Debian packages the export round trip (server ExportEndToEndTest) needs: python3-caldav and
# python3-icalendar, run with /usr/bin/python3 to import the archive's calendars; imaplib, zipfile and
# hashlib come with python3 itself.
set -euo pipefail
missing=()
for package in python3 python3-caldav python3-icalendar; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
