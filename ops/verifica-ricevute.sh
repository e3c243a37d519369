#!/usr/bin/env bash
# Verifies the event store against receipts issued earlier (the JSON a print carries, or
# GET /api/audit/ricevute/adesso: one receipt or an array of them), with the application's own
# command line: it reaches the database the configuration names (SPRING_DATASOURCE_URL, or the
# embedded one in PEG_DATA_DIR: stop the server first, the embedded database has one owner) and the
# public key of peg.audit.firma.chiave / peg.audit.firma.chiave-pubblica, prints the outcome as JSON
# (each receipt: valid or not, and the first event altered, inserted or missing) and exits with its code:
# 0 every receipt holds and the chain after them is intact, 3 one does not, 4 one is not authentic
# (signature or timestamp), 2 the file is not receipts or there is no key.
#
#   ops/verifica-ricevute.sh RICEVUTE.json [JAR]      (JAR: app/target/app.jar)
set -euo pipefail
ricevute=${1:?"uso: ops/verifica-ricevute.sh RICEVUTE.json [JAR]"}
jar=${2:-app/target/app.jar}
[ -r "$ricevute" ] || { echo "file di ricevute non leggibile: $ricevute" >&2; exit 2; }
[ -r "$jar" ] || { echo "applicazione non trovata: $jar (./mvnw -q -DskipTests package)" >&2; exit 2; }
# port 0: a server of the same installation may be listening on the usual port (against an external database)
exec java -jar "$jar" --verifica-ricevute="$ricevute" --server.port=0
