#!/usr/bin/env bash
# Membership import benchmark: generates a member file (default 10,00,000 rows over the booths of the state, with
# about 1 % bad rows), and in the same run on the same database, each into a new drive of that state:
#   - the application's import path (`import members FILE --drive ID`: the code the background worker runs, a new
#     process each time, summary counts included);
#   - the plain-SQL path a DBA would write for the same work (the performance issue's reference): `\copy` into a
#     staging table, then one `INSERT … SELECT` that normalises the mobile number, joins the booth by assembly
#     constituency and part number and skips duplicates with `ON CONFLICT DO NOTHING` (no summaries, no error report);
#   - `psql \copy` into a bare table (no keys, no indexes), the floor of reading the file at all.
# Prints seconds, rows per second, the app's ratio to the SQL path and the peak resident memory, for docs/performance.md.
#
#   scripts/bench-member-import.sh [ROWS] [RUNS]
#
# Uses its own database on the embedded cluster (ORGTRACKER_BENCH_DB, default orgtracker_bench), seeded once with
# ORGTRACKER_BENCH_PROFILE (default mp-full, 20,00,000 members; up-full for Uttar Pradesh, 50,00,000) for the state
# ORGTRACKER_BENCH_STATE (default MP).
# ORGTRACKER_IMPORT_LANES sets the number of parallel staging/merge connections (default: one per core).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
RUNS="${2:-3}"
BENCH_DB="${ORGTRACKER_BENCH_DB:-orgtracker_bench}"
PROFILE="${ORGTRACKER_BENCH_PROFILE:-mp-full}"
STATE="${ORGTRACKER_BENCH_STATE:-MP}"
source scripts/db.sh
source scripts/app.sh
ensure_cluster
ensure_database "$BENCH_DB"
export ORGTRACKER_DB="$ORGTRACKER_DB_BASE;Database=$BENCH_DB"
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U orgtracker -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q -At)
# The import as ./run.sh runs it: workstation GC for the command (run.sh exports it for `import` only).
IMPORT=(env DOTNET_gcServer=0 "${APP[@]}" import members)
TIME=()
if [ -x /usr/bin/time ]; then TIME=(/usr/bin/time -f "%M"); fi

echo "==> building (Release)"
build_app
"${APP[@]}" migrate >/dev/null

members="$("${PSQL[@]}" -c "SELECT count(*) FROM members m JOIN territories s ON s.id = m.state_id WHERE s.code = '$STATE'" 2>/dev/null || echo 0)"
if [ "$members" -eq 0 ]; then
  echo "==> seeding $PROFILE into $BENCH_DB (once)"
  "${APP[@]}" seed --profile "$PROFILE" | tail -3
  "${PSQL[@]}" -c "VACUUM (ANALYZE)"   # as bench-pages.sh: a fresh bulk load is slow to read until vacuumed
fi

mkdir -p .data/bench
FILE=".data/bench/members-$STATE-$ROWS.csv"
if [ ! -s "$FILE" ]; then
  echo "==> generating $FILE"
  "${PSQL[@]}" -v rows="$ROWS" -v state="$STATE" -v out="$FILE" -f scripts/member-csv.sql
fi
SIZE_MB=$(( $(stat -c %s "$FILE") / 1048576 ))
echo "==> $FILE: $ROWS rows, $SIZE_MB MB; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
# CPU seconds used by the PostgreSQL cluster so far: the postmaster, its reaped children and its live children.
PGPID="$(head -1 "$PG_DIR/postmaster.pid")"
TICK="$(getconf CLK_TCK)"
pg_cpu() {
  local pid t ticks=0
  for pid in "$PGPID" $(ps -o pid= --ppid "$PGPID"); do
    # A backend may exit between the listing and the read: it is then counted in the postmaster's reaped children.
    t=$(awk -v pm="$PGPID" -v p="$pid" '{ s = $14 + $15; if (p == pm) s += $16 + $17; print s }' "/proc/$pid/stat" 2>/dev/null) || continue
    [ -n "$t" ] && ticks=$(( ticks + t ))
  done
  echo "$ticks"
}
cpu_since() { awk -v a="$1" -v b="$(pg_cpu)" -v t="$TICK" 'BEGIN { printf "%.1f", (b - a) / t }'; }
rate() { awk -v r="$ROWS" -v s="$1" 'BEGIN { printf "%d", r / s }'; }
new_drive() {
  "${PSQL[@]}" -c "INSERT INTO membership_drives (state_id, name_en, name_hi, start_date, end_date, status, created_utc)
                   SELECT id, 'Benchmark', 'बेंचमार्क', '2026-10-01', '2027-03-31', 2, now() FROM territories WHERE code = '$STATE' AND level = 1 RETURNING id"
}

