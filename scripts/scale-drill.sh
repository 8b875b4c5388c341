#!/usr/bin/env bash
# Many-instances drill (docs/reliability.md, "Many instances"): the topology of docker-compose.yml's "scale" profile
# from Debian's packages: two OrgTracker processes (Release build, Production, one PostgreSQL database) behind nginx
# with deploy/nginx.conf. scripts/fault-driver.py's signed-in clients submit new meetings through nginx; midway the
# drill kills one instance with SIGKILL and starts it again a few seconds later. Then checks: no acknowledged
# submission lost, none stored twice, no client lost its sign-in (each is sent to the login page never, and loads a
# signed-in page with its cookies at the end), no submission given up, and both instances served requests, the
# killed one again after its restart. Prints the errors clients saw and the requests each instance served.
# nginx runs as a child of this script with its own prefix and config under the run's directory, never the system
# service; the script stops everything it started, also on failure or Ctrl-C.
#
#   scripts/scale-drill.sh [CLIENTS=32] [SECONDS=60] [DOWN_SECONDS=5]
#   (ports: SCALE_APP_PORTS="5161 5162", SCALE_PROXY_PORT=5160; database orgtracker_scale on the checkout's cluster)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/db.sh
source scripts/app.sh
CLIENTS="${1:-32}"; SECONDS_TOTAL="${2:-60}"; DOWN="${3:-5}"
read -r -a PORTS <<<"${SCALE_APP_PORTS:-5161 5162}"
PROXY_PORT="${SCALE_PROXY_PORT:-5160}"
KILL_AT=$((SECONDS_TOTAL / 3))
RUN="scale$(date +%s)"
WORK="$DATA_DIR/scale-$RUN"; NGX="$WORK/nginx"
mkdir -p "$NGX"; chmod 755 "$WORK" "$NGX"

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "==> installing nginx (Debian package nginx)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx >/dev/null
fi
NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"

ensure_cluster
# A new database each run, as a new deployment: both instances start on it together.
psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "drop database if exists orgtracker_scale with (force)" >/dev/null
ensure_database orgtracker_scale
export ORGTRACKER_DB="$ORGTRACKER_DB_BASE;Database=orgtracker_scale;Timeout=5;Command Timeout=30;Maximum Pool Size=50"

echo "==> building (Release)"
# No shared build servers: another build on the machine shutting them down does not stop this one.
build_app "$APP_DIR" src/OrgTracker.Web --disable-build-servers
"${APP[@]}" migrate >/dev/null
"${APP[@]}" seed --profile demo --if-empty >/dev/null

declare -A PID
NGINX_PID=""
cleanup() {
  local p
  for p in "${PID[@]}" $NGINX_PID; do kill "$p" 2>/dev/null || true; done
  for p in "${PID[@]}" $NGINX_PID; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT

# start_instance N: app instance N (0-based) on its port, as in production behind a proxy on this machine.
start_instance() {
  local port="${PORTS[$1]}"
  ASPNETCORE_ENVIRONMENT=Production ORGTRACKER_URLS="http://127.0.0.1:$port" ORGTRACKER_KNOWN_PROXIES=127.0.0.1 \
    ORGTRACKER_LOGIN_FAILURES_PER_MINUTE=100000 "${APP[@]}" >>"$WORK/app-$port.log" 2>&1 &
  PID[$1]=$!
}
wait_healthy() {
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "instance on port $1 did not become healthy" >&2; return 1
}

echo "==> starting ${#PORTS[@]} instances on ports ${PORTS[*]}"
for i in "${!PORTS[@]}"; do start_instance "$i"; done
for port in "${PORTS[@]}"; do wait_healthy "$port"; done

echo "==> starting nginx on $PROXY_PORT (deploy/nginx.conf)"
# The shared file with this machine's addresses: the upstream's servers and the listening port.
python3 - deploy/nginx.conf "$PROXY_PORT" "${PORTS[@]}" >"$NGX/orgtracker.conf" <<'PY'
import re, sys
conf, proxy, ports = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3:]
servers = re.findall(r"^ *server app\d*:8080 (.*);$", conf, re.M)
assert len(servers) >= 1 and "listen 8080;" in conf, "deploy/nginx.conf: upstream or listen line not found"
opts = servers[0]
conf = re.sub(r"(^ *server app\d*:8080 .*;\n)+", "".join(f"    server 127.0.0.1:{p} {opts};\n" for p in ports), conf, flags=re.M)
sys.stdout.write(conf.replace("listen 8080;", f"listen 127.0.0.1:{proxy};"))
PY
cat >"$NGX/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 2048; }
http {
    client_body_temp_path $NGX/client_body;
    proxy_temp_path $NGX/proxy;
    fastcgi_temp_path $NGX/fastcgi;
    uwsgi_temp_path $NGX/uwsgi;
    scgi_temp_path $NGX/scgi;
    include $NGX/orgtracker.conf;
}
EOF
"$NGINX_BIN" -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf" -t -q
# access_log /dev/stdout (deploy/nginx.conf): nginx's standard output is the access log.
"$NGINX_BIN" -p "$NGX" -e "$NGX/error.log" -c "$NGX/nginx.conf" >"$WORK/access.log" 2>>"$NGX/error.log" &
NGINX_PID=$!
wait_healthy "$PROXY_PORT"

