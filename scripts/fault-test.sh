#!/usr/bin/env bash
# Database fault drill (docs/reliability.md): 32 signed-in clients submit new meetings to a running OrgTracker while
# its PostgreSQL is stopped for a few seconds and started again: a clean stop (fast), a crash (immediate: no
# checkpoint, recovery from the WAL at start) or the postmaster killed with SIGKILL (kill9). Then checks: no acknowledged submission lost, none
# duplicated, /healthz 503 during the outage and 200 after, the app process never restarted, and throughput back
# within 15 s of the database. Uses a cluster of its own (.data/fault-postgres), never the development or test one.
#
#   scripts/fault-test.sh [CLIENTS=32] [SECONDS=60] [OUTAGE_SECONDS=6] [fast|immediate|kill9]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/db.sh
source scripts/app.sh
PG_DIR="$(cluster_dir fault-postgres)"
PG_PORT="${FAULT_PG_PORT:-55471}"
CLIENTS="${1:-32}"; SECONDS_TOTAL="${2:-60}"; OUTAGE="${3:-6}"; MODE="${4:-fast}"
case "$MODE" in fast|immediate|kill9) ;; *) echo "mode must be fast, immediate or kill9" >&2; exit 2 ;; esac
APP_PORT="${FAULT_APP_PORT:-5091}"
RUN="$(date +%s)"
WORK="$DATA_DIR/fault-$RUN"; mkdir -p "$WORK"

ensure_cluster
ensure_database orgtracker_fault
export ORGTRACKER_DB="$ORGTRACKER_DB_BASE;Database=orgtracker_fault;Timeout=5;Command Timeout=30;Maximum Pool Size=100"

echo "==> building"
build_app
"${APP[@]}" migrate >/dev/null
"${APP[@]}" seed --profile demo --if-empty >/dev/null

echo "==> starting the app on $APP_PORT"
ORGTRACKER_URLS="http://127.0.0.1:$APP_PORT" ORGTRACKER_LOGIN_FAILURES_PER_MINUTE=100000 "${APP[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$APP_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

echo "==> $CLIENTS clients for ${SECONDS_TOTAL}s; PostgreSQL stopped ($MODE) for ${OUTAGE}s after 20s"
python3 scripts/fault-driver.py "http://127.0.0.1:$APP_PORT" office.mp@demo.orgtracker.in OrgTracker-Demo-2026 \
  "$SECONDS_TOTAL" "$CLIENTS" "$RUN" "$WORK/driver.json" &
DRIVER=$!
sleep 20
STOPPED=$(date +%s.%N)
if [ "$MODE" = kill9 ]; then
  POSTMASTER="$(head -1 "$PG_DIR/postmaster.pid")"
  kill -9 "$POSTMASTER"
  while kill -0 "$POSTMASTER" 2>/dev/null; do sleep 0.1; done
else
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -m "$MODE" -w stop >/dev/null
fi
DOWN=$(date +%s.%N)
sleep "$OUTAGE"
# After a SIGKILL the orphaned backends exit on their own; a new postmaster refuses to start while they hold shared memory.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null && break
  sleep 1
done
UP=$(date +%s.%N)
wait $DRIVER

ALIVE=no; kill -0 $APP_PID 2>/dev/null && ALIVE=yes
psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d orgtracker_fault -tAc \
  "select title from meetings where title like 'fault-$RUN-%'" >"$WORK/stored.txt"

python3 - "$WORK/driver.json" "$WORK/stored.txt" "$STOPPED" "$DOWN" "$UP" "$ALIVE" "$APP_PID" "$MODE" <<'PY' | tee "$WORK/summary.txt"
import collections, json, sys
d = json.load(open(sys.argv[1])); stored = [l.strip() for l in open(sys.argv[2]) if l.strip()]
stopping, down, up, alive, pid = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6], sys.argv[7]
acked = {a["title"] for a in d["acknowledged"]}
counts = collections.Counter(stored)
lost = sorted(acked - set(counts)); dup = sorted(t for t, n in counts.items() if n > 1)
health_out = [h["status"] for h in d["health"] if down + 0.5 < h["t"] < up - 0.5]
health_after = [h["status"] for h in d["health"] if h["t"] > up + 2]
before = [a["t"] for a in d["acknowledged"] if d["started"] + 5 < a["t"] < stopping]
rate_before = len(before) / max(1e-9, stopping - d["started"] - 5)
# Throughput back: the first 3-second window after the restart with at least half the rate before the outage.
times = sorted(a["t"] for a in d["acknowledged"] if a["t"] > up)
back = None
for t in times:
    if sum(1 for x in times if t <= x < t + 3) / 3 >= rate_before / 2:
        back = t - up; break
after = [a for a in d["acknowledged"] if a["t"] > up + (back or 0) + 3]
rate_after = len(after) / max(1e-9, d["ended"] - (up + (back or 0) + 3))
ok = not lost and not dup and 503 in health_out and health_after and all(s == 200 for s in health_after[-5:]) and alive == "yes" and back is not None and back <= 15
print(f"submissions acknowledged: {len(acked)}; stored: {len(stored)}; lost: {len(lost)}; duplicated: {len(dup)}")
print(f"failed attempts (retried with the same idempotency key): {d['failures']}; given up after a minute: {len(d['gave_up'])}")
print(f"PostgreSQL ({sys.argv[8]}): stop took {down - stopping:.1f}s, down for {up - down:.1f}s")
print(f"/healthz during the outage: {dict(collections.Counter(health_out))}; after: {dict(collections.Counter(health_after))}")
print(f"app process {pid} still running: {alive}")
print(f"throughput before the outage: {rate_before:.1f}/s; back to half of it {back:.1f}s after the database" if back is not None else "throughput never came back")
print(f"throughput after: {rate_after:.1f}/s")
print("RESULT: " + ("PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
