#!/usr/bin/env bash
# Physical backup of the Galera cluster of ops/galera/cluster.sh from one node (the donor), and its
# restore as the first node of a new cluster, with mariadb-backup (Debian's mariadb-backup package).
#
#   bash ops/galera/backup.sh backup N DEST      desync node N, mariadb-backup --backup --galera-info
#                                                into DEST (which must not exist), resync, --prepare
#   bash ops/galera/backup.sh ripristina DEST    DEST (prepared) becomes node 1 of a new cluster in
#                                                $GALERA_DIR, which must not exist yet; then
#                                                `cluster.sh start` bootstraps it and joins nodes 2
#                                                and 3 by SST
#   bash ops/galera/backup.sh conta N            every table of schema peg on node N: exact row count
#
# Run `ripristina` with another GALERA_DIR and GALERA_BASE_PORT than the cluster backed up if both
# must run side by side. The backup runs as a user with mariadb-backup's privileges only (RELOAD,
# PROCESS, LOCK TABLES, BINLOG MONITOR: the same as the wsrep_sst_auth user of a mariabackup SST),
# created on the cluster where missing; desync and resync run as the administrator. In production
# the same steps run on the donor's own machine (ops/README.md, "Galera", backup and restore).
set -euo pipefail
QUI="$(cd "$(dirname "$0")" && pwd)"
RADICE="$(cd "$QUI/../.." && pwd)"
DIR="${GALERA_DIR:-$RADICE/target/galera}"
UTENTE="${GALERA_BACKUP_UTENTE:-backup}"
PASSWORD="${GALERA_BACKUP_PASSWORD:-backup}"
cluster() { bash "$QUI/cluster.sh" "$@"; }
# one value from node N, asked as the administrator
valore() { cluster sql "$1" "$2" | tail -n 1; }

crea_utente() {
  cluster sql 1 "CREATE USER IF NOT EXISTS '$UTENTE'@'localhost' IDENTIFIED BY '$PASSWORD';
    GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO '$UTENTE'@'localhost';" >/dev/null
}

backup() {
  local n="$1" dest="$2" datadir socket inizio
  [[ -e "$dest" ]] && { echo "$dest exists: a backup goes into a new folder" >&2; return 1; }
  command -v mariadb-backup >/dev/null || { echo "mariadb-backup missing: apt-get install mariadb-backup" >&2; return 1; }
  crea_utente
  # mariadb-backup reads the node's files: where they are, the server says
  datadir="$(valore "$n" "SELECT @@datadir")"
  socket="$(valore "$n" "SELECT @@socket")"
  mkdir -p "$(dirname "$dest")"
  # desynced, the donor leaves flow control while the backup's locks hold its commits back: the
  # cluster goes on writing, the donor catches up afterwards. Resync whatever happens.
  cluster sql "$n" "SET GLOBAL wsrep_desync=ON"
  trap 'cluster sql "$n" "SET GLOBAL wsrep_desync=OFF" || echo "nodo$n still desynced: SET GLOBAL wsrep_desync=OFF by hand" >&2' EXIT
  echo "nodo$n desynced: $(valore "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" | cut -f2)"
  inizio=$SECONDS
  mariadb-backup --backup --galera-info --target-dir="$dest" --datadir="$datadir" \
    --socket="$socket" --user="$UTENTE" --password="$PASSWORD" >"$dest.log" 2>&1 \
    || { tail -20 "$dest.log" >&2; return 1; }
  cluster sql "$n" "SET GLOBAL wsrep_desync=OFF"
  trap - EXIT
  echo "nodo$n resynced: $(valore "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" | cut -f2)"
  mariadb-backup --prepare --target-dir="$dest" >>"$dest.log" 2>&1 || { tail -20 "$dest.log" >&2; return 1; }
  echo "backup of nodo$n in $dest: $(du -sh "$dest" | cut -f1), $((SECONDS - inizio)) s with --prepare;" \
    "Galera position $(cut -d' ' -f1 "$dest/xtrabackup_galera_info") (cluster uuid:seqno); log $dest.log"
}

ripristina() {
  local src="$1" dati
  [[ -f "$src/xtrabackup_galera_info" ]] || { echo "$src: no xtrabackup_galera_info (not a --galera-info backup)" >&2; return 1; }
  grep -q 'backup_type = log-applied' "$src/xtrabackup_checkpoints" \
    || { echo "$src: not prepared (mariadb-backup --prepare --target-dir=$src)" >&2; return 1; }
  [[ -e "$DIR" ]] && { echo "$DIR exists: a restore starts a new cluster in a new folder" >&2; return 1; }
  # node 1's data directory in cluster.sh's layout
  dati="$DIR/nodo1/data"
  mkdir -p "$dati"
  mariadb-backup --copy-back --target-dir="$src" --datadir="$dati" >"$DIR/ripristino.log" 2>&1 \
    || { tail -20 "$DIR/ripristino.log" >&2; return 1; }
  [[ "$(id -u)" == 0 ]] && chown -R mysql:mysql "$DIR"
  echo "restored into $dati; starting the new cluster"
  cluster start
}

conta() {
  local n="$1" tabelle t
  tabelle="$(cluster sql "$n" "SELECT table_name FROM information_schema.tables WHERE table_schema = 'peg' AND table_type = 'BASE TABLE' ORDER BY table_name" | tail -n +2)"
  for t in $tabelle; do
    printf '%s %s\n' "$t" "$(valore "$n" "SELECT COUNT(*) FROM peg.\`$t\`")"
  done
}

case "${1:-}" in
  backup) [[ $# == 3 ]] || { sed -n '5,14p' "$0" >&2; exit 2; }; backup "$2" "$3" ;;
  ripristina) [[ $# == 2 ]] || { sed -n '5,14p' "$0" >&2; exit 2; }; ripristina "$2" ;;
  conta) [[ $# == 2 ]] || { sed -n '5,14p' "$0" >&2; exit 2; }; conta "$2" ;;
  *) sed -n '5,14p' "$0" >&2; exit 2 ;;
esac
