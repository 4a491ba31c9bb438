#!/usr/bin/env bash
# Debian packages the calendar tests need: python3-caldav (a real CalDAV client run with
# /usr/bin/python3) and Radicale (the reference CalDAV server compared side by side).
set -euo pipefail
missing=()
for package in python3-caldav radicale; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
