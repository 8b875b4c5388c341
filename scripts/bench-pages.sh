#!/usr/bin/env bash
# Page benchmark, caches off, side by side with the floor (/About: a signed-in page with the same layout and one
# session read), in one run on one database:
#   1. one request at a time: every page below and /About in turn, ROUNDS rounds after a warm-up; the median of each
#      page and its ratio to /About's median; the state dashboard twice: as it runs, and right after a write in the
#      state each time (its kept figures out of date, so computed again);
#   2. 16 clients (wrk) on /About, on the state dashboard, and on the state dashboard while a write in the state
#      lands every second: median and p99 and their ratios.
#
#   scripts/bench-pages.sh [EMAIL] [ROUNDS] [SECONDS]        (defaults: incharge.up@demo.orgtracker.in 5 20)
#
# No cache of any kind: the dashboard keeps its figures only until anything they are read from changes in the state
# (Data/KeptFigures.cs), which the "after a write" rows measure. The app is a Release build on a free port over
# ORGTRACKER_BENCH_DB (default orgtracker_bench_up on the embedded cluster), seeding that database once with
# ORGTRACKER_BENCH_PROFILE (default up-full). Needs Debian's wrk for part 2 (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
EMAIL="${1:-incharge.up@demo.orgtracker.in}"
ROUNDS="${2:-5}"
SECONDS_LOAD="${3:-20}"
DB="${ORGTRACKER_BENCH_DB:-orgtracker_bench_up}"
PROFILE="${ORGTRACKER_BENCH_PROFILE:-up-full}"
source scripts/db.sh
source scripts/app.sh
ensure_cluster
ensure_database "$DB"
# ORGTRACKER_BENCH_DB_EXTRA: more connection-string settings for the app, e.g. "Max Auto Prepare=0" to compare.
export ORGTRACKER_DB="$ORGTRACKER_DB_BASE;Database=$DB${ORGTRACKER_BENCH_DB_EXTRA:+;$ORGTRACKER_BENCH_DB_EXTRA}"
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U orgtracker -d "$DB" -v ON_ERROR_STOP=1 -q -At)
if ! command -v wrk >/dev/null; then
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >/dev/null
fi

echo "==> building (Release)"
build_app
"${APP[@]}" migrate >/dev/null
if [ "$("${PSQL[@]}" -c "SELECT count(*) FROM members" 2>/dev/null || echo 0)" -lt 1000 ]; then
  echo "==> seeding $PROFILE into $DB (once)"
  "${APP[@]}" seed --profile "$PROFILE" | tail -3
  # A fresh bulk load has no visibility map yet: index-only scans would visit the heap until autovacuum comes by
  # (a booth's member list took 297 ms instead of 19 ms right after the seed).
  "${PSQL[@]}" -c "VACUUM (ANALYZE)"
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
LOG="$(mktemp)"; JAR="$(mktemp)"; LUA="$(mktemp --suffix=.lua)"
ORGTRACKER_URLS="$BASE" ORGTRACKER_LOGIN_FAILURES_PER_MINUTE=100000 \
  ASPNETCORE_ENVIRONMENT=Production "${APP[@]}" >"$LOG" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null; rm -f "$LOG" "$JAR" "$LUA"' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/healthz" >/dev/null || { echo "the app did not start:"; tail -20 "$LOG"; exit 1; }

