#!/usr/bin/env bash
# Static checks of ops/: promtool check config, check rules, test rules (the unit tests of every
# alert in ops/prometheus/tests/), and the Grafana dashboard (structure, coverage of every alert
# and of the metric contract, every query parsed as PromQL by promtool). No application needed;
# a few seconds. Installs Debian's prometheus package (promtool) where missing.
#
#   ops/check-promtool.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v promtool >/dev/null || ! command -v python3 >/dev/null; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    echo "installing prometheus (promtool) and python3 (Debian packages)"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus python3 >/dev/null
fi

# every rules file: the dashboard must name each of their alerts
rules=()
for r in ops/prometheus/rules/*.yml; do rules+=(--rules "$r"); done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
set -x
promtool check config ops/prometheus/prometheus.yml
promtool check rules ops/prometheus/rules/*.yml
promtool test rules ops/prometheus/tests/*.yml
for f in ops/grafana/dashboards/*.json; do
    python3 ops/grafana/check-dashboard.py "$f" "${rules[@]}" \
        --promql-out "$tmp/$(basename "$f" .json)-queries.yml"
done
promtool check rules "$tmp"/*-queries.yml
{ set +x; } 2>/dev/null
echo "check-promtool: all passed"
