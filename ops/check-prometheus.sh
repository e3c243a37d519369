#!/usr/bin/env bash
# Checks the monitoring of PEG against the real thing: starts the application (embedded default,
# fresh data) and a real Prometheus on loopback scraping it with ops/prometheus/rules, then asserts
# through Prometheus's HTTP API that the target is up, that the metric contract's series exist,
# that every Grafana dashboard query is accepted, and that PegProcessorNotRunning fires when a
# processor is stopped through the admin endpoint and resolves when it is started again.
#
#   ops/check-prometheus.sh            # from anywhere; about 2 minutes
#
# Installs Debian's prometheus package (and curl, python3) where missing; builds app/target/app.jar
# where missing. Ends everything it started (application, its MariaDB, Prometheus) whatever
# happens. Every wait is bounded. Prints PASS/FAIL per step and "N passed, M failed"; exits 1 on
# any failure. Files: target/check-prometheus/ (logs, data of the embedded MariaDB).
#
# Environment (all optional): PEG_CHECK_OPS_USER/PEG_CHECK_OPS_PASSWORD (scrape user, default
# ops/ops), PEG_CHECK_ADMIN_USER/PEG_CHECK_ADMIN_PASSWORD (processor admin, default
# amministratore/amministratore), PEG_CHECK_PLAN_USER/PEG_CHECK_PLAN_PASSWORD (controllo di gestione of
# the demo ente c_b648, default controllo/controllo), JAVA_OPTS (for the application), PEG_CHECK_BUDGET (seconds after install and build, default 240),
# PEG_CHECK_APP_COMMAND (start this instead of `java -jar app/target/app.jar`, e.g. another build;
# it gets SERVER_PORT, PEG_DATA_DIR and PEG_DB_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="$ROOT/target/check-prometheus"
JAR="$ROOT/app/target/app.jar"
RULES="$ROOT/ops/prometheus/rules/peg-alerts.yml"
DASHBOARD="$ROOT/ops/grafana/dashboards/peg.json"
OPS_USER=${PEG_CHECK_OPS_USER:-ops}
OPS_PASSWORD=${PEG_CHECK_OPS_PASSWORD:-ops}
ADMIN_USER=${PEG_CHECK_ADMIN_USER:-amministratore}
ADMIN_PASSWORD=${PEG_CHECK_ADMIN_PASSWORD:-amministratore}
PLAN_USER=${PEG_CHECK_PLAN_USER:-controllo}
PLAN_PASSWORD=${PEG_CHECK_PLAN_PASSWORD:-controllo}
ALERT=PegProcessorNotRunning
DEADLINE=$((SECONDS + 3600)) # set again once the prerequisites are there

passed=0
failed=0
APP_PID=""
PROM_PID=""
TSDB=""

# log, pass, fail, summary, abort, wait_for, installa_mancanti, avvia_prometheus
. ops/verifica.sh