token=$(curl -s -c "$JAR" "$BASE/Account/Login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "Input.Email=$EMAIL" \
  --data-urlencode "Input.Password=${ORGTRACKER_DEMO_PASSWORD:-OrgTracker-Demo-2026}" --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login"
COOKIE=$(awk '$6 ~ /OrgTracker/ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$JAR")
[ -n "$COOKIE" ] || { echo "sign-in of $EMAIL failed" >&2; exit 1; }

# The user's state, its open drive and one of its booths with members (the heaviest single member list).
STATE=$("${PSQL[@]}" -c "SELECT u.state_id FROM \"AspNetUsers\" u WHERE u.email = '$EMAIL'")
DRIVE=$("${PSQL[@]}" -c "SELECT id FROM membership_drives WHERE state_id = $STATE ORDER BY id LIMIT 1")
BOOTH=$("${PSQL[@]}" -c "SELECT booth_id FROM member_booth_counts WHERE drive_id = ${DRIVE:-0} ORDER BY enrolled DESC, booth_id LIMIT 1")
PAGES=(
  "/Dashboard/$STATE" /Meetings/Absentees /OfficeBearers/Training "/Meetings/Actions?show=mine" "/Territories/$STATE" /People
  "/Meetings/Actions?show=overdue" /OfficeBearers/Inactive /Membership "/Membership/Members/$DRIVE?territory=$BOOTH"
  "/OfficeBearers/Coverage?by=seats" /Meetings /Meetings/Calendar /Meetings/Reviews /Reports /Territories/Constituencies
)
[ -f src/OrgTracker.Web/Pages/Directives/Index.cshtml ] && PAGES+=(/Directives /Directives/Grid)
if [ -f src/OrgTracker.Web/Pages/Srijan/Index.cshtml ]; then
  # The Sangathan Srijan board needs a campaign: when the state has none, one is started through the page (every
  # district of the state, awaiting observers), as the in-charge would.
  if ! curl -s -b "$JAR" "$BASE/Srijan" | grep -q 'data-testid="board-row"'; then
    token=$(curl -s -b "$JAR" -c "$JAR" "$BASE/Srijan" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -1)
    curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" "$BASE/Srijan?handler=Start"
  fi
  PAGES+=(/Srijan)
fi

for path in /About "${PAGES[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path")
  [ "$code" = 200 ] || echo "warning: $path answers $code" >&2
done

ms() { curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $COOKIE" -H 'Accept-Encoding: br, gzip' "$BASE$1" | awk '{ printf "%.1f\n", $1 * 1000 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
declare -A times
echo "==> one request at a time: $ROUNDS rounds over ${#PAGES[@]} pages and /About; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up: 40 requests to each page first. .NET compiles a method again, optimised, after 30 calls (tiered
# compilation); a page asked only a few times is timed in its first, slow tier, which a long-running server is not.
for path in /About "${PAGES[@]}"; do
  for _ in $(seq 1 40); do ms "$path" >/dev/null; done
done
# A write in the state that changes nothing shown (a district's last activity, set to itself): the statement's trigger
# notes it all the same, and the dashboard computes its figures again on the next request.
DISTRICT=$("${PSQL[@]}" -c "SELECT territory_id FROM unit_activities WHERE state_id = $STATE ORDER BY territory_id LIMIT 1")
write() { "${PSQL[@]}" -c "UPDATE unit_activities SET last_on = last_on WHERE territory_id = $DISTRICT AND state_id = $STATE"; }
AFTER_WRITE="/Dashboard/$STATE after a write"
for round in $(seq 1 "$ROUNDS"); do
  for path in /About "${PAGES[@]}"; do
    times[$path]+="$(ms "$path") "
  done
  write
  times[$AFTER_WRITE]+="$(ms "/Dashboard/$STATE") "
done
floor=$(printf '%s\n' ${times[/About]} | median)
echo
echo "| page | median ms | × /About |"
echo "|---|---|---|"
echo "| /About (floor) | $floor | 1.0 |"
for path in "${PAGES[@]}" "$AFTER_WRITE"; do
  m=$(printf '%s\n' ${times[$path]} | median)
  echo "| \`$path\` | $m | $(awk -v a="$m" -v b="$floor" 'BEGIN { printf "%.1f", a / b }') |"
done

cat > "$LUA" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %.1f %.1f %d\n", summary.requests, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
LUA
load() { wrk -t2 -c16 -d"${SECONDS_LOAD}s" -H "Cookie: $COOKIE" -H 'Accept-Encoding: br, gzip' -s "$LUA" "$BASE$1" | awk '/^RESULT/ { print $2, $3, $4, $5 }'; }
read -r an amed ap99 aerr < <(load /About)
read -r dn dmed dp99 derr < <(load "/Dashboard/$STATE")
( while :; do write; sleep 1; done ) &
WRITER=$!
read -r wn wmed wp99 werr < <(load "/Dashboard/$STATE")
kill $WRITER; wait $WRITER 2>/dev/null || true
echo
echo "16 clients, ${SECONDS_LOAD} s each:"
echo "| page | requests | median ms | p99 ms | non-2xx |"
echo "|---|---|---|---|---|"
echo "| /About | $an | $amed | $ap99 | $aerr |"
echo "| /Dashboard/$STATE | $dn | $dmed | $dp99 | $derr |"
echo "| /Dashboard/$STATE, a write in the state every second | $wn | $wmed | $wp99 | $werr |"
awk -v a="$dmed" -v b="$amed" -v c="$dp99" -v d="$ap99" 'BEGIN { printf "ratio: median %.1f× (bar 3×), p99 %.1f× (bar 5×)\n", a / b, c / d }'
awk -v a="$wmed" -v b="$amed" -v c="$wp99" -v d="$ap99" 'BEGIN { printf "with a write every second: median %.1f×, p99 %.1f×\n", a / b, c / d }'
