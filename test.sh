#!/usr/bin/env bash
# The whole test suite against a real PostgreSQL (a separate test database) and Debian's Chromium.
# The last line is the total: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/replica.sh
set +e

if [ -z "${ORGTRACKER_TEST_DB:-}" ]; then
  ensure_cluster
  if ! psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAc "select 1" >/dev/null; then
    echo "PostgreSQL on 127.0.0.1:$PG_PORT does not answer; see $PG_DIR/server.log" >&2
    exit 1
  fi
  # Fresh test databases on every run: migrations (and the reference data they insert) always apply from scratch.
  for db in orgtracker_test orgtracker_browser; do
    psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  done
  ensure_database orgtracker_test
  # The cluster is durable (synchronous_commit = on); the throw-away test databases need not wait for the disk.
  export ORGTRACKER_TEST_DB="$ORGTRACKER_DB_BASE;Database=orgtracker_test;Options=-c synchronous_commit=off"
  # A streaming replica of the cluster on the next port: the read-replica tests (Data/ReadReplicaTests.cs) read the
  # same test database there (scripts/replica.sh).
  if ensure_replica && wait_replica_database orgtracker_test; then
    export ORGTRACKER_TEST_DB_READ="$ORGTRACKER_DB_READ_BASE;Database=orgtracker_test"
  else
    echo "the replica did not start; the read-replica tests will fail (see $REPLICA_DIR/server.log)" >&2
  fi
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Chromium (Debian package chromium)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi

log="$(mktemp)"
dotnet test OrgTracker.sln -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-project summary lines: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed:' "$log" | awk '
  { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
  END { printf "%d %d %d\n", p, f, s }')
rm -f "$log"
if [ "$status" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then status=1; fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
