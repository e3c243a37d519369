#!/usr/bin/env bash
# The database faults of GuastoDatabaseTest at full length, with their figures: a backup taken under
# load and restored, the database down for 60 s, then slow for 5 minutes (every packet between the
# application and MariaDB held back 50 ms each way, through a TCP proxy), each under 3 clients sending
# commands and 2 reading. The suite runs the same test with each fault just past the application's
# timeouts it must outlast (down 32 s, slow 17 s); this runs what the runbooks promise. Prints those
# timeouts, one line of figures per fault (commands and reads answered 2xx or 503, p99 during the
# fault, most threads waiting for a connection, time to recover, what happened after) and the test's
# verdict (events lost, doubled or skipped: the test fails on any).
#
#   bash ops/guasti.sh                                           # 60 s down, 5 minutes slow (about 10 minutes)
#   bash ops/guasti.sh --fermo=90s --lentezza=10m --ritardo=100ms
#
# Runs on a MariaDB of its own under app/target (free ports, deleted at the end); full output in
# app/target/guasti.log. Exits with the test's status.
set -euo pipefail
cd "$(dirname "$0")/.."
fermo=60s
lentezza=5m
ritardo=50ms
for argomento in "$@"; do
    case "$argomento" in
        --fermo=*) fermo=${argomento#*=} ;;
        --lentezza=*) lentezza=${argomento#*=} ;;
        --ritardo=*) ritardo=${argomento#*=} ;;
        *) echo "argomento sconosciuto: $argomento (--fermo=, --lentezza=, --ritardo=)" >&2; exit 2 ;;
    esac
done
mkdir -p app/target
log=app/target/guasti.log
echo "Guasti del database: fermo $fermo, lento $lentezza ($ritardo per pacchetto in ciascun verso); registro in $log"
esito=0
./mvnw -B -pl app -am verify -Dtest=GuastoDatabaseTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpeg.guasti.fermo="$fermo" -Dpeg.guasti.lentezza="$lentezza" -Dpeg.guasti.ritardo="$ritardo" > "$log" 2>&1 || esito=$?
grep -E '^(BACKUP|DATABASE)' "$log" || true
grep -E 'Tests run:.*GuastoDatabaseTest' "$log" || tail -40 "$log"
exit "$esito"
