#!/usr/bin/env bash
# Benchmarks the state dashboard against a trivial signed-in page with the same layout and one database round
# trip (/About), in one run, with wrk at 16 concurrent connections. Needs a running OrgTracker (./run.sh) with
# a scale profile loaded (./run.sh seed --profile up-full) and Debian's wrk.
#   scripts/bench-dashboard.sh [EMAIL] [SECONDS]
set -euo pipefail
base="${ORGTRACKER_URL:-http://127.0.0.1:5080}"
email="${1:-incharge.up@demo.orgtracker.in}"
seconds="${2:-20}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
jar="$(mktemp)"; lua="$(mktemp --suffix=.lua)"
trap 'rm -f "$jar" "$lua"' EXIT
token=$(curl -s -c "$jar" "$base/Account/Login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$email" \
  --data-urlencode "Input.Password=${ORGTRACKER_DEMO_PASSWORD:-OrgTracker-Demo-2026}" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
cookie=$(awk '$6 ~ /OrgTracker/ {printf "%s=%s", $6, $7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
cat > "$lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %.1f %.1f %.1f %d\n", summary.requests, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
LUA
run() {
  local path="$1"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")" = 200 ] || { echo "$path does not answer 200" >&2; exit 1; }
  wrk -t2 -c16 -d"${seconds}s" -H "Cookie: $cookie" -s "$lua" "$base$path" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}
read -r tn tmed tp95 tp99 terr < <(run /About)
read -r dn dmed dp95 dp99 derr < <(run /Dashboard)
printf '%-12s %9s %10s %10s %10s %7s\n' page requests "median ms" "p95 ms" "p99 ms" errors
printf '%-12s %9s %10s %10s %10s %7s\n' /About "$tn" "$tmed" "$tp95" "$tp99" "$terr"
printf '%-12s %9s %10s %10s %10s %7s\n' /Dashboard "$dn" "$dmed" "$dp95" "$dp99" "$derr"
awk -v a="$dmed" -v b="$tmed" -v c="$dp95" -v d="$tp95" 'BEGIN { printf "ratio: median %.2fx (limit 3x), p95 %.2fx (limit 4x)\n", a / b, c / d }'