VICTIM=0
echo "==> $CLIENTS clients for ${SECONDS_TOTAL}s through nginx; instance on ${PORTS[$VICTIM]} killed (SIGKILL) after ${KILL_AT}s or more (once $CLIENTS submissions are stored), started again ${DOWN}s later"
# Demo users who may record meetings, round robin (fault-driver.py: one cookie jar per client).
USERS=office.mp@demo.orgtracker.in,incharge.mp@demo.orgtracker.in,office.up@demo.orgtracker.in,incharge.up@demo.orgtracker.in
python3 scripts/fault-driver.py "http://127.0.0.1:$PROXY_PORT" "$USERS" OrgTracker-Demo-2026 \
  "$SECONDS_TOTAL" "$CLIENTS" "$RUN" "$WORK/driver.json" &
DRIVER=$!
# The kill comes while the clients are submitting (32 sign-ins take a while on a busy machine): at a third of the run
# once CLIENTS meetings of this run are stored, at half of it whatever happened.
T0=$(date +%s)
while :; do
  ELAPSED=$(( $(date +%s) - T0 ))
  [ "$ELAPSED" -ge $((SECONDS_TOTAL / 2)) ] && break
  if [ "$ELAPSED" -ge "$KILL_AT" ] && [ "$(psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d orgtracker_scale -tAc \
      "select count(*) from meetings where title like 'fault-$RUN-%'")" -ge "$CLIENTS" ]; then break; fi
  sleep 1
done
VICTIM_PID="${PID[$VICTIM]}"
KILLED=$(date +%s.%N)
kill -9 "$VICTIM_PID"
while kill -0 "$VICTIM_PID" 2>/dev/null; do sleep 0.05; done
wait "$VICTIM_PID" 2>/dev/null || true
sleep "$DOWN"
STARTED=$(date +%s.%N)
start_instance "$VICTIM"
wait_healthy "${PORTS[$VICTIM]}"
UP=$(date +%s.%N)
wait $DRIVER

psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d orgtracker_scale -tAc \
  "select title from meetings where title like 'fault-$RUN-%'" >"$WORK/stored.txt"
KEYS="$(psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d orgtracker_scale -tAc "select count(*) from data_protection_keys")"