# --- cleanup: only what this script started, by process id ------------------------------------
stop_pid() { # pid name grace-seconds; TERM, wait, then KILL the process group it leads
    local pid=$1 name=$2 grace=$3 i
    [ -n "$pid" ] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < grace * 2; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    # the application leads its own process group (setsid): its mariadbd child is in it too
    if kill -0 "$pid" 2>/dev/null || pgrep -g "$pid" >/dev/null 2>&1; then
        log "$name did not stop within ${grace}s: killing process group $pid"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$PROM_PID" prometheus 10
    stop_pid "$APP_PID" application 40
    [ -n "$TSDB" ] && rm -rf "$TSDB"
    if [ "$failed" -gt 0 ] || [ "$rc" -ne 0 ]; then
        [ -f "$WORK/app.log" ] && { echo "--- last lines of $WORK/app.log"; tail -n 25 "$WORK/app.log"; }
        [ -f "$WORK/prometheus.log" ] && { echo "--- last lines of $WORK/prometheus.log"; tail -n 10 "$WORK/prometheus.log"; }
    fi
    summary
    if [ "$failed" -gt 0 ] || [ "$rc" -ne 0 ]; then exit 1; fi
    exit 0
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# --- helpers ----------------------------------------------------------------------------------
remaining() { echo $((DEADLINE - SECONDS)); }
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
prom() { curl -fsS --max-time 5 "http://127.0.0.1:$PROM_PORT$1"; }
# number of series an instant query returns (0 when none, or on any error)
prom_count() {
    prom "/api/v1/query?query=$(urlencode "$1")" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(len(d["data"]["result"]) if d.get("status") == "success" else 0)' 2>/dev/null || echo 0
}
has_series() { [ "$(prom_count "$1")" -gt 0 ]; }
# state of ALERT for processor $1 in /api/v1/alerts: firing, pending or none
alert_state() {
    prom /api/v1/alerts 2>/dev/null | python3 -c '
import json, sys
alert, processor = sys.argv[1], sys.argv[2]
states = [a["state"] for a in json.load(sys.stdin)["data"]["alerts"]
          if a["labels"].get("alertname") == alert and a["labels"].get("processor") == processor]
print("firing" if "firing" in states else "pending" if "pending" in states else "none")' "$ALERT" "$1" 2>/dev/null || echo error
}
alert_is() { [ "$(alert_state "$1")" = "$2" ]; }
app_url() { echo "http://127.0.0.1:$APP_PORT$1"; }

# --- prerequisites ----------------------------------------------------------------------------
installa_mancanti prometheus:prometheus promtool:prometheus curl:curl python3:python3
command -v java >/dev/null || abort "java not found (a JDK 17 is needed)"
if [ -z "${PEG_CHECK_APP_COMMAND:-}" ] && [ ! -f "$JAR" ]; then
    log "building $JAR"
    ./mvnw -B -q -DskipTests package
fi
log "$(prometheus --version 2>&1 | head -n 1)"
# the time budget counts from here: installing and building are not bounded by it
DEADLINE=$((SECONDS + ${PEG_CHECK_BUDGET:-240}))

mkdir -p "$WORK"
rm -rf "$WORK/data" "$WORK/app.log" "$WORK/prometheus.log" "$WORK/prometheus.yml"
TSDB=$(mktemp -d "${TMPDIR:-/tmp}/peg-check-prometheus.XXXXXX")
APP_PORT=$(free_port)
DB_PORT=$(free_port)
PROM_PORT=$(free_port)
while [ "$DB_PORT" = "$APP_PORT" ]; do DB_PORT=$(free_port); done
while [ "$PROM_PORT" = "$APP_PORT" ] || [ "$PROM_PORT" = "$DB_PORT" ]; do PROM_PORT=$(free_port); done

# --- 1. the application -----------------------------------------------------------------------
log "starting the application on 127.0.0.1:$APP_PORT (database port $DB_PORT, data $WORK/data)"
# setsid: its own process group, so that cleanup also reaches the embedded mariadbd
# shellcheck disable=SC2086
SERVER_PORT=$APP_PORT PEG_DATA_DIR="$WORK/data" PEG_DB_PORT=$DB_PORT \
    setsid ${PEG_CHECK_APP_COMMAND:-java ${JAVA_OPTS:-} -jar "$JAR"} >"$WORK/app.log" 2>&1 &
APP_PID=$!
app_ready() {
    kill -0 "$APP_PID" 2>/dev/null || return 2
    curl -fsS --max-time 3 "$(app_url /actuator/health/readiness)" 2>/dev/null | grep -q '"UP"'
}
started=$SECONDS
until app_ready; do
    kill -0 "$APP_PID" 2>/dev/null || abort "application exited during start-up (see $WORK/app.log)"
    [ $((SECONDS - started)) -lt 180 ] && [ "$SECONDS" -lt "$DEADLINE" ] || abort "application not ready within $((SECONDS - started))s"
    sleep 1
done
pass "application ready on :$APP_PORT in $((SECONDS - started))s"

code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$(app_url /actuator/prometheus)" || true)
[ "$code" = 401 ] && pass "/actuator/prometheus refuses an anonymous scrape (401)" \
    || fail "/actuator/prometheus without credentials answered $code, expected 401"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -u "$OPS_USER:$OPS_PASSWORD" "$(app_url /actuator/prometheus)" || true)
[ "$code" = 200 ] && pass "/actuator/prometheus answers the OPS user (200)" \
    || fail "/actuator/prometheus as $OPS_USER answered $code, expected 200"

