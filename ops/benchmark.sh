#!/usr/bin/env bash
# The national-scale benchmark (issue 7): generates a synthetic store from a fixed seed (default
# 1,000,000 events), measures commands through HTTP, a full rebuild of every projection and as-of
# reads, each beside raw JDBC inserts on the same MariaDB in the same run, and writes
# target/bench/results.json. Builds the jar first (incremental: what the checkout holds is measured,
# never a stale jar; PEG_BENCH_NO_BUILD=1 skips it).
#
#   bash ops/benchmark.sh                 # full run (1,000,000 events)
#   bash ops/benchmark.sh --rapido        # quick mode (150,000 events, shorter levels; < 5 minutes)
#   bash ops/benchmark.sh --eventi=3000000 --livelli=1,2,4,8,16 --secondi=20
#
# Runs on its own embedded MariaDB under target/bench/dati (free ports, deleted at every start),
# so it never touches ./data or another running instance.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${PEG_BENCH_NO_BUILD:-}" != 1 || ! -f app/target/app.jar ]]; then
    ./mvnw -B -q -DskipTests package
fi
exec java -Xms1g -Xmx3g -XX:+UseParallelGC \
    -Dloader.main=it.comuni.peg.benchmark.BenchmarkNazionale \
    -jar app/target/app.jar "$@"
