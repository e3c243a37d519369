# shellcheck shell=bash
# What the ops checks share (ops/check-prometheus.sh, ops/galera/check-monitoraggio.sh): the
# PASS/FAIL lines and their count, bounded waits, Debian packages installed where missing, a
# Prometheus of their own on loopback.
# Sourced, not run; the caller sets passed=0, failed=0 and DEADLINE (in $SECONDS) first.

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
pass() { passed=$((passed + 1)); log "PASS $*"; }
fail() { failed=$((failed + 1)); log "FAIL $*"; }
summary() { echo "$passed passed, $failed failed"; }
# a step everything after it depends on has failed: stop here (the caller's trap cleans up)
abort() { fail "$*"; log "aborting: the remaining steps depend on this one"; exit 1; }

# wait_for SECONDS command...: retries every second, bounded by SECONDS and by the global budget
wait_for() {
    local limit=$((SECONDS + $1)); shift
    while true; do
        if "$@"; then return 0; fi
        if [ "$SECONDS" -ge "$limit" ] || [ "$SECONDS" -ge "$DEADLINE" ]; then return 1; fi
        sleep 1
    done
}

# installa_mancanti COMMAND:PACKAGE...: apt-get installs the package of every command not on PATH
installa_mancanti() {
    local missing=() coppia SUDO=""
    for coppia in "$@"; do
        command -v "${coppia%%:*}" >/dev/null || missing+=("${coppia#*:}")
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    log "installing ${missing[*]} (Debian packages)"
    # a package may try to start its own service (prometheus on :9090): the checks never use it
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# avvia_prometheus CONFIG PORT LOG: promtool check config, then Prometheus on 127.0.0.1:PORT with its
# TSDB in $TSDB (a fresh folder the caller made and removes), ready within 30 s; sets PROM_PID,
# which the caller's cleanup ends
avvia_prometheus() {
    local config=$1 porta=$2 registro=$3
    if promtool check config "$config" >"$(dirname "$config")/promtool.log" 2>&1; then
        pass "promtool check config accepts the generated configuration (with the real rules)"
    else
        cat "$(dirname "$config")/promtool.log"; abort "promtool check config refuses $config"
    fi
    prometheus --config.file="$config" --storage.tsdb.path="$TSDB" \
        --web.listen-address="127.0.0.1:$porta" >"$registro" 2>&1 &
    PROM_PID=$!
    wait_for 30 prometheus_pronto "$porta" && pass "Prometheus ready on 127.0.0.1:$porta" \
        || abort "Prometheus not ready within 30 s (see $registro)"
}
prometheus_pronto() { kill -0 "$PROM_PID" 2>/dev/null && curl -fsS --max-time 2 "http://127.0.0.1:$1/-/ready" >/dev/null 2>&1; }