# --- 2. Prometheus ----------------------------------------------------------------------------
cat >"$WORK/prometheus.yml" <<EOF
# generated by ops/check-prometheus.sh: ops/prometheus/prometheus.yml with short intervals,
# one target (this run's application) and the real rules
global:
  scrape_interval: 3s
  scrape_timeout: 3s
  evaluation_interval: 2s
rule_files:
  - $RULES
scrape_configs:
  - job_name: peg
    metrics_path: /actuator/prometheus
    basic_auth:
      username: $OPS_USER
      password: $OPS_PASSWORD
    static_configs:
      - targets: ["127.0.0.1:$APP_PORT"]
        labels:
          ruolo: single
EOF
avvia_prometheus "$WORK/prometheus.yml" "$PROM_PORT" "$WORK/prometheus.log"

target_up() {
    prom /api/v1/targets 2>/dev/null | python3 -c '
import json, sys
t = [t for t in json.load(sys.stdin)["data"]["activeTargets"] if t["labels"].get("job") == "peg"]
sys.exit(0 if t and all(x["health"] == "up" for x in t) else 1)'
}
if wait_for 30 target_up && wait_for 10 has_series 'up{job="peg"} == 1'; then
    pass "target up: job peg, 127.0.0.1:$APP_PORT, scraped with basic auth"
else
    prom /api/v1/targets 2>/dev/null | python3 -c '
import json, sys
for t in json.load(sys.stdin)["data"]["activeTargets"]: print("   ", t["scrapeUrl"], t["health"], t.get("lastError"))' || true
    abort "target job=peg not up within 40s"
fi

# --- 3. one command, so that the command timer has series --------------------------------------
# the objective's settore and ufficio first, in the demo ente's organigramma
for struttura in '{"codice":"SASTER","nome":"ASSETTO E GESTIONE DEL TERRITORIO","tipo":"SETTORE","dal":"2023-01-01"}' \
                 '{"codice":"UEDPRI","nome":"EDILIZIA PRIVATA E QUALITA URBANA","tipo":"UFFICIO","settore":"SASTER","dal":"2023-01-01"}'; do
    code=$(curl -s -o "$WORK/struttura.json" -w '%{http_code}' --max-time 30 -u "$PLAN_USER:$PLAN_PASSWORD" \
        -H 'Content-Type: application/json' "$(app_url /api/enti/c_b648/strutture)" -d "$struttura" || true)
    [ "$code" = 201 ] || fail "POST /api/enti/c_b648/strutture answered $code: $(head -c 300 "$WORK/struttura.json" 2>/dev/null)"
done
code=$(curl -s -o "$WORK/command.json" -w '%{http_code}' --max-time 30 -u "$PLAN_USER:$PLAN_PASSWORD" \
    -H 'Content-Type: application/json' "$(app_url /api/obiettivi)" -d '{
  "ente":"c_b648","anno":2023,"titolo":"Diminuzione tempi di verifica delle SCIA",
  "settore":{"codice":"SASTER","nome":"ASSETTO E GESTIONE DEL TERRITORIO"},
  "ufficio":{"codice":"UEDPRI","nome":"EDILIZIA PRIVATA E QUALITA URBANA"},
  "pesoIndicatori":50,"pesoFasi":50,
  "dupStrategico":{"codice":"1.2","titolo":"LA RIGENERAZIONE URBANA"},
  "dupOperativo":{"codice":"1.2.08","titolo":"Edilizia privata e qualità urbana"}}' || true)
[ "$code" = 201 ] && pass "command DefinisciObiettivo accepted (201)" \
    || fail "POST /api/obiettivi answered $code, expected 201: $(head -c 300 "$WORK/command.json" 2>/dev/null)"

# --- 4. the series of the metric contract, as Prometheus stored them ---------------------------
# wait for a scrape that began after the command (the first may have raced with it); from
# then on every series the application exports is in Prometheus, so each check is a single query
after=$(($(date +%s) + 2))
wait_for 20 has_series "timestamp(up{job=\"peg\"}) > $after" \
    || log "note: no scrape after the command within 20s"
