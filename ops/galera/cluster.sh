#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on one machine, from Debian's packages (mariadb-server 10.11,
# galera-4 26.4, rsync for state transfers), installed where missing.
#
#   bash ops/galera/cluster.sh start            install if needed, bootstrap node 1, join nodes 2 and 3
#   bash ops/galera/cluster.sh stop             stop every node cleanly (the last one stops with safe_to_bootstrap=1)
#   bash ops/galera/cluster.sh status           per node: pid, wsrep_local_state_comment, cluster size, ready
#   bash ops/galera/cluster.sh url              the JDBC URL that points the application at all three nodes
#   bash ops/galera/cluster.sh kill N           SIGKILL node N (a crash)
#   bash ops/galera/cluster.sh pause N|resume N SIGSTOP / SIGCONT node N (a hang)
#   bash ops/galera/cluster.sh restart N        start node N again (after a crash, from the position InnoDB recovered);
#                                               it rejoins through IST (or SST if the gcache lost it)
#   bash ops/galera/cluster.sh sql N "SQL"      run SQL on node N as the administrator
#   bash ops/galera/cluster.sh righe N "SQL"    the same in database peg: rows only, tab-separated, for scripts
#   bash ops/galera/cluster.sh destroy          stop and delete the data directories
#
# Everything lives under $GALERA_DIR (default target/galera in the project). Node i (1..3) listens on
# loopback: clients $GALERA_BASE_PORT+i (default 23301..23303), group communication +10+i, IST
# +20+i, SST +30+i. On one machine per node in production, every node uses the standard ports
# (3306, 4567, 4568, 4444) and its own address; see ops/README.md, "Galera".
set -euo pipefail
RADICE="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="${GALERA_DIR:-$RADICE/target/galera}"
BASE="${GALERA_BASE_PORT:-23300}"
NODI=(1 2 3)

porta_client() { echo $((BASE + $1)); }
porta_gruppo() { echo $((BASE + 10 + $1)); }
porta_ist() { echo $((BASE + 20 + $1)); }
porta_sst() { echo $((BASE + 30 + $1)); }
cartella() { echo "$DIR/nodo$1"; }
# mariadbd runs as Debian's mysql user when started by root: rsync's SST daemon, started by root,
# would otherwise drop to nobody and fail to write the joiner's data directory
utente() { if [[ "$(id -u)" == 0 ]]; then echo mysql; else id -un; fi; }
pid_di() { cat "$(cartella "$1")/mariadbd.pid" 2>/dev/null || true; }
vivo() { local p; p="$(pid_di "$1")"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

installa() {
  if ! command -v mariadbd >/dev/null 2>&1 || [[ ! -e /usr/lib/galera/libgalera_smm.so ]] || ! command -v rsync >/dev/null 2>&1; then
    echo "installing Debian's mariadb-server, galera-4, rsync, mariadb-backup" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends mariadb-server galera-4 rsync mariadb-backup >/dev/null
  fi
}

indirizzo_gruppo() {
  local elenco="" i
  for i in "${NODI[@]}"; do elenco+="${elenco:+,}127.0.0.1:$(porta_gruppo "$i")"; done
  echo "gcomm://$elenco"
}

configura() {
  local i="$1" c; c="$(cartella "$i")"
  mkdir -p "$c/data" "$c/tmp"
  [[ "$(id -u)" == 0 ]] && chown -R mysql:mysql "$c"
  cat > "$c/my.cnf" <<CNF
[mysqld]
user=$(utente)
datadir=$c/data
tmpdir=$c/tmp
socket=$c/mariadbd.sock
pid-file=$c/mariadbd.pid
log-error=$c/error.log
port=$(porta_client "$i")
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
# Galera's requirements: row-based write sets, InnoDB, interleaved auto-increment locks
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=128M
max_connections=300
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=peg
wsrep_cluster_address=$(indirizzo_gruppo)
wsrep_node_name=nodo$i
wsrep_node_address=127.0.0.1:$(porta_gruppo "$i")
wsrep_node_incoming_address=127.0.0.1:$(porta_client "$i")
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(porta_sst "$i")
# gcache large enough that a node down for minutes under load rejoins by IST, not a full SST;
# a node silent for 5 s is suspected and after 15 s evicted (Galera's defaults, written out)
wsrep_provider_options="base_host=127.0.0.1;base_port=$(porta_gruppo "$i");gmcast.listen_addr=tcp://127.0.0.1:$(porta_gruppo "$i");ist.recv_addr=127.0.0.1:$(porta_ist "$i");gcache.size=256M;evs.suspect_timeout=PT5S;evs.inactive_timeout=PT15S;pc.recovery=TRUE"
# every read waits until this node has applied what the cluster acknowledged before it (READ bit):
# after a failover the new writer may still be applying the old writer's last write sets; the
# application refuses to start on a node without it (LettureCausali)
wsrep_sync_wait=1
wsrep_slave_threads=2
CNF
}

inizializza() {
  local i="$1" c; c="$(cartella "$i")"
  if [[ ! -d "$c/data/mysql" ]]; then
    mariadb-install-db --defaults-file="$c/my.cnf" --auth-root-authentication-method=normal \
      --skip-test-db >"$c/install.log" 2>&1
  fi
}

# After a crash (kill -9) grastate.dat says seqno -1: started like that, the node does not know how far
# it got and asks for a full SST. Debian's galera_recovery reads the position InnoDB recovered
# (mariadbd --wsrep-recover) and answers --wsrep_start_position=uuid:seqno: the node then asks the
# others for the missing write sets only (IST, from a donor's gcache).
posizione_recuperata() {
  local c; c="$(cartella "$1")"
  if [[ -d "$c/data/mysql" ]] && grep -q '^seqno: *-1' "$c/data/grastate.dat" 2>/dev/null; then
    galera_recovery --defaults-file="$c/my.cnf"
  fi
}

avvia_nodo() {
  local i="$1" extra="${2:-}" c; c="$(cartella "$i")"
  vivo "$i" && return 0
  configura "$i"
  inizializza "$i"
  extra+=" $(posizione_recuperata "$i")"
  # shellcheck disable=SC2086
  nohup mariadbd --defaults-file="$c/my.cnf" $extra >>"$c/mariadbd.out" 2>&1 &
  attendi_sincronizzato "$i" 300 $!
}

# the client as the administrator on node $1, with the client's further options
client() {
  local i="$1"; shift
  mariadb --defaults-file=/dev/null -h127.0.0.1 -P"$(porta_client "$i")" -uroot "$@"
}

stato_locale() {
  client "$1" --connect-timeout=2 -N -B -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}'
}

