#!/usr/bin/env bash
# Shared bootstrap of the embedded PostgreSQL used by run.sh and test.sh.
# Sourced, not executed. Sets ORGTRACKER_DB_BASE (a connection string without a database).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="$ROOT/.data"
# The cluster directory; chosen by ensure_cluster (cluster_dir) unless the caller sets it.
PG_DIR="${PG_DIR:-}"
PG_PORT="${ORGTRACKER_PG_PORT:-55432}"
PG_USER=orgtracker
PW_FILE="$DATA_DIR/db-password"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

find_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

ensure_postgres_installed() {
  if ! PG_BIN="$(find_pg_bin)"; then
    echo "==> installing PostgreSQL (Debian package postgresql)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(find_pg_bin)"
  fi
  # Debian ships pg_ctl only under /usr/lib/postgresql/<v>/bin
  [ -x "$PG_BIN/pg_ctl" ] || PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | tail -1)"
  export PG_BIN
}

# Run a PostgreSQL server binary as the cluster owner (PostgreSQL refuses to run as root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # from /, which the postgres user can always enter (the checkout may be under a home it cannot)
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# cluster_dir NAME: where a cluster of this checkout lives: .data/NAME, unless the checkout is somewhere the postgres
# user cannot reach (a clone under root's 0700 home), in which case under /var/lib/postgresql, named after the checkout.
cluster_dir() {
  local name="$1"
  mkdir -p "$DATA_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    # the postgres user needs to reach the cluster directory
    chmod 711 "$DATA_DIR"
    if ! runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null; then
      local home; home="/var/lib/postgresql/orgtracker-$(printf %s "$ROOT" | sha1sum | cut -c1-12)"
      mkdir -p "$home"; chown postgres "$home"; chmod 700 "$home"
      echo "$home/$name"; return
    fi
  fi
  echo "$DATA_DIR/$name"
}

ensure_cluster() {
  ensure_postgres_installed
  mkdir -p "$DATA_DIR"
  chmod 700 "$DATA_DIR"
  if [ ! -s "$PW_FILE" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$PW_FILE")
  fi
  [ -n "$PG_DIR" ] || PG_DIR="$(cluster_dir postgres)"
  # as root, the postgres user must be able to pass through .data to a cluster kept there
  if [ "$(id -u)" -eq 0 ]; then chmod 711 "$DATA_DIR"; fi
  export PG_DIR
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    echo "==> creating PostgreSQL cluster in $PG_DIR"
    mkdir -p "$PG_DIR"
    local pwtmp; pwtmp="$(mktemp)"; cp "$PW_FILE" "$pwtmp"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR" "$pwtmp"; fi
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR" -U "$PG_USER" --pwfile="$pwtmp" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwtmp"
    cat >> "$PG_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
max_connections = 200
CONF
  fi
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    echo "==> starting PostgreSQL on 127.0.0.1:$PG_PORT"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null
  fi
  export PGPASSWORD; PGPASSWORD="$(cat "$PW_FILE")"
  # Acknowledged means durable: clusters made before this ran with synchronous_commit = off.
  if [ "$(psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc 'show synchronous_commit' 2>/dev/null)" = "off" ]; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "alter system set synchronous_commit = on" -c "select pg_reload_conf()" >/dev/null
  fi
  export ORGTRACKER_DB_BASE="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PGPASSWORD"
}

# ensure_database NAME: creates the database when it does not exist
ensure_database() {
  local name="$1"
  if ! psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc "select 1 from pg_database where datname='$name'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "create database \"$name\"" >/dev/null
  fi
}