app_alive() { kill -0 "$APP_PID" 2>/dev/null; }
app_alive || abort "the application (pid $APP_PID) is no longer running: stopped from outside? (see $WORK/app.log)"
series_check() { # description promql
    if wait_for 3 has_series "$2"; then pass "series: $1"; else fail "series: $1 (no result for: $2)"; fi
}
series_check "peg_event_processor_running" 'peg_event_processor_running{job="peg"}'
series_check "peg_event_processor_lag_events" 'peg_event_processor_lag_events{job="peg"}'
series_check "peg_event_processor_segments_claimed" 'peg_event_processor_segments_claimed{job="peg"}'
series_check "peg_event_processor_stalled_seconds" 'peg_event_processor_stalled_seconds{job="peg"}'
series_check "peg_dead_letters" 'peg_dead_letters{job="peg"}'
series_check "peg_checkpoint_eta_secondi (for PegCheckpointStale)" 'peg_checkpoint_eta_secondi{job="peg"}'
series_check "peg_database_up is 1" 'peg_database_up{job="peg"} == 1'
series_check "peg_comandi_seconds_count{comando=DefinisciObiettivo,esito=ok}" \
    'peg_comandi_seconds_count{job="peg",comando="DefinisciObiettivo",esito="ok"} > 0'
series_check "peg_comandi_seconds_bucket (histogram for the p99 alert)" 'peg_comandi_seconds_bucket{job="peg",le="+Inf"}'
series_check "peg_obiettivi or peg_fasi_in_ritardo" 'peg_obiettivi{job="peg"} or peg_fasi_in_ritardo{job="peg"}'
series_check "http_server_requests_seconds_count" 'http_server_requests_seconds_count{job="peg"}'
series_check "hikaricp_connections" 'hikaricp_connections{job="peg"}'
series_check "jvm_memory_used_bytes" 'jvm_memory_used_bytes{job="peg"}'
series_check "process_cpu_usage" 'process_cpu_usage{job="peg"}'
# series Prometheus itself makes (up, scrape_*, ALERTS*) are not the application's
n=$(prom_count 'count by (__name__) ({job="peg", application!="peg", __name__!~"up|scrape_.+|ALERTS|ALERTS_FOR_STATE"})')
[ "$n" = 0 ] && pass "every series of the application carries application=\"peg\"" \
    || fail "$n metric name(s) without application=\"peg\""

# --- 5. the Grafana dashboard's queries, run by this Prometheus ----------------------------------
if [ -f "$DASHBOARD" ]; then
    if out=$(python3 - "$DASHBOARD" "http://127.0.0.1:$PROM_PORT" <<'PY'
import json, sys, urllib.parse, urllib.request
dash = json.load(open(sys.argv[1]))
subst = {"${DS_PROMETHEUS}": "", "$__rate_interval": "1m", "$__interval": "15s", "$__range": "5m",
         "$job": "peg", "$instance": ".*", "$processor": ".*"}
def panels(ps):
    for p in ps:
        yield p
        yield from panels(p.get("panels", []))
bad, empty, total = [], [], 0
for p in panels(dash["panels"]):
    for t in p.get("targets", []):
        expr = t.get("expr", "")
        for k in sorted(subst, key=len, reverse=True):
            expr = expr.replace(k, subst[k])
        total += 1
        url = sys.argv[2] + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        try:
            d = json.load(urllib.request.urlopen(url, timeout=5))
            if not d["data"]["result"]:
                empty.append(p["title"])
        except Exception as e:
            bad.append(f'{p["title"]}: {expr}: {e}')
print(f"{total} queries, {total - len(bad)} accepted, {total - len(bad) - len(empty)} with data;"
      + (" no data yet: " + ", ".join(sorted(set(empty))) if empty else ""))
for b in bad: print("   " + b)
sys.exit(1 if bad or total == 0 else 0)
PY
    ); then pass "dashboard queries accepted by Prometheus: $out"; else fail "dashboard queries: $out"; fi
else
    fail "dashboard $DASHBOARD missing"
fi

