#!/usr/bin/env bash
# Signs in as a demo user and times pages of a running OrgTracker: scripts/page-timings.sh EMAIL URL...
# Each URL is fetched 5 times after one warm-up; prints the median total time in ms.
set -euo pipefail
base="${ORGTRACKER_URL:-http://127.0.0.1:5080}"
email="$1"; shift
jar="$(mktemp)"
token=$(curl -s -c "$jar" "$base/Account/Login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null -w '' --data-urlencode "Input.Email=$email" \
  --data-urlencode "Input.Password=${ORGTRACKER_DEMO_PASSWORD:-OrgTracker-Demo-2026}" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
for url in "$@"; do
  curl -s -b "$jar" -o /dev/null "$base$url"
  times=$(for i in 1 2 3 4 5; do curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}\n' "$base$url"; done)
  code=$(echo "$times" | head -1 | cut -d' ' -f1)
  median=$(echo "$times" | awk '{print $2*1000}' | sort -n | sed -n 3p)
  printf '%-60s %s %8.1f ms\n' "$url" "$code" "$median"
done
rm -f "$jar"
