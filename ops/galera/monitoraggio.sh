#!/usr/bin/env bash
# Galera's own health for Prometheus: one Debian prometheus-mysqld-exporter (0.14) per node of the
# cluster of ops/galera/cluster.sh, on loopback, reading the node as a monitoring user that can do
# nothing else.
#
#   bash ops/galera/monitoraggio.sh start     install the exporter where missing, create the user, start
#                                             one exporter per node, wait for its first good scrape,
#                                             print the file_sd target list (targets/galera.yml's shape)
#   bash ops/galera/monitoraggio.sh targets   print the file_sd target list again
#   bash ops/galera/monitoraggio.sh status    per exporter: pid, address, mysql_up, the wsrep figures
#   bash ops/galera/monitoraggio.sh stop      stop the exporters this script started (by pid file)
#
# Exporter of node i (1..3): 127.0.0.1:$GALERA_BASE_PORT+40+i (default 23341..23343); the nodes'
# addresses come from `cluster.sh url`. Files (credentials, pid files, logs) live under
# $GALERA_DIR-monitoraggio (default target/galera-monitoraggio), outside the cluster's folder, so
# that `cluster.sh destroy` cannot lose the pid of a running exporter. In production one exporter
# runs beside each node as Debian's service (ops/README.md, "Galera").
#
# The monitoring user gets PROCESS only: the collectors left on (global_status, global_variables,
# info_schema.innodb_cmp, info_schema.innodb_cmpmem, info_schema.query_response_time) need no more.
# REPLICATION CLIENT and SELECT on performance_schema, which the exporter's README also lists, serve
# collectors that stay off here; slave_status is switched off, since no node replicates
# asynchronously and on MariaDB 10.5+ it would need SLAVE MONITOR besides.
set -euo pipefail
QUI="$(cd "$(dirname "$0")" && pwd)"
RADICE="$(cd "$QUI/../.." && pwd)"
DIR="${GALERA_DIR:-$RADICE/target/galera}"
MON="${GALERA_MONITORAGGIO_DIR:-$DIR-monitoraggio}"
BASE="${GALERA_BASE_PORT:-23300}"
UTENTE="${GALERA_MONITORAGGIO_UTENTE:-monitoraggio}"
PASSWORD="${GALERA_MONITORAGGIO_PASSWORD:-monitoraggio}"
cluster() { bash "$QUI/cluster.sh" "$@"; }

# "127.0.0.1:23301 127.0.0.1:23302 ...": the nodes, in order, as cluster.sh gives them to the application
nodi() { cluster url | sed -E 's|^[^/]*//([^/]*)/.*$|\1|' | tr ',' ' '; }
porta_exporter() { echo $((BASE + 40 + $1)); }
pid_exporter() { cat "$MON/nodo$1.pid" 2>/dev/null || true; }
vivo() { local p; p="$(pid_exporter "$1")"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }
metriche() { curl -fsS --max-time 5 "http://127.0.0.1:$(porta_exporter "$1")/metrics"; }
installa() {
  if ! command -v prometheus-mysqld-exporter >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    echo "installing Debian's prometheus-mysqld-exporter, curl" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus-mysqld-exporter curl >/dev/null
  fi
}

crea_utente() {
  # DDL replicates to every node (total order isolation): creating the user on node 1 is enough
  cluster sql 1 "CREATE USER IF NOT EXISTS '$UTENTE'@'127.0.0.1' IDENTIFIED BY '$PASSWORD' WITH MAX_USER_CONNECTIONS 3;
    ALTER USER '$UTENTE'@'127.0.0.1' IDENTIFIED BY '$PASSWORD' WITH MAX_USER_CONNECTIONS 3;
    REVOKE ALL PRIVILEGES, GRANT OPTION FROM '$UTENTE'@'127.0.0.1';
    GRANT PROCESS ON *.* TO '$UTENTE'@'127.0.0.1';" >/dev/null
}

