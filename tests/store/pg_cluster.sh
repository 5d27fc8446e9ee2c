#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (DESIGN §8): initdb into a new
# temporary folder, a Unix socket in that folder only (no TCP), a free port
# number, trust authentication; removed again by `stop`.
#
#   pg_cluster.sh start STATE [WATCH_PID|parent]   start one; STATE (a file) records it and line 1 is its URI
#   pg_cluster.sh stop STATE                stop it and remove its folder
#
# initdb refuses to run as root, so as root the server runs as the `postgres`
# user that Debian's package creates, and the folder is handed to it. With
# WATCH_PID, a watchdog stops the cluster when that process ends, so a test
# run killed halfway leaves no server behind.
set -euo pipefail

cmd=${1:-}
state=${2:-}
[[ -n "$cmd" && -n "$state" ]] || { echo "usage: $0 start|stop STATE [WATCH_PID]" >&2; exit 2; }
self=$(readlink -f "$0")
state=$(readlink -m "$state")

bindir=
for d in /usr/lib/postgresql/*/bin; do [[ -x "$d/initdb" ]] && bindir=$d; done
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_cluster() {
  local dir=$1
  [[ -d "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$dir"
}

case "$cmd" in
start)
  [[ -n "$bindir" ]] || { echo "$0: PostgreSQL's server is not installed (postgresql-15; .ci/setup-debian installs it)" >&2; exit 1; }
  # A cluster left by a run that was killed before its watchdog saw it.
  if [[ -f "$state" ]]; then stop_cluster "$(sed -n 2p "$state")"; rm -f "$state"; fi
  # The postgres user must reach the folder: under $TMPDIR if it can, else /tmp.
  base=${TMPDIR:-/tmp}
  if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$base"; then base=/tmp; fi
  dir=$(mktemp -d "$base/tarikh-pg.XXXXXXXX")
  trap 'stop_cluster "$dir"' ERR
  # Its own folder as the working one: the caller's may be closed to postgres.
  cd "$dir"
  mkdir -p "$dir/sock"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres:postgres "$dir"; fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; false; }
  # Durability is not what the tests check: no fsync, so they run fast.
  # TARIKH_PG_DURABLE=1 keeps PostgreSQL's defaults (for measurements).
  fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [[ "${TARIKH_PG_DURABLE:-}" == 1 ]] && fast=
  # A loaded machine (a CI runner, ctest -j beside other work) can take long to start it.
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 300 \
    -o "-k $dir/sock -p $port -c listen_addresses='' $fast -c max_connections=200 -c shared_buffers=512MB" \
    start >/dev/null || { cat "$dir/server.log" >&2; false; }
  trap - ERR
  printf 'postgresql:///postgres?host=%s&port=%s&user=postgres\n%s\n' "$dir/sock" "$port" "$dir" >"$state"
  if [[ -n "${3:-}" ]]; then
    watched=$3
    [[ "$watched" == parent ]] && watched=$PPID
    setsid bash -c 'while kill -0 '"$watched"' 2>/dev/null && [[ -d "'"$dir"'" ]]; do sleep 2; done; "'"$self"'" stop "'"$state"'"' \
      </dev/null >/dev/null 2>&1 &
  fi
  head -1 "$state"
  ;;
stop)
  [[ -f "$state" ]] || exit 0
  stop_cluster "$(sed -n 2p "$state")"
  rm -f "$state"
  ;;
*)
  echo "usage: $0 start|stop STATE [WATCH_PID]" >&2
  exit 2
  ;;
esac
