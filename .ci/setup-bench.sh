#!/usr/bin/env bash
# The benchmark's reference system: Postfix (with smtp-source) -> LMTP -> Dovecot Maildir. Idempotent.
# Postfix is preseeded to "No configuration": the benchmark writes its own config in a temp dir and
# the system-wide instance is never configured or started.
set -euo pipefail
PACKAGES="postfix dovecot-imapd dovecot-lmtpd"
missing=""
for p in $PACKAGES; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $missing
fi
