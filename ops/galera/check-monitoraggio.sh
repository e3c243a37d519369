#!/usr/bin/env bash
# Checks the monitoring of the Galera cluster against the real thing: a fresh three-node cluster
# (ops/galera/cluster.sh), one mysqld exporter per node (ops/galera/monitoraggio.sh) and a real
# Prometheus on loopback with the real ops/prometheus/rules/galera-alerts.yml (production "for:"
# values). Through Prometheus's HTTP API it asserts:
#   - all three targets up, each exporter's scrape free of errors (the monitoring user's grants
#     suffice), every series the alerts and the dashboard read present, cluster size 3 everywhere;
#   - a node desynced on purpose (wsrep_desync=ON, as for a backup) shows state 2 and does not
#     make PegGaleraNodeNotSynced pending;
#   - flow control, caused for real (node 3's applier blocked by LOCK TABLES while node 1 writes),
#     counts as paused time on every node and as pauses sent by node 3 only;
#   - node 3 killed (cluster.sh kill 3): PegGaleraNodeMissing pending for node 3 and for the two
#     survivors, which stay Synced; node 3 restarted: cluster size 3 again and the alert gone.
#
#   bash ops/galera/check-monitoraggio.sh          # about 2 minutes
#
# Ends everything it started (Prometheus, exporters, the client sessions, the cluster with
# `cluster.sh destroy`) whatever happens, by process id. Prints PASS/FAIL per step and
# "N passed, M failed"; exits 1 on any failure. Installs Debian's prometheus (and curl, python3)
# and jq where missing; cluster.sh and monitoraggio.sh install theirs.
#
# Environment: GALERA_BASE_PORT (default 23400 here, so that a cluster started by hand with
# cluster.sh's default 23300 is left alone; nodes +1..+3, +11..+33, exporters +41..+43),
# GALERA_DIR (default target/check-monitoraggio/galera; destroyed at the start and at the end: never
# point it at a cluster to keep). Prometheus takes a free loopback port.
set -euo pipefail
QUI="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$QUI/../.." && pwd)"
WORK="$ROOT/target/check-monitoraggio"
export GALERA_BASE_PORT="${GALERA_BASE_PORT:-23400}"
export GALERA_DIR="${GALERA_DIR:-$WORK/galera}"
RULES="$ROOT/ops/prometheus/rules/galera-alerts.yml"
DASHBOARD="$ROOT/ops/grafana/dashboards/peg.json"
DEADLINE=$((SECONDS + 600))

passed=0
failed=0
PROM_PID=""
SESSIONI=()
TSDB=""
CLUSTER_AVVIATO=0

# log, pass, fail, summary, abort, wait_for, installa_mancanti, avvia_prometheus
. "$QUI/../verifica.sh"
cluster() { bash "$QUI/cluster.sh" "$@"; }
monitoraggio() { bash "$QUI/monitoraggio.sh" "$@"; }