avvia_exporter() {
  local i="$1" indirizzo="$2" cnf="$MON/nodo$1.cnf"
  vivo "$i" && return 0
  # credentials in a my.cnf readable by the exporter's user only, never on the command line
  ( umask 077; printf '[client]\nuser=%s\npassword=%s\nhost=%s\nport=%s\n' \
      "$UTENTE" "$PASSWORD" "${indirizzo%:*}" "${indirizzo##*:}" >"$cnf" )
  local comando=(prometheus-mysqld-exporter --config.my-cnf="$cnf"
    --web.listen-address="127.0.0.1:$(porta_exporter "$i")" --no-collect.slave_status)
  # as Debian's prometheus user when started by root, as its service runs; setpriv execs, so $! is
  # the exporter itself
  if [[ "$(id -u)" == 0 ]] && getent passwd prometheus >/dev/null; then
    chown prometheus "$cnf"
    comando=(setpriv --reuid=prometheus --regid=prometheus --init-groups "${comando[@]}")
  fi
  "${comando[@]}" >>"$MON/nodo$i.log" 2>&1 </dev/null &
  echo $! >"$MON/nodo$i.pid"
}

# a scrape that reached the node and ran every collector without error
attendi_scrape() {
  local i="$1" fine=$((SECONDS + 30)) m
  while (( SECONDS < fine )); do
    vivo "$i" || { echo "exporter nodo$i stopped; $MON/nodo$i.log:" >&2; tail -5 "$MON/nodo$i.log" >&2; return 1; }
    m="$(metriche "$i" 2>/dev/null || true)"
    if grep -qx 'mysql_up 1' <<<"$m" && grep -qx 'mysql_exporter_last_scrape_error 0' <<<"$m"; then return 0; fi
    sleep 1
  done
  echo "exporter nodo$i: no error-free scrape within 30 s; last lines of $MON/nodo$i.log:" >&2
  tail -5 "$MON/nodo$i.log" >&2
  return 1
}

targets() {
  local i=0 indirizzo
  echo "# file_sd targets of job galera: one mysqld exporter per node (ops/galera/monitoraggio.sh)"
  for indirizzo in $(nodi); do
    i=$((i + 1))
    printf -- '- targets: ["127.0.0.1:%s"]\n  labels:\n    nodo: nodo%s\n    nodo_indirizzo: "%s"\n' \
      "$(porta_exporter "$i")" "$i" "$indirizzo"
  done
}

avvia() {
  installa
  mkdir -p "$MON"
  crea_utente
  local i=0 indirizzo
  for indirizzo in $(nodi); do
    i=$((i + 1))
    avvia_exporter "$i" "$indirizzo"
  done
  for ((n = 1; n <= i; n++)); do attendi_scrape "$n"; done
  targets
}

stato() {
  local i=0 indirizzo
  for indirizzo in $(nodi); do
    i=$((i + 1))
    if vivo "$i"; then
      printf 'exporter nodo%s pid %s 127.0.0.1:%s -> %s: ' "$i" "$(pid_exporter "$i")" "$(porta_exporter "$i")" "$indirizzo"
      metriche "$i" 2>/dev/null | grep -E '^mysql_up |^mysql_global_status_wsrep_(cluster_size|cluster_status|local_state|ready|flow_control_paused_ns) ' \
        | sed 's/^mysql_global_status_//' | tr '\n' ' ' || printf 'not answering'
      echo
    else
      echo "exporter nodo$i down"
    fi
  done
}

ferma() {
  local f p
  for f in "$MON"/nodo*.pid; do
    [[ -e "$f" ]] || continue
    p="$(cat "$f")"
    if kill -0 "$p" 2>/dev/null; then
      kill -TERM "$p" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
      kill -KILL "$p" 2>/dev/null || true
    fi
    rm -f "$f"
  done
}

case "${1:-status}" in
  start) avvia ;;
  targets) targets ;;
  status) stato ;;
  stop) ferma ;;
  *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