attendi_sincronizzato() {
  local i="$1" secondi="$2" processo="${3:-}" fine=$((SECONDS + $2)) inizio=$SECONDS
  while (( SECONDS < fine )); do
    if [[ "$(stato_locale "$i")" == "Synced" ]]; then echo "nodo$i Synced in $((SECONDS - inizio)) s"; return 0; fi
    if [[ -n "$processo" ]] && ! kill -0 "$processo" 2>/dev/null; then
      echo "nodo$i stopped while starting; last lines of $(cartella "$i")/error.log:" >&2
      tail -20 "$(cartella "$i")/error.log" >&2 || true
      return 1
    fi
    sleep 1
  done
  echo "nodo$i not Synced after ${secondi} s; last lines of $(cartella "$i")/error.log:" >&2
  tail -20 "$(cartella "$i")/error.log" >&2 || true
  return 1
}

sql() { client "$1" --connect-timeout=5 -e "$2"; }

avvia() {
  installa
  mkdir -p "$DIR"
  local avviati=0 i
  for i in "${NODI[@]}"; do vivo "$i" && avviati=$((avviati + 1)); done
  if (( avviati == 0 )); then
    # the first node founds the cluster; after a full stop, the one whose grastate.dat says
    # safe_to_bootstrap: 1 must be the one (ops/README.md, "Galera": recovery after all nodes stopped)
    local primo=1
    for i in "${NODI[@]}"; do
      if grep -q "safe_to_bootstrap: 1" "$(cartella "$i")/data/grastate.dat" 2>/dev/null; then primo=$i; break; fi
    done
    avvia_nodo "$primo" --wsrep-new-cluster
    sql "$primo" "CREATE DATABASE IF NOT EXISTS peg CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
      CREATE USER IF NOT EXISTS 'peg'@'127.0.0.1' IDENTIFIED BY 'peg';
      GRANT ALL PRIVILEGES ON *.* TO 'peg'@'127.0.0.1' WITH GRANT OPTION;"
  fi
  for i in "${NODI[@]}"; do avvia_nodo "$i"; done
  stato
}

ferma_nodo() {
  local i="$1" p; p="$(pid_di "$i")"
  [[ -z "$p" ]] && return 0
  kill -CONT "$p" 2>/dev/null || true
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$p" 2>/dev/null || true
}

ferma() { local i; for i in 3 2 1; do ferma_nodo "$i"; done; }

stato() {
  local i
  for i in "${NODI[@]}"; do
    if vivo "$i"; then
      printf 'nodo%s pid %s port %s: ' "$i" "$(pid_di "$i")" "$(porta_client "$i")"
      client "$i" --connect-timeout=2 -N -B -e \
        "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_cluster_size','wsrep_ready','wsrep_cluster_status','wsrep_last_committed')" \
        2>/dev/null | tr '\t\n' '= ' || printf 'not answering'
      echo
    else
      echo "nodo$i down"
    fi
  done
}

url() {
  local elenco="" i
  for i in "${NODI[@]}"; do elenco+="${elenco:+,}127.0.0.1:$(porta_client "$i")"; done
  echo "jdbc:mariadb:sequential://$elenco/peg"
}

comando="${1:-status}"
case "$comando" in
  start) avvia ;;
  stop) ferma ;;
  status) stato ;;
  url) url ;;
  kill) kill -KILL "$(pid_di "$2")" ;;
  pause) kill -STOP "$(pid_di "$2")" ;;
  resume) kill -CONT "$(pid_di "$2")" ;;
  restart) installa; avvia_nodo "$2" ;;
  sql) sql "$2" "$3" ;;
  righe) client "$2" --connect-timeout=3 -N -B peg -e "$3" ;;
  destroy) ferma; rm -rf "$DIR" ;;
  *) sed -n '2,18p' "$0" >&2; exit 2 ;;
esac
