#!/usr/bin/env bash
# A local streaming replica of the embedded cluster (scripts/db.sh), for ORGTRACKER_DB_READ (docs/operations.md,
# "Read replica"). Sourced or executed:
#   source scripts/replica.sh; ensure_replica     # primary started and configured, replica on PG_PORT+1 streaming
#   scripts/replica.sh [start|stop|drop|status]   # the same from a shell; drop removes the replica and its slot
# Sets ORGTRACKER_DB_READ_BASE (a connection string to the replica without a database). Idempotent: a running replica
# is reused; a replica directory that exists but is stopped is started again.
_replica_self="${BASH_SOURCE[0]}"
source "$(dirname "$_replica_self")/db.sh"

REPLICA_PORT="${ORGTRACKER_PG_REPLICA_PORT:-$((PG_PORT + 1))}"
REPLICA_DIR="${REPLICA_DIR:-}"
REPLICA_SLOT=orgtracker_replica

_primary_sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAX -c "$1"; }

# The primary accepts a streaming replica from 127.0.0.1: wal_level replica (or logical), WAL senders, a replication
# line in pg_hba.conf. initdb's defaults already do all three; this puts back whatever a changed cluster lost.
configure_primary_for_replication() {
  local restart=0 reload=0
  case "$(_primary_sql 'show wal_level')" in
    replica|logical) ;;
    *) _primary_sql "alter system set wal_level = replica" >/dev/null; restart=1 ;;
  esac
  if [ "$(_primary_sql 'show max_wal_senders')" -lt 2 ]; then
    _primary_sql "alter system set max_wal_senders = 10" >/dev/null; restart=1
  fi
  # A replica that is stopped and forgotten must not keep the primary's WAL until its disk is full (it did: 38 GB
  # behind an idle slot, and the primary stopped writing): past 4 GB the slot lets go and the replica is made again.
  if [ "$(_primary_sql 'show max_slot_wal_keep_size')" = "-1" ]; then
    _primary_sql "alter system set max_slot_wal_keep_size = '4GB'" >/dev/null; reload=1
  fi
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$PG_DIR/pg_hba.conf"; then
    echo "host    replication     all             127.0.0.1/32            scram-sha-256" >> "$PG_DIR/pg_hba.conf"
    reload=1
  fi
  if [ "$restart" -eq 1 ]; then
    echo "==> restarting PostgreSQL on 127.0.0.1:$PG_PORT for replication"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 restart >/dev/null
  elif [ "$reload" -eq 1 ]; then
    _primary_sql "select pg_reload_conf()" >/dev/null
  fi
}

# _system_id DIR: the cluster's system identifier (a replica has its primary's).
_system_id() { pg_as_owner "$PG_BIN/pg_controldata" "$1" 2>/dev/null | awk -F': *' '/^Database system identifier/ { print $2 }'; }