"${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw (name text, mobile text, ac_number int, part_number int, gender text,
                 birth_year int, channel text, enrolled_on date, enrolled_by text)"

raw_copy() {
  "${PSQL[@]}" -c "TRUNCATE bench_raw; CHECKPOINT"
  local s e rss c
  c=$(pg_cpu)
  s=$(now)
  rss=$( { "${TIME[@]}" "${PSQL[@]}" -c "\\copy bench_raw FROM '$FILE' WITH (FORMAT csv, HEADER)" >/dev/null; } 2>&1 | tail -1)
  e=$(now)
  echo "$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.2f", b - a }') ${rss:-?} $(cpu_since "$c")"
}

# The DBA's plain-SQL path: the file into a staging table, then one set-based insert that does the import's work
# (mobile normalised to +91 and ten digits starting 6-9, booth by constituency and part number in the state, a name
# and a booth required, one row of a repeated number kept, numbers already in the drive skipped).
sql_path() { # DRIVE
  "${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_stage; CREATE UNLOGGED TABLE bench_stage (LIKE bench_raw); CHECKPOINT"
  local s e c rows
  c=$(pg_cpu)
  s=$(now)
  rows=$("${PSQL[@]}" <<SQL | tail -1
\\copy bench_stage FROM '$FILE' WITH (FORMAT csv, HEADER)
SET work_mem = '256MB';
WITH ins AS (
  INSERT INTO members (drive_id, mobile, name, booth_id, block_id, state_id, division_id, district_id, gender, birth_year,
                       channel, enrolled_on, enrolled_by, created_utc, verification)
  SELECT DISTINCT ON (x.mobile) $1, x.mobile, x.name, b.id, b.block_id, b.state_id, b.division_id, b.district_id,
         CASE upper(s.gender) WHEN 'M' THEN 1 WHEN 'F' THEN 2 WHEN 'O' THEN 3 END, s.birth_year,
         CASE s.channel WHEN 'online' THEN 2 WHEN 'missed_call' THEN 3 ELSE 1 END, coalesce(s.enrolled_on, current_date), s.enrolled_by, now(), 0
  FROM bench_stage s
  CROSS JOIN LATERAL (SELECT right(regexp_replace(s.mobile, '[^0-9]', '', 'g'), 10) AS digits, btrim(s.name) AS name) d
  CROSS JOIN LATERAL (SELECT ('91' || d.digits)::bigint AS mobile, d.name) x
  JOIN assembly_constituencies a ON a.number = s.ac_number AND a.state_id = (SELECT id FROM territories WHERE code = '$STATE' AND level = 1)
  JOIN territories b ON b.assembly_constituency_id = a.id AND b.part_number = s.part_number AND b.level = 6
  WHERE d.digits ~ '^[6-9][0-9]{9}$' AND x.name <> ''
  ORDER BY x.mobile
  ON CONFLICT (drive_id, mobile, state_id) DO NOTHING
  RETURNING 1)
SELECT count(*) FROM ins;
SQL
)
  e=$(now)
  echo "$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.2f", b - a }') $(cpu_since "$c") $rows"
  "${PSQL[@]}" -c "DROP TABLE bench_stage"
}