python3 - "$WORK/driver.json" "$WORK/stored.txt" "$WORK/access.log" "$KILLED" "$STARTED" "$UP" "${PORTS[$VICTIM]}" "${PORTS[*]}" "$KEYS" <<'PY' | tee "$WORK/summary.txt"
import collections, json, re, sys
d = json.load(open(sys.argv[1])); stored = [l.strip() for l in open(sys.argv[2]) if l.strip()]
killed, started, up, victim, ports = float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), sys.argv[7], sys.argv[8].split()
window = (killed - 1, up + 10)  # the kill, the instance's absence, its restart and warm-up
inwin = lambda t: window[0] <= t <= window[1]
acked = {a["title"] for a in d["acknowledged"]}
counts = collections.Counter(stored)
lost = sorted(acked - set(counts)); dup = sorted(t for t, n in counts.items() if n > 1)
unacked = sorted(set(counts) - acked)
post_errors = [a for a in d["attempts"] if not a["ok"]]
form_errors = d["form_failures"]
signed_out = d["signed_out"]
final_bad = {n: c for n, c in d["final_check"].items() if c["status"] != 200}
# nginx: "$msec $remote_addr "$method $uri" $status "$upstream_addr" "$upstream_status" $request_time"
line = re.compile(r'^(\S+) \S+ "(\S+) (\S+)" (\d+) "([^"]*)" "([^"]*)" (\S+)$')
served = collections.Counter(); served_before = collections.Counter(); served_after = collections.Counter(); tried_next = []; at_client = collections.Counter()
for l in open(sys.argv[3]):
    m = line.match(l.strip())
    if not m: continue
    t, method, uri, status, addrs, ustatus = float(m[1]), m[2], m[3], m[4], m[5], m[6]
    hops = [a.strip() for a in addrs.split(",")]
    last = hops[-1].rsplit(":", 1)[-1]
    served[last] += 1
    if t < killed: served_before[last] += 1
    if t > up: served_after[last] += 1
    if len(hops) > 1: tried_next.append((t, method, uri, ustatus, status))
    if inwin(t): at_client[status] += 1
ok = (sys.argv[9] == "1" and not lost and not dup and not signed_out and not final_bad and not d["gave_up"] and len(d["final_check"]) > 0
      and all(served[p] > 0 for p in ports) and served_after[victim] > 0)
first = min((a["t"] for a in d["acknowledged"]), default=killed)  # the clients have signed in
before = [a["t"] for a in d["acknowledged"] if a["t"] < killed]
rate = lambda n, s: n / max(1e-9, s)
print(f"submissions acknowledged: {len(acked)}; stored: {len(stored)}; lost: {len(lost)}; duplicated: {len(dup)}; "
      f"stored without an acknowledgement (the run ended first, or given up): {len(unacked)}")
print(f"clients: {len(d['final_check'])}; sent to the login page while signed in: {len(set(s['client'] for s in signed_out))} "
      f"({len(signed_out)} times); still signed in at the end: {len(d['final_check']) - len(final_bad)}")
print(f"errors seen by clients, all run: {len(post_errors)} failed posts (posted again with the same key: "
      f"{dict(collections.Counter(a['status'] for a in post_errors))}), {len(form_errors)} forms not loaded "
      f"({dict(collections.Counter(f['status'] for f in form_errors))}); given up: {len(d['gave_up'])}")
print(f"  of them in the kill window ({window[1] - window[0]:.0f}s): {sum(inwin(a['t']) for a in post_errors)} posts, "
      f"{sum(inwin(f['t']) for f in form_errors)} forms; nginx's answers then: {dict(at_client)}")
print(f"data-protection keys (one, made by migrate, shared by the instances): {sys.argv[9]}")
print(f"instance {victim}: SIGKILL {killed - d['started']:.0f}s into the run, " + (f"{killed - first:.0f}s after the first acknowledgement" if before else "before any acknowledgement") + f"; started again after {started - killed:.1f}s, healthy {up - started:.1f}s later")
print(f"requests served (nginx log): " + ", ".join(f"{p}: {served[p]} ({served_before[p]} before the kill, {served_after[p]} after the restart)" for p in ports))
print(f"requests nginx passed to the next instance: {len(tried_next)} "
      f"({dict(collections.Counter(f'{m} {u}' for _, m, u, _, _ in tried_next))}; "
      f"first answers {dict(collections.Counter(s.split(',')[0].strip() for _, _, _, s, _ in tried_next))}; "
      f"to the client {dict(collections.Counter(c for *_, c in tried_next))})")
print(f"submissions acknowledged per second, from the first to the kill: {rate(len(before), killed - first):.1f}; "
      f"from the kill to the restarted instance's health: {rate(sum(killed < a['t'] < up for a in d['acknowledged']), up - killed):.1f}/s; "
      f"from 5 s after that: {rate(sum(a['t'] > up + 5 for a in d['acknowledged']), d['ended'] - up - 5):.1f}/s")
print("RESULT: " + ("PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
