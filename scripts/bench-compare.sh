#!/usr/bin/env bash
# Two builds side by side on one database, caches off: the pages of bench-pages.sh's table, each warmed 40 times on
# both apps, then ROUNDS rounds alternating between the two (so that both see the same machine), medians and their
# ratio to each build's own /About.
#
#   scripts/bench-compare.sh BEFORE [AFTER] [EMAIL] [ROUNDS]     (AFTER defaults to the work tree; ROUNDS to 15)
#
# BEFORE (and AFTER) are git revisions, built in temporary worktrees. Uses ORGTRACKER_BENCH_DB (default
# orgtracker_bench_up), seeded by scripts/bench-pages.sh; the database is migrated to the work tree's schema, so a
# BEFORE older than a migration reads a schema newer than its own (new tables and indexes it does not know of).
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE="$1"
AFTER="${2:-}"
EMAIL="${3:-incharge.up@demo.orgtracker.in}"
ROUNDS="${4:-15}"
DB="${ORGTRACKER_BENCH_DB:-orgtracker_bench_up}"
source scripts/db.sh
source scripts/app.sh
ensure_cluster >/dev/null
export ORGTRACKER_DB="$ORGTRACKER_DB_BASE;Database=$DB"
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U orgtracker -d "$DB" -v ON_ERROR_STOP=1 -q -At)
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for side in before after; do [ -d "$WORK/$side-src" ] && git worktree remove --force "$WORK/$side-src" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

build() { # side revision
  local src="$PWD"
  if [ -n "$2" ]; then git worktree add -q --detach "$WORK/$1-src" "$2"; src="$WORK/$1-src"; fi
  echo "==> building $1 (${2:-work tree})"
  build_app "$WORK/$1" "$src/src/OrgTracker.Web"
}
build before "$BEFORE"
build after "$AFTER"
dotnet "$WORK/after/OrgTracker.Web.dll" migrate >/dev/null

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
declare -A BASE COOKIE
for side in before after; do
  port=$(free_port)
  BASE[$side]="http://127.0.0.1:$port"
  # The dashboard computes its figures for every request on both sides: CacheSeconds=0 for revisions before
  # KeptFigures (stop 30), KeepFigures=false from it on.
  ASPNETCORE_CONTENTROOT="$WORK/$side" ORGTRACKER_URLS="${BASE[$side]}" ORGTRACKER_Dashboard__CacheSeconds=0 ORGTRACKER_Dashboard__KeepFigures=false \
    ORGTRACKER_LOGIN_FAILURES_PER_MINUTE=100000 ASPNETCORE_ENVIRONMENT=Production dotnet "$WORK/$side/OrgTracker.Web.dll" >"$WORK/$side.log" 2>&1 &
  PIDS+=($!)
done
for side in before after; do
  for _ in $(seq 1 120); do curl -sf "${BASE[$side]}/healthz" >/dev/null && break; sleep 0.5; done
  curl -sf "${BASE[$side]}/healthz" >/dev/null || { echo "the $side app did not start:"; tail -20 "$WORK/$side.log"; exit 1; }
  jar="$WORK/$side.jar"
  token=$(curl -s -c "$jar" "${BASE[$side]}/Account/Login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$EMAIL" \
    --data-urlencode "Input.Password=${ORGTRACKER_DEMO_PASSWORD:-OrgTracker-Demo-2026}" --data-urlencode "__RequestVerificationToken=$token" "${BASE[$side]}/Account/Login"
  COOKIE[$side]=$(awk '$6 ~ /OrgTracker/ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
  [ -n "${COOKIE[$side]}" ] || { echo "sign-in of $EMAIL failed ($side)" >&2; exit 1; }
done

STATE=$("${PSQL[@]}" -c "SELECT u.state_id FROM \"AspNetUsers\" u WHERE u.email = '$EMAIL'")
DRIVE=$("${PSQL[@]}" -c "SELECT id FROM membership_drives WHERE state_id = $STATE ORDER BY id LIMIT 1")
BOOTH=$("${PSQL[@]}" -c "SELECT booth_id FROM member_booth_counts WHERE drive_id = ${DRIVE:-0} ORDER BY enrolled DESC, booth_id LIMIT 1")
PAGES=(/About "/Dashboard/$STATE" /Meetings/Absentees /OfficeBearers/Training "/Meetings/Actions?show=mine" "/Territories/$STATE" /People
  "/Meetings/Actions?show=overdue" /OfficeBearers/Inactive /Membership "/Membership/Members/$DRIVE?territory=$BOOTH")

get() { curl -s -o /dev/null -w '%{time_total}' -H "Cookie: ${COOKIE[$1]}" -H 'Accept-Encoding: br, gzip' "${BASE[$1]}$2"; }
echo "==> warming up (40 requests to each page on each app), then $ROUNDS rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for p in "${PAGES[@]}"; do for _ in $(seq 1 40); do get before "$p" >/dev/null; get after "$p" >/dev/null; done; done
declare -A T
for _ in $(seq 1 "$ROUNDS"); do
  for p in "${PAGES[@]}"; do T[before$p]+="$(get before "$p") "; T[after$p]+="$(get after "$p") "; done
done
median() { printf '%s\n' $1 | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] * 1000 }'; }
fb=$(median "${T[before/About]}"); fa=$(median "${T[after/About]}")
echo
echo "| page | before ms | × /About | after ms | × /About |"
echo "|---|---|---|---|---|"
for p in "${PAGES[@]}"; do
  b=$(median "${T[before$p]}"); a=$(median "${T[after$p]}")
  echo "| \`$p\` | $b | $(awk -v x="$b" -v y="$fb" 'BEGIN { printf "%.1f", x / y }') | $a | $(awk -v x="$a" -v y="$fa" 'BEGIN { printf "%.1f", x / y }') |"
done