# --- 6. PegProcessorNotRunning: stop a processor, see the alert fire, start it, see it resolve ----
processors=$(curl -fsS --max-time 10 -u "$ADMIN_USER:$ADMIN_PASSWORD" "$(app_url /api/admin/processori)" 2>/dev/null \
    | python3 -c '
import json, sys
for p in json.load(sys.stdin):
    if p.get("running"): print(p["nome"])' 2>/dev/null || true)
source="GET /api/admin/processori"
if [ -z "$processors" ]; then
    source="peg_event_processor_running"
    processors=$(prom "/api/v1/query?query=$(urlencode 'peg_event_processor_running{job="peg"} == 1')" 2>/dev/null \
        | python3 -c '
import json, sys
for r in json.load(sys.stdin)["data"]["result"]: print(r["metric"]["processor"])' 2>/dev/null || true)
fi
[ -n "$processors" ] || abort "no running event processor found (GET /api/admin/processori, peg_event_processor_running)"
PROCESSOR=$(head -n 1 <<<"$processors")
pass "running processors (from $source): $(paste -sd ' ' <<<"$processors"); stopping $PROCESSOR"
P=$(urlencode "$PROCESSOR")

alert_is "$PROCESSOR" none && pass "$ALERT not active for $PROCESSOR before the stop" \
    || fail "$ALERT already $(alert_state "$PROCESSOR") for $PROCESSOR before the stop"

admin() { # stop|start -> http code
    curl -s -o "$WORK/admin.out" -w '%{http_code}' --max-time 30 -X POST \
        -u "$ADMIN_USER:$ADMIN_PASSWORD" "$(app_url "/api/admin/processori/$P/$1")" || true
}
code=$(admin stop)
[[ "$code" == 2?? ]] && pass "POST /api/admin/processori/$PROCESSOR/stop ($code)" \
    || abort "POST /api/admin/processori/$PROCESSOR/stop answered $code: $(head -c 300 "$WORK/admin.out")"
stopped_at=$SECONDS
wait_for 20 has_series "peg_event_processor_running{job=\"peg\",processor=\"$PROCESSOR\"} == 0" \
    && pass "Prometheus sees peg_event_processor_running{processor=\"$PROCESSOR\"} = 0" \
    || fail "peg_event_processor_running{processor=\"$PROCESSOR\"} not 0 within 20s of the stop"
wait_for 20 alert_is "$PROCESSOR" pending \
    && pass "$ALERT pending for $PROCESSOR (for: 30s not yet elapsed)" \
    || log "note: $ALERT not seen pending (state: $(alert_state "$PROCESSOR"))"
fired=0
if wait_for 90 alert_is "$PROCESSOR" firing; then
    fired=1
    pass "$ALERT firing for $PROCESSOR, $((SECONDS - stopped_at))s after the stop"
else
    fail "$ALERT not firing for $PROCESSOR within 90s of the stop (state: $(alert_state "$PROCESSOR"))"
fi

code=$(admin start)
[[ "$code" == 2?? ]] && pass "POST /api/admin/processori/$PROCESSOR/start ($code)" \
    || fail "POST /api/admin/processori/$PROCESSOR/start answered $code: $(head -c 300 "$WORK/admin.out")"
started_at=$SECONDS
wait_for 30 has_series "peg_event_processor_running{job=\"peg\",processor=\"$PROCESSOR\"} == 1" \
    && pass "Prometheus sees peg_event_processor_running{processor=\"$PROCESSOR\"} = 1 again" \
    || fail "peg_event_processor_running{processor=\"$PROCESSOR\"} not back to 1 within 30s of the start"
if [ "$fired" = 0 ]; then
    log "(resolution of $ALERT not checked: it never fired)"
elif wait_for 30 alert_is "$PROCESSOR" none; then
    pass "$ALERT resolved for $PROCESSOR, $((SECONDS - started_at))s after the start"
else
    fail "$ALERT still $(alert_state "$PROCESSOR") for $PROCESSOR 30s after the start"
fi
wait_for 20 has_series "peg_event_processor_segments_claimed{job=\"peg\",processor=\"$PROCESSOR\"} > 0" \
    && pass "$PROCESSOR claims a segment again" \
    || fail "$PROCESSOR claims no segment 20s after the start"

app_alive && pass "the application ran through the whole check" \
    || fail "the application (pid $APP_PID) stopped during the check (see $WORK/app.log)"
log "done in ${SECONDS}s; stopping Prometheus and the application"
# cleanup (trap) stops everything, prints the summary and sets the exit status
