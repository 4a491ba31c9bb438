#!/usr/bin/env bash
# Runs the ingest/IMAP benchmark (see README.md next to this script). Options are passed through,
# e.g. server/bench/run-benchmark.sh --messages=500 --sessions=5 --reference=false
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "$*" != *--reference=false* ]]; then
  .ci/setup-bench.sh
fi
exec mvn -B -q -pl server -am test-compile -Pbench -Dbench.args="$*"
