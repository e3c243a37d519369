#!/usr/bin/env bash
# The national-scale benchmark (issue 7): generates a synthetic store from a fixed seed (default
# 1,000,000 events), measures commands through HTTP, a full rebuild of every projection and as-of
# reads, each beside raw JDBC inserts on the same MariaDB in the same run, and writes
# target/bench/results.json; beside the commands, the floor of the HTTP stack (a no-op POST through
# the same filters and JWT check). Builds benchmark/target/benchmark.jar first, with what it needs
# (incremental: what the checkout holds is measured, never a stale jar; PEG_BENCH_NO_BUILD=1 skips it).
#
#   bash ops/benchmark.sh                 # full run (1,000,000 events)
#   bash ops/benchmark.sh --rapido        # quick mode (150,000 events, shorter levels; < 5 minutes)
#   bash ops/benchmark.sh --eventi=3000000 --livelli=1,2,4,8,16 --secondi=20
#
# Runs on its own embedded MariaDB under target/bench/dati (free ports, deleted at every start),
# so it never touches ./data or another running instance.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${PEG_BENCH_NO_BUILD:-}" != 1 || ! -f benchmark/target/benchmark.jar ]]; then
    # the benchmark module and the modules it is built from, nothing else
    ./mvnw -B -q -DskipTests package -pl benchmark -am
fi
exec java -Xms1g -Xmx3g -XX:+UseParallelGC -jar benchmark/target/benchmark.jar "$@"