ensure_replica() {
  ensure_cluster
  configure_primary_for_replication
  [ -n "$REPLICA_DIR" ] || REPLICA_DIR="$(cluster_dir postgres-replica)"
  export REPLICA_DIR REPLICA_PORT
  # A replica of an earlier cluster (the primary's directory was removed and made again) can never follow this one.
  if [ -f "$REPLICA_DIR/PG_VERSION" ] && [ "$(_system_id "$PG_DIR")" != "$(_system_id "$REPLICA_DIR")" ]; then
    echo "==> the replica in $REPLICA_DIR belongs to another cluster: making it again"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -w stop -m immediate >/dev/null 2>&1
    rm -rf "$REPLICA_DIR"
  fi
  if [ -f "$REPLICA_DIR/PG_VERSION" ] && [ "$(_primary_sql "select wal_status from pg_replication_slots where slot_name = '$REPLICA_SLOT'")" = "lost" ]; then
    echo "==> the replica in $REPLICA_DIR fell more than max_slot_wal_keep_size behind: making it again"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -w stop -m immediate >/dev/null 2>&1
    rm -rf "$REPLICA_DIR"
  fi
  if [ ! -f "$REPLICA_DIR/PG_VERSION" ]; then
    echo "==> creating a streaming replica in $REPLICA_DIR"
    rm -rf "$REPLICA_DIR"
    mkdir -p "$REPLICA_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$REPLICA_DIR"; fi
    chmod 700 "$REPLICA_DIR"
    # A slot left by an earlier replica (its directory removed) would keep WAL forever: start from a new one.
    _primary_sql "select pg_drop_replication_slot('$REPLICA_SLOT') from pg_replication_slots where slot_name = '$REPLICA_SLOT' and not active" >/dev/null
    # -R writes primary_conninfo (with the password) and standby.signal; -C -S: a slot keeps the WAL the replica needs.
    pg_as_owner env PGPASSWORD="$PGPASSWORD" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" \
      -D "$REPLICA_DIR" -R -C -S "$REPLICA_SLOT" -X stream -c fast
    # The primary's settings came with the copy; the replica listens on its own port and takes less memory.
    cat >> "$REPLICA_DIR/postgresql.conf" <<CONF
# replica (scripts/replica.sh)
port = $REPLICA_PORT
hot_standby = on
hot_standby_feedback = on
shared_buffers = 128MB
CONF
    rm -f "$REPLICA_DIR/server.log" "$REPLICA_DIR/postmaster.pid"
  fi
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1; then
    echo "==> starting the replica on 127.0.0.1:$REPLICA_PORT"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/server.log" -w -t 60 start >/dev/null
  fi
  if [ "$(psql -h 127.0.0.1 -p "$REPLICA_PORT" -U "$PG_USER" -d postgres -qtAX -c 'select pg_is_in_recovery()')" != "t" ]; then
    echo "the server on 127.0.0.1:$REPLICA_PORT is not a standby; see $REPLICA_DIR/server.log" >&2
    return 1
  fi
  # Replay paused by hand (or by a test run that was killed while it had paused it) goes on.
  psql -h 127.0.0.1 -p "$REPLICA_PORT" -U "$PG_USER" -d postgres -qtAX -c 'select pg_wal_replay_resume()' >/dev/null
  export ORGTRACKER_DB_READ_BASE="Host=127.0.0.1;Port=$REPLICA_PORT;Username=$PG_USER;Password=$PGPASSWORD"
}

# wait_replica_database NAME: waits (at most 30 s) until a database made on the primary has reached the replica.
wait_replica_database() {
  local name="$1" i
  for i in $(seq 1 300); do
    if psql -h 127.0.0.1 -p "$REPLICA_PORT" -U "$PG_USER" -d postgres -qtAX \
         -c "select 1 from pg_database where datname = '$name'" 2>/dev/null | grep -q 1; then
      return 0
    fi
    sleep 0.1
  done
  echo "database $name did not reach the replica on 127.0.0.1:$REPLICA_PORT" >&2
  return 1
}

stop_replica() {
  ensure_postgres_installed
  [ -n "$REPLICA_DIR" ] || REPLICA_DIR="$(cluster_dir postgres-replica)"
  if [ -f "$REPLICA_DIR/PG_VERSION" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$REPLICA_DIR" -w stop -m fast >/dev/null
  fi
}

# drop_replica: stops the replica, removes its directory and its slot on the primary (which must be running).
drop_replica() {
  stop_replica
  rm -rf "$REPLICA_DIR"
  ensure_cluster
  _primary_sql "select pg_drop_replication_slot('$REPLICA_SLOT') from pg_replication_slots where slot_name = '$REPLICA_SLOT'" >/dev/null
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-start}" in
    start) ensure_replica; echo "replica: 127.0.0.1:$REPLICA_PORT ($REPLICA_DIR), streaming from 127.0.0.1:$PG_PORT" ;;
    stop) stop_replica ;;
    drop) drop_replica ;;
    status)
      ensure_cluster
      psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -c \
        "select application_name, state, sent_lsn, replay_lsn, pg_wal_lsn_diff(sent_lsn, replay_lsn) as lag_bytes, replay_lag from pg_stat_replication" ;;
    *) echo "usage: $0 [start|stop|drop|status]" >&2; exit 2 ;;
  esac
fi