app_import() { # DRIVE [FILE]
  "${PSQL[@]}" -c "CHECKPOINT"
  local out s e c
  c=$(pg_cpu)
  s=$(now)
  out=$("${IMPORT[@]}" "${2:-$FILE}" --drive "$1" 2>&1 | grep -E "^  ")
  e=$(now)
  local secs rss added present bad appcpu pgcpu
  pgcpu=$(cpu_since "$c")
  secs=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.2f", b - a }')
  appcpu=$(echo "$out" | sed -n 's/.*process CPU seconds \([0-9.]*\).*/\1/p')
  rss=$(echo "$out" | sed -n 's/.*peak RSS MB \([0-9]*\).*/\1/p')
  added=$(echo "$out" | sed -n 's/.*added \([0-9]*\),.*/\1/p')
  present=$(echo "$out" | sed -n 's/.*already present \([0-9]*\),.*/\1/p')
  bad=$(echo "$out" | sed -n 's/.*bad rows \([0-9]*\).*/\1/p')
  echo "$secs $rss $added $present $bad $appcpu $pgcpu"
}

echo
echo "| run | what | seconds | rows/s | CPU s: client + PostgreSQL | peak RSS (MB) | added / already present / bad rows |"
echo "|---|---|---|---|---|---|---|"
raws=(); apps=(); sqls=(); rsss=()
# The memory floor: the same command on the file's first 20 rows (host, EF Core model, the state's booths).
SMALL=".data/bench/members-$STATE-20.csv"
head -21 "$FILE" > "$SMALL"
read -r secs rss20 added present bad appcpu pgcpu < <(app_import "$(new_drive)" "$SMALL")
echo "| – | app import of a 20-row file (its first rows) | $secs | | $appcpu + $pgcpu | $rss20 | $added / $present / $bad |"
for i in $(seq 1 "$RUNS"); do
  read -r secs rss pgcpu < <(raw_copy)
  raws+=("$secs")
  echo "| $i | psql \\copy into a bare table | $secs | $(rate "$secs") | – + $pgcpu | $([ "$rss" = "?" ] && echo "–" || echo $((rss / 1024))) (psql) | |"
  sqldrive=$(new_drive)
  read -r secs pgcpu added < <(sql_path "$sqldrive")
  sqls+=("$secs")
  echo "| $i | plain-SQL path (\\copy, one INSERT … SELECT … ON CONFLICT DO NOTHING), new drive $sqldrive | $secs | $(rate "$secs") | – + $pgcpu | | $added / – / – |"
  drive=$(new_drive)
  read -r secs rss added present bad appcpu pgcpu < <(app_import "$drive")
  apps+=("$secs"); rsss+=("$rss")
  echo "| $i | app import, new drive $drive | $secs | $(rate "$secs") | $appcpu + $pgcpu | $rss | $added / $present / $bad |"
done
read -r secs rss added present bad appcpu pgcpu < <(app_import "$drive")
echo "| – | app import of the same file again (drive $drive) | $secs | $(rate "$secs") | $appcpu + $pgcpu | $rss | $added / $present / $bad |"
seeded=$("${PSQL[@]}" -c "SELECT d.id FROM membership_drives d JOIN territories s ON s.id = d.state_id WHERE s.code = '$STATE' ORDER BY d.id LIMIT 1")
members=$("${PSQL[@]}" -c "SELECT count(*) FROM members WHERE drive_id = $seeded")
read -r secs rss added present bad appcpu pgcpu < <(app_import "$seeded")
echo "| – | app import into the seeded drive $seeded ($members members before) | $secs | $(rate "$secs") | $appcpu + $pgcpu | $rss | $added / $present / $bad |"
# Put the seeded drive back as it was (members and their summaries).
"${PSQL[@]}" -c "DELETE FROM members WHERE drive_id = $seeded AND import_job_id IS NOT NULL;
  DELETE FROM member_booth_counts WHERE drive_id = $seeded; DELETE FROM member_daily_counts WHERE drive_id = $seeded;
  DELETE FROM member_month_counts WHERE drive_id = $seeded; DELETE FROM member_seat_counts WHERE drive_id = $seeded;
  INSERT INTO member_booth_counts (drive_id, booth_id, block_id, state_id, division_id, district_id, enrolled, verified, rejected)
  SELECT drive_id, booth_id, min(block_id), min(state_id), min(division_id), min(district_id), count(*),
         count(*) FILTER (WHERE verification = 1), count(*) FILTER (WHERE verification = 2) FROM members WHERE drive_id = $seeded GROUP BY 1, 2;
  INSERT INTO member_daily_counts (drive_id, block_id, day, state_id, division_id, district_id, enrolled)
  SELECT drive_id, block_id, enrolled_on, min(state_id), min(division_id), min(district_id), count(*) FROM members WHERE drive_id = $seeded GROUP BY 1, 2, 3;
  INSERT INTO member_month_counts (drive_id, block_id, month, state_id, division_id, district_id, enrolled)
  SELECT drive_id, block_id, date_trunc('month', day)::date, min(state_id), min(division_id), min(district_id), sum(enrolled)
  FROM member_daily_counts WHERE drive_id = $seeded GROUP BY 1, 2, 3;
  INSERT INTO member_seat_counts (drive_id, assembly_constituency_id, state_id, enrolled)
  SELECT c.drive_id, b.assembly_constituency_id, min(c.state_id), sum(c.enrolled) FROM member_booth_counts c
  JOIN territories b ON b.id = c.booth_id WHERE c.drive_id = $seeded AND b.assembly_constituency_id IS NOT NULL GROUP BY 1, 2" >/dev/null
