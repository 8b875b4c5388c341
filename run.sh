#!/usr/bin/env bash
# Runs OrgTracker. Without ORGTRACKER_DB it uses an embedded PostgreSQL under .data/postgres.
# Extra arguments are commands for the app, e.g. `./run.sh seed --profile up-full`.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/db.sh
source scripts/app.sh

if [ -z "${ORGTRACKER_DB:-}" ]; then
  ensure_cluster
  ensure_database orgtracker
  export ORGTRACKER_DB="$ORGTRACKER_DB_BASE;Database=orgtracker"
fi

echo "==> building"
build_app

if [ $# -gt 0 ]; then
  # An import is a batch job in a process of its own: with workstation GC its memory stays flat (a 10-lakh member
  # import peaked 1.15× a 20-row one, against 1.24× with the server GC the web server keeps; docs/performance.md).
  if [ "$1" = import ]; then export DOTNET_gcServer=0; fi
  exec "${APP[@]}" "$@"
fi

"${APP[@]}" migrate
"${APP[@]}" seed --profile demo --if-empty
export ORGTRACKER_URLS="${ORGTRACKER_URLS:-http://127.0.0.1:5080}"
echo
echo "OrgTracker: ${ORGTRACKER_URLS}"
"${APP[@]}" demo-logins --if-loaded
exec "${APP[@]}"
