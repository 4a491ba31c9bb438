#!/usr/bin/env bash
# Scanner daemons for the filter module's tests (spamd, clamd, rspamd). Idempotent.
set -euo pipefail
PACKAGES="spamassassin spamd spamc clamav-daemon clamdscan rspamd"
missing=""
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $missing
fi
