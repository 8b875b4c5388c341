#!/usr/bin/env bash
# The work one request costs, whatever the machine's load: the CPU time of a running app and of its PostgreSQL
# cluster while 16 clients (wrk) ask for a page, divided by the requests answered; /About first as the floor.
#
#   scripts/bench-cpu.sh PORT PGDATA PAGE [SECONDS] [EMAIL]
#     PORT    the port of an app already running (Release build; ORGTRACKER_Dashboard__KeepFigures=false to measure the
#             dashboard's figures computed for every request)
#     PGDATA  the data directory of the cluster it uses (e.g. .data/postgres); its postmaster and children are counted
#     PAGE    e.g. /Dashboard/802
# Wall-clock times on a shared machine follow the load; CPU per request moves much less, so two databases or two
# builds can be compared with apps running side by side (docs/performance.md, "National scale").
set -euo pipefail
PORT="$1"; PGD="$2"; PAGE="$3"; S="${4:-10}"; EMAIL="${5:-incharge.up@demo.orgtracker.in}"
command -v wrk >/dev/null || { echo "needs Debian's wrk (apt-get install wrk)" >&2; exit 1; }
APP=$(ss -ltnp "sport = :$PORT" | grep -oP 'pid=\K[0-9]+' | head -1)
[ -n "$APP" ] || { echo "no app listens on port $PORT" >&2; exit 1; }
ticks() { local s=0 v; for p in "$@"; do v=$(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0); s=$((s + v)); done; echo "$s"; }
postgres() { local pm; pm=$(head -1 "$PGD/postmaster.pid"); echo "$pm" $(pgrep -P "$pm" || true); }
HZ=$(getconf CLK_TCK)
BASE="http://127.0.0.1:$PORT"; JAR="$(mktemp)"; LUA="$(mktemp --suffix=.lua)"
trap 'rm -f "$JAR" "$LUA"' EXIT
token=$(curl -s -c "$JAR" "$BASE/Account/Login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "Input.Email=$EMAIL" \
  --data-urlencode "Input.Password=${ORGTRACKER_DEMO_PASSWORD:-OrgTracker-Demo-2026}" --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login"
COOKIE=$(awk '$6 ~ /OrgTracker/ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$JAR")
cat > "$LUA" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %.1f %.1f %d\n", summary.requests, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
LUA
echo "| page | requests in ${S} s | median ms | p99 ms | app CPU ms / request | PostgreSQL CPU ms / request |"
echo "|---|---:|---:|---:|---:|---:|"
for page in /About "$PAGE"; do
  a0=$(ticks "$APP"); p0=$(ticks $(postgres))
  read -r n med p99 _ < <(wrk -t2 -c16 -d"${S}s" -H "Cookie: $COOKIE" -H 'Accept-Encoding: br, gzip' -s "$LUA" "$BASE$page" | awk '/^RESULT/ { print $2, $3, $4, $5 }')
  a1=$(ticks "$APP"); p1=$(ticks $(postgres))
  echo "| \`$page\` | $n | $med | $p99 | $(awk -v d=$((a1 - a0)) -v n="$n" -v hz="$HZ" 'BEGIN { printf "%.2f", d * 1000 / hz / n }') | $(awk -v d=$((p1 - p0)) -v n="$n" -v hz="$HZ" 'BEGIN { printf "%.2f", d * 1000 / hz / n }') |"
done