# And remove the drives this run made (each holds a million members: left behind, they grow the key index and slow
# every later run down).
"${PSQL[@]}" >/dev/null <<'SQL'
CREATE TEMP TABLE gone AS SELECT id FROM membership_drives WHERE name_en = 'Benchmark';
DELETE FROM members WHERE drive_id IN (SELECT id FROM gone);
DELETE FROM member_booth_counts WHERE drive_id IN (SELECT id FROM gone);
DELETE FROM member_daily_counts WHERE drive_id IN (SELECT id FROM gone);
DELETE FROM member_month_counts WHERE drive_id IN (SELECT id FROM gone);
DELETE FROM member_seat_counts WHERE drive_id IN (SELECT id FROM gone);
DELETE FROM member_import_errors WHERE job_id IN (SELECT id FROM member_import_jobs WHERE drive_id IN (SELECT id FROM gone));
DELETE FROM member_import_chunks WHERE job_id IN (SELECT id FROM member_import_jobs WHERE drive_id IN (SELECT id FROM gone));
DELETE FROM member_import_jobs WHERE drive_id IN (SELECT id FROM gone);
DELETE FROM drive_targets WHERE drive_id IN (SELECT id FROM gone);
DELETE FROM membership_drives WHERE id IN (SELECT id FROM gone);
SQL
"${PSQL[@]}" -c "VACUUM ANALYZE members" >/dev/null

# For reference: the same raw COPY when the table has to keep an index on the mobile number (as members must).
"${PSQL[@]}" -c "DROP TABLE IF EXISTS bench_raw_indexed; CREATE TABLE bench_raw_indexed (LIKE bench_raw); CREATE INDEX ON bench_raw_indexed (mobile); CHECKPOINT"
c=$(pg_cpu); s=$(now)
"${PSQL[@]}" -c "\\copy bench_raw_indexed FROM '$FILE' WITH (FORMAT csv, HEADER)" >/dev/null
e=$(now); secs=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.2f", b - a }')
echo "| – | psql \\copy into a bare table with an index on mobile (reference) | $secs | $(rate "$secs") | – + $(cpu_since "$c") | | |"
"${PSQL[@]}" -c "DROP TABLE bench_raw_indexed" >/dev/null

median() { printf "%s\n" "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
mr=$(median "${raws[@]}"); ma=$(median "${apps[@]}"); ms=$(median "${sqls[@]}")
echo
echo "Median of $RUNS: psql \\copy $(rate "$mr") rows/s, plain-SQL path $(rate "$ms") rows/s ($ms s), app import $(rate "$ma") rows/s ($ma s)"
echo "App import against the plain-SQL path: $(awk -v s="$ms" -v a="$ma" 'BEGIN { printf "%.2f", s / a }')× (≥ 1.0 is the bar); against the bare copy: $(awk -v r="$mr" -v a="$ma" 'BEGIN { printf "%.2f", r / a }')×"
peak=$(printf "%s\n" "${rsss[@]}" | sort -n | tail -1)
echo "Peak RSS of the app import: $peak MB, $(awk -v p="$peak" -v f="$rss20" 'BEGIN { printf "%.2f", p / f }')× the 20-row import's $rss20 MB (≤ 1.20 is the bar)"
"${PSQL[@]}" -c "DROP TABLE bench_raw"