cleanup() {
    local rc=$? p
    trap - EXIT INT TERM
    set +e # every step of the cleanup runs, whatever the one before did
    for p in "${SESSIONI[@]}" "$PROM_PID"; do
        [ -n "$p" ] || continue
        kill -0 "$p" 2>/dev/null && kill -TERM "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    monitoraggio stop
    if [ "$CLUSTER_AVVIATO" = 1 ]; then
        if [ "$failed" -gt 0 ] || [ "$rc" -ne 0 ]; then
            log "keeping the nodes' logs in $WORK/logs"
            mkdir -p "$WORK/logs"
            for p in 1 2 3; do cp "$GALERA_DIR/nodo$p/error.log" "$WORK/logs/nodo$p.error.log" 2>/dev/null || true; done
            [ -f "$WORK/prometheus.log" ] && { echo "--- last lines of $WORK/prometheus.log"; tail -n 10 "$WORK/prometheus.log"; }
        fi
        cluster destroy
    fi
    [ -n "$TSDB" ] && rm -rf "$TSDB"
    summary
    log "${SECONDS} s"
    if [ "$failed" -gt 0 ] || [ "$rc" -ne 0 ]; then exit 1; fi
    exit 0
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

prom() { curl -fsS --max-time 5 "http://127.0.0.1:$PROM_PORT$1"; }
# the values of an instant query, one "nodo value" line per series (nothing on error); jq, not
# python, for every query: on a busy machine python's start-up alone takes seconds
valori() {
    curl -fsS --max-time 5 -G "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$1" 2>/dev/null \
        | jq -r '.data.result[] | "\(.metric.nodo // "-") \(.value[1])"' 2>/dev/null || true
}
# number of series an instant query returns
quante() { valori "$1" | grep -c . || true; }
ha() { [ "$(quante "$1")" -ge "${2:-1}" ]; }
# state of alert $1 for nodo $2 in /api/v1/alerts: firing, pending or none
stato_allarme() {
    prom /api/v1/alerts 2>/dev/null | jq -r --arg nome "$1" --arg nodo "$2" '
        [.data.alerts[] | select(.labels.alertname == $nome and .labels.nodo == $nodo) | .state]
        | if index("firing") then "firing" elif index("pending") then "pending" else "none" end' 2>/dev/null || echo error
}
allarme_attivo() { local s; s="$(stato_allarme "$1" "$2")"; [ "$s" = pending ] || [ "$s" = firing ]; }
allarme_spento() { [ "$(stato_allarme "$1" "$2")" = none ]; }
# the ports of $@ that a server could not bind now (as servers bind, with SO_REUSEADDR: a listener
# is in the way, a connection in TIME_WAIT is not)
porte_occupate() {
    python3 -c '
import socket, sys
for p in sys.argv[1:]:
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try: s.bind(("127.0.0.1", int(p))); s.listen()
    except OSError: print(p)
    finally: s.close()' "$@"
}

# --- prerequisites ----------------------------------------------------------------------------
installa_mancanti prometheus:prometheus promtool:prometheus curl:curl python3:python3 jq:jq
mkdir -p "$WORK"
rm -f "$WORK/prometheus.log" "$WORK/prometheus.yml" "$WORK/galera-targets.yml"
rm -rf "$WORK/logs"
# a cluster left by an earlier run of this check, in this check's own folder
cluster destroy >/dev/null 2>&1 || true
occupate=$(porte_occupate $(for d in 1 2 3 11 12 13 21 22 23 31 32 33 41 42 43; do echo $((GALERA_BASE_PORT + d)); done) | paste -sd ' ')
[ -z "$occupate" ] || abort "ports $occupate are taken: another cluster there? choose GALERA_BASE_PORT"
PROM_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

# --- 1. the cluster and its exporters -----------------------------------------------------------
log "starting a three-node cluster (base port $GALERA_BASE_PORT, $GALERA_DIR)"
inizio=$SECONDS
CLUSTER_AVVIATO=1
cluster start >"$WORK/cluster-start.log" 2>&1 || { cat "$WORK/cluster-start.log"; abort "cluster.sh start failed"; }
pass "cluster of three nodes Synced in $((SECONDS - inizio)) s"
monitoraggio start >"$WORK/galera-targets.yml" 2>"$WORK/monitoraggio.err" \
    || { cat "$WORK/monitoraggio.err"; abort "monitoraggio.sh start failed"; }
pass "three exporters, each with an error-free first scrape ($(grep -c 'targets:' "$WORK/galera-targets.yml") targets)"

# --- 2. Prometheus ------------------------------------------------------------------------------
cat >"$WORK/prometheus.yml" <<EOF
# generated by ops/galera/check-monitoraggio.sh: job galera as in ops/prometheus/prometheus.yml,
# with short intervals, this run's exporters and the real rules
global:
  scrape_interval: 2s
  scrape_timeout: 2s
  evaluation_interval: 1s
rule_files:
  - $RULES
scrape_configs:
  - job_name: galera
    file_sd_configs:
      - files: [$WORK/galera-targets.yml]
EOF
TSDB=$(mktemp -d "${TMPDIR:-/tmp}/peg-check-monitoraggio.XXXXXX")
avvia_prometheus "$WORK/prometheus.yml" "$PROM_PORT" "$WORK/prometheus.log"

# --- 3. the healthy cluster as Prometheus sees it -------------------------------------------------
inizio=$SECONDS
if wait_for 30 ha 'mysql_global_status_wsrep_cluster_size{job="galera"} == 3 and on (instance) up{job="galera"} == 1' 3; then
    pass "cluster size 3 scraped on all three targets, $((SECONDS - inizio)) s after Prometheus started"
else
    abort "cluster size 3 not seen on three targets within 30 s: $(valori 'mysql_global_status_wsrep_cluster_size' | tr '\n' ' ')"
fi
ha 'mysql_exporter_last_scrape_error{job="galera"} == 0' 3 \
    && pass "every exporter scrapes without errors (PROCESS is grant enough)" \
    || fail "scrape errors: $(valori 'mysql_exporter_last_scrape_error{job="galera"}' | tr '\n' ' ')"
for serie in mysql_up mysql_global_status_wsrep_cluster_size mysql_global_status_wsrep_local_state \
    mysql_global_status_wsrep_ready mysql_global_status_wsrep_cluster_status \
    mysql_global_status_wsrep_flow_control_paused_ns mysql_global_status_wsrep_flow_control_sent \
    mysql_global_status_wsrep_local_recv_queue mysql_global_variables_wsrep_desync; do
    ha "$serie{job=\"galera\"}" 3 && pass "series $serie on all three nodes" || fail "series $serie: $(quante "$serie{job=\"galera\"}") of 3 nodes"
done
ha 'mysql_global_status_wsrep_local_state{job="galera"} == 4 and mysql_global_status_wsrep_ready{job="galera"} == 1 and mysql_global_status_wsrep_cluster_status{job="galera"} == 1' 3 \
    && pass "all three Synced (4), ready (1), Primary (1)" \
    || fail "not all Synced/ready/Primary: $(valori 'mysql_global_status_wsrep_local_state{job="galera"}' | tr '\n' ' ')"
# the dashboard's Galera panels, run by this Prometheus: each must be accepted and have data (a
# rate needs two samples in its window: the panels are given up to 20 s after the series appear)
pannelli_con_dati() {
    out=$(python3 - "$DASHBOARD" "http://127.0.0.1:$PROM_PORT" <<'PY'
import json, sys, urllib.parse, urllib.request
def panels(ps):
    for p in ps:
        yield p
        yield from panels(p.get("panels", []))
vuote, n = [], 0
for p in panels(json.load(open(sys.argv[1]))["panels"]):
    for t in p.get("targets", []):
        expr = t.get("expr", "")
        if 'job="galera"' not in expr:
            continue
        n += 1
        url = sys.argv[2] + "/api/v1/query?" + urllib.parse.urlencode({"query": expr.replace("$__rate_interval", "1m")})
        if not json.load(urllib.request.urlopen(url, timeout=5))["data"]["result"]:
            vuote.append(f'{p["title"]}: {expr}')
print(f"{n} queries, {n - len(vuote)} with data" + "".join("\n   no data: " + v for v in vuote))
sys.exit(1 if vuote or n == 0 else 0)
PY
)
}
if wait_for 20 pannelli_con_dati; then pass "dashboard, Galera row: $out"; else fail "dashboard, Galera row: $out"; fi

# --- 4. a node desynced on purpose ---------------------------------------------------------------
cluster sql 2 "SET GLOBAL wsrep_desync=ON" >/dev/null
if wait_for 15 ha 'mysql_global_status_wsrep_local_state{job="galera",nodo="nodo2"} == 2 and on (instance) mysql_global_variables_wsrep_desync == 1'; then
    pass "nodo2 desynced: Prometheus sees wsrep_local_state 2 and wsrep_desync 1"
    sleep 3 # a few rule evaluations with the state at 2
    allarme_spento PegGaleraNodeNotSynced nodo2 \
        && pass "PegGaleraNodeNotSynced not pending for a node desynced on purpose" \
        || fail "PegGaleraNodeNotSynced $(stato_allarme PegGaleraNodeNotSynced nodo2) for nodo2, desynced on purpose"
else
    fail "nodo2 desynced, but Prometheus does not see state 2 with wsrep_desync 1 within 15 s"
fi
cluster sql 2 "SET GLOBAL wsrep_desync=OFF" >/dev/null
wait_for 15 ha 'mysql_global_status_wsrep_local_state{job="galera",nodo="nodo2"} == 4' \
    && pass "nodo2 Synced again after wsrep_desync=OFF" || fail "nodo2 not back to state 4 within 15 s"

# --- 5. flow control, for real -------------------------------------------------------------------
# node 3's applier waits behind a table lock while node 1 commits one write set per INSERT: node 3's
# receive queue passes gcs.fc_limit and it pauses the whole cluster until the lock goes
cluster sql 1 "CREATE TABLE peg.prova_flusso (id INT AUTO_INCREMENT PRIMARY KEY, v INT) ENGINE=InnoDB" >/dev/null
prima=$(valori 'mysql_global_status_wsrep_flow_control_paused_ns{job="galera"}' | sort)
cluster sql 3 "LOCK TABLES peg.prova_flusso WRITE; SELECT SLEEP(10); UNLOCK TABLES" >/dev/null 2>&1 &
SESSIONI+=($!)
sleep 1
scritture=""
for i in $(seq 1 80); do scritture+="INSERT INTO peg.prova_flusso (v) VALUES ($i);"; done
timeout 60 bash "$QUI/cluster.sh" sql 1 "$scritture" >/dev/null 2>&1 &
SESSIONI+=($!)
if wait_for 30 ha 'increase(mysql_global_status_wsrep_flow_control_paused_ns{job="galera"}[1m]) > 1e9' 3; then
    pass "flow control: more than 1 s paused on every node ($(valori 'increase(mysql_global_status_wsrep_flow_control_paused_ns{job="galera"}[1m]) / 1e9' | awk '{printf "%s %.1fs ", $1, $2}'))"
else
    fail "flow control: paused time did not grow on all three nodes within 30 s (before: $(tr '\n' ' ' <<<"$prima"); now: $(valori 'mysql_global_status_wsrep_flow_control_paused_ns{job="galera"}' | tr '\n' ' '))"
fi
mittenti=$(valori 'increase(mysql_global_status_wsrep_flow_control_sent{job="galera"}[1m]) > 0' | awk '{print $1}' | sort | paste -sd ' ')
[ "$mittenti" = nodo3 ] && pass "flow control: the pauses were sent by nodo3 only, the node that was held up" \
    || fail "flow control: pauses sent by '${mittenti:-nobody}', expected nodo3 only"
wait "${SESSIONI[-1]}" 2>/dev/null && righe=$(cluster sql 3 "SELECT COUNT(*) FROM peg.prova_flusso" | tail -n 1) || righe="?"
[ "$righe" = 80 ] && pass "flow control: the 80 writes held back all committed, and applied on nodo3" \
    || fail "flow control: nodo3 has $righe rows of 80"

# --- 6. node 3 killed ----------------------------------------------------------------------------
cluster kill 3
ucciso=$SECONDS
log "nodo3 killed (SIGKILL)"
manca() { allarme_attivo PegGaleraNodeMissing nodo3 && allarme_attivo PegGaleraNodeMissing nodo1 && allarme_attivo PegGaleraNodeMissing nodo2; }
if wait_for 30 manca; then
    pass "PegGaleraNodeMissing $(stato_allarme PegGaleraNodeMissing nodo3) for nodo3 (mysql_up $(valori 'mysql_up{nodo="nodo3"}' | awk '{print $2}')) and for nodo1, nodo2 (cluster size $(valori 'mysql_global_status_wsrep_cluster_size{nodo="nodo1"}' | awk '{print $2}')), $((SECONDS - ucciso)) s after the kill"
else
    fail "PegGaleraNodeMissing not pending for all of nodo1/2/3 within 30 s (nodo1 $(stato_allarme PegGaleraNodeMissing nodo1), nodo2 $(stato_allarme PegGaleraNodeMissing nodo2), nodo3 $(stato_allarme PegGaleraNodeMissing nodo3))"
fi
# while the cluster reconfigures (evs.suspect_timeout, 5 s) the survivors may answer their exporters
# late and a scrape fails, which leaves their series stale: wait for samples again, then require
# every sample since the kill to say Synced
sopravvissuti_sincronizzati() {
    local finestra="$((SECONDS - ucciso + 1))s"
    ha 'mysql_global_status_wsrep_local_state{job="galera",nodo=~"nodo1|nodo2"}' 2 \
        && ha "min_over_time(mysql_global_status_wsrep_local_state{job=\"galera\",nodo=~\"nodo1|nodo2\"}[$finestra]) == 4" 2 \
        && ha "max_over_time(mysql_global_status_wsrep_local_state{job=\"galera\",nodo=~\"nodo1|nodo2\"}[$finestra]) == 4" 2
}
wait_for 30 sopravvissuti_sincronizzati && allarme_spento PegGaleraNodeNotSynced nodo1 && allarme_spento PegGaleraNodeNotSynced nodo2 \
    && pass "the survivors stay Synced (every sample since the kill), PegGaleraNodeNotSynced not active for them" \
    || fail "survivors: $(valori 'mysql_global_status_wsrep_local_state{job="galera"}' | tr '\n' ' '), PegGaleraNodeNotSynced nodo1 $(stato_allarme PegGaleraNodeNotSynced nodo1), nodo2 $(stato_allarme PegGaleraNodeNotSynced nodo2)"

# --- 7. node 3 back -----------------------------------------------------------------------------
inizio=$SECONDS
cluster restart 3 >"$WORK/restart.log" 2>&1 && pass "nodo3 restarted: $(tail -n 1 "$WORK/restart.log")" \
    || { cat "$WORK/restart.log"; fail "cluster.sh restart 3 failed"; }
if wait_for 30 ha 'mysql_global_status_wsrep_cluster_size{job="galera"} == 3' 3; then
    pass "cluster size 3 again on all three targets, $((SECONDS - inizio)) s after the restart began"
else
    fail "cluster size not back to 3 on three targets: $(valori 'mysql_global_status_wsrep_cluster_size' | tr '\n' ' ')"
fi
tornato() { allarme_spento PegGaleraNodeMissing nodo1 && allarme_spento PegGaleraNodeMissing nodo2 && allarme_spento PegGaleraNodeMissing nodo3; }
wait_for 15 tornato && pass "PegGaleraNodeMissing no longer active" \
    || fail "PegGaleraNodeMissing still active: nodo1 $(stato_allarme PegGaleraNodeMissing nodo1), nodo2 $(stato_allarme PegGaleraNodeMissing nodo2), nodo3 $(stato_allarme PegGaleraNodeMissing nodo3)"
log "done; stopping Prometheus, the exporters and the cluster"
