#!/usr/bin/env python3
"""Runs the examples of README.md as printed, in order, and fails when one stops working.

Every ```bash block of README.md runs in ONE bash session (so a variable set by a block is there
for the next), under `set -euo pipefail`, with `curl` a function that adds `--fail-with-body -sS`:
an HTTP error fails its block. Before the first block that needs it, the application
(app/target/app.jar, built with `./mvnw -q -DskipTests package` only when missing) starts on a
fresh data folder with free ports, and the checker waits for /actuator/health to answer UP;
`localhost:8080` in the blocks is rewritten to the port chosen. An HTML comment right before a
block says how to run it:

    <!-- esempio: a server fermo -->            the server is stopped for this block (and started
                                                 again before the next block that needs it)
    <!-- esempio: non eseguito (reason) -->     the block is not run, for the reason given

The blocks run in a scratch folder whose entries link to the repository's, so a path such as
docs/peg/... resolves as in a clone while the files an example writes stay out of the checkout.
The JVMs of the session compile with C1 only (JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1, unless
JAVA_TOOL_OPTIONS is set): it halves the CPU of each start-up, and nothing an example checks depends
on it. Prints each block's result (its output without the application's log lines); exits 0 when every block ran, 1 naming the block that failed with its
output, 2 when README.md itself cannot be read as examples. The application is stopped at the end
whatever happens.

    python3 ops/check-readme.py [--readme README.md] [--timeout-blocco 300] [--tieni] [--verboso]
"""
import argparse
import os
import re
import selectors
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join("app", "target", "app.jar")
MARCATORE = re.compile(r"<!--\s*esempio:\s*(.*?)\s*-->")
SEGNO = "@@check-readme"
# what the application logs (Spring Boot's console format, the JVM's notices): left out of a passing block's output
RIGA_DI_LOG = re.compile(r"^(\d{4}-\d\d-\d\dT\S+\s+(TRACE|DEBUG|INFO|WARN|ERROR)\s|Picked up JAVA_TOOL_OPTIONS|Standard Commons Logging|##|\t)")

PRELUDIO = r"""
set -euo pipefail
shopt -s inherit_errexit
# an HTTP error fails the block; a newline after each answer keeps the output readable
curl() { local esito=0; command curl --fail-with-body -sS "$@" || esito=$?; echo; return "$esito"; }

peg_avvia() {
  java -jar app/target/app.jar >>"$PEG_LOG" 2>&1 </dev/null &
  PEG_PID=$!
  echo "$PEG_PID" >"$PEG_PIDFILE"
  local limite=$((SECONDS + PEG_ATTESA_S))
  until [[ $(command curl -s "http://localhost:$SERVER_PORT/actuator/health" || true) == *'"status":"UP"'* ]]; do
    if ! kill -0 "$PEG_PID" 2>/dev/null; then
      echo "the application ended while starting; the end of its log:"; tail -n 60 "$PEG_LOG"; return 1
    fi
    if (( SECONDS > limite )); then
      echo "the application is not UP after $PEG_ATTESA_S s; the end of its log:"; tail -n 60 "$PEG_LOG"; return 1
    fi
    sleep 1
  done
  echo "application UP on port $SERVER_PORT (pid $PEG_PID, data in $PEG_DATA_DIR)"
}

peg_ferma() {
  kill "$PEG_PID"
  local limite=$((SECONDS + 120))
  while kill -0 "$PEG_PID" 2>/dev/null; do
    if (( SECONDS > limite )); then kill -9 "$PEG_PID" 2>/dev/null || true; fi
    sleep 0.5
  done
  wait "$PEG_PID" 2>/dev/null || true
  rm -f "$PEG_PIDFILE"
  echo "application stopped"
}
"""


class Blocco:
    def __init__(self, numero, riga, modo, motivo, codice):
        self.numero, self.riga, self.modo, self.motivo, self.codice = numero, riga, modo, motivo, codice

    def nome(self):
        return f"block {self.numero} (README line {self.riga})"


class ReadmeIllegibile(Exception):
    pass


def blocchi(testo):
    """The ```bash blocks of the README, in order, each with how to run it."""
    righe = testo.split("\n")
    trovati, marcatore, i = [], None, 0
    while i < len(righe):
        riga = righe[i]
        m = MARCATORE.fullmatch(riga.strip())
        if m:
            marcatore = (m.group(1), i + 1)
            i += 1
            continue
        if riga.lstrip().startswith("```"):
            rientro = riga[:len(riga) - len(riga.lstrip())]
            lingua = riga.strip()[3:].strip()
            j = i + 1
            while j < len(righe) and not righe[j].strip().startswith("```"):
                j += 1
            if j == len(righe):
                raise ReadmeIllegibile(f"line {i + 1}: a code block never closed")
            codice = "\n".join(r[len(rientro):] if r.startswith(rientro) else r for r in righe[i + 1:j])
            if lingua == "bash":
                modo, motivo = "esegui", None
                if marcatore:
                    if marcatore[0] == "a server fermo":
                        modo = "fermo"
                    else:
                        s = re.fullmatch(r"non eseguito \((.+)\)", marcatore[0])
                        if not s:
                            raise ReadmeIllegibile(f"line {marcatore[1]}: unknown marker 'esempio: {marcatore[0]}'")
                        modo, motivo = "salta", s.group(1)
                trovati.append(Blocco(len(trovati) + 1, i + 1, modo, motivo, codice))
            elif marcatore:
                raise ReadmeIllegibile(f"line {marcatore[1]}: a marker before a block that is not bash")
            marcatore = None
            i = j + 1
            continue
        if riga.strip() and marcatore:
            raise ReadmeIllegibile(f"line {marcatore[1]}: the marker is not right before a ```bash block")
        i += 1
    if marcatore:
        raise ReadmeIllegibile(f"line {marcatore[1]}: a marker with no block after it")
    return trovati


def porta_libera():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copione(lista, porta):
    """The bash session: prelude, then each block between markers, the server started and stopped around them."""
    parti, acceso = [PRELUDIO], False

    def passo(nome, corpo):
        parti.append(f"echo {shlex.quote(SEGNO + ' inizio ' + nome)}")
        parti.append(corpo)
        parti.append(f"echo; echo {shlex.quote(SEGNO + ' fine ' + nome)}")

    for b in lista:
        if b.modo == "salta":
            continue
        if b.modo == "esegui" and not acceso:
            passo("avvio", "peg_avvia")
            acceso = True
        elif b.modo == "fermo" and acceso:
            passo("arresto", "peg_ferma")
            acceso = False
        passo(str(b.numero), b.codice.replace("localhost:8080", f"localhost:{porta}"))
    if acceso:
        passo("arresto", "peg_ferma")
    parti.append(f"echo {shlex.quote(SEGNO + ' tutto')}")
    return "\n".join(parti) + "\n"


def cartella_di_lavoro(base):
    """A folder whose entries link to the repository's: paths resolve as in a clone, files written stay here."""
    lavoro = os.path.join(base, "clone")
    os.makedirs(lavoro)
    for voce in os.listdir(ROOT):
        if voce != ".git":
            os.symlink(os.path.join(ROOT, voce), os.path.join(lavoro, voce))
    return lavoro


def ferma(processo, pidfile):
    """Stops the application if it still runs (gracefully, then not), then whatever is left of the session."""
    try:
        with open(pidfile) as f:
            pid = int(f.read().strip())
        os.kill(pid, signal.SIGTERM)
        limite = time.time() + 60
        while time.time() < limite:
            os.kill(pid, 0)
            time.sleep(0.5)
        os.kill(pid, signal.SIGKILL)
    except (OSError, ValueError):
        pass
    if processo is not None:
        try:
            os.killpg(processo.pid, signal.SIGKILL)
        except OSError:
            pass
        processo.wait()


def rientra(testo, n=None):
    righe = testo.rstrip("\n").split("\n") if testo.strip() else []
    if n is not None and len(righe) > n:
        righe = [f"[... {len(righe) - n} lines before]"] + righe[-n:]
    return "\n".join("    | " + r for r in righe)


def main():
    parser = argparse.ArgumentParser(description="Runs the README's examples as printed.")
    parser.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    parser.add_argument("--timeout-blocco", type=float, default=300.0, help="seconds a block (or a start) may take")
    parser.add_argument("--tieni", action="store_true", help="keep the scratch folder (data, log) at the end")
    parser.add_argument("--verboso", action="store_true", help="print every line a block writes")
    args = parser.parse_args()

    inizio = time.time()
    try:
        with open(args.readme, encoding="utf-8") as f:
            lista = blocchi(f.read())
    except (OSError, ReadmeIllegibile) as e:
        print(f"check-readme: {args.readme}: {e}", file=sys.stderr)
        return 2
    fuori = [b for b in lista if b.modo != "salta" and re.search(r"(^|[\s=@'\"])\.\./", b.codice)]
    if fuori:
        print(f"check-readme: {fuori[0].nome()} uses a path outside the repository", file=sys.stderr)
        return 2

    if not os.path.isfile(os.path.join(ROOT, JAR)):
        print(f"check-readme: {JAR} missing, building it (./mvnw -q -DskipTests package)", flush=True)
        subprocess.run(["./mvnw", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)

    base = tempfile.mkdtemp(prefix="peg-check-readme-")
    porta = porta_libera()
    env = dict(os.environ,
               PEG_DATA_DIR=os.path.join(base, "dati"), PEG_DB_PORT=str(porta_libera()), SERVER_PORT=str(porta),
               PEG_LOG=os.path.join(base, "app.log"), PEG_PIDFILE=os.path.join(base, "app.pid"),
               PEG_ATTESA_S=str(int(args.timeout_blocco)))
    env.setdefault("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1")
    for variabile in ("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD"):
        env.pop(variabile, None)   # the examples are those of the embedded default
    script = os.path.join(base, "esempi.sh")
    with open(script, "w") as f:
        f.write(copione(lista, porta))

    per_numero = {str(b.numero): b for b in lista}
    for b in lista:
        if b.modo == "salta":
            print(f"{b.nome()}: not run ({b.motivo})")
    print(f"check-readme: {sum(b.modo != 'salta' for b in lista)} of {len(lista)} blocks to run, "
          f"application on port {porta}, scratch folder {base}", flush=True)

    processo, esito = None, 1
    corrente, uscita, avviato_il, fatti = None, [], time.time(), []

    def interrotto(numero, _frame):
        raise KeyboardInterrupt(f"signal {numero}")

    signal.signal(signal.SIGTERM, interrotto)
    try:
        processo = subprocess.Popen(["bash", script], cwd=cartella_di_lavoro(base), env=env,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        selettore = selectors.DefaultSelector()
        selettore.register(processo.stdout, selectors.EVENT_READ)
        resto, finito, scaduto = b"", False, False
        while True:
            if corrente and time.time() - avviato_il > args.timeout_blocco + 30:
                scaduto = True
                break
            if not selettore.select(timeout=1):
                continue
            pezzo = os.read(processo.stdout.fileno(), 65536)
            if not pezzo:
                break
            resto += pezzo
            *righe, resto = resto.split(b"\n")
            for grezza in righe:
                riga = grezza.decode("utf-8", "replace")
                if riga.startswith(SEGNO + " inizio "):
                    corrente, uscita, avviato_il = riga.split()[-1], [], time.time()
                elif riga.startswith(SEGNO + " fine "):
                    durata = time.time() - avviato_il
                    b = per_numero.get(corrente)
                    nome = b.nome() if b else {"avvio": "start of the application",
                                               "arresto": "stop of the application"}[corrente]
                    mostrate = uscita if args.verboso else [r for r in uscita if not RIGA_DI_LOG.match(r)]
                    nascoste = len(uscita) - len(mostrate)
                    testo = "\n".join(mostrate) + (f"\n[{nascoste} log lines left out]" if nascoste else "")
                    print(f"{nome}: ok in {durata:.1f} s" + (" (server stopped)" if b and b.modo == "fermo" else ""))
                    if testo.strip():
                        print(rientra(testo, None if args.verboso else 12))
                    sys.stdout.flush()
                    fatti.append(corrente)
                    corrente = None
                elif riga == SEGNO + " tutto":
                    finito = True
                elif corrente is not None:
                    uscita.append(riga)
                    if args.verboso:
                        print("    | " + riga, flush=True)
        if resto and corrente is not None:
            uscita.append(resto.decode("utf-8", "replace"))
        if not scaduto:
            processo.wait()
        if finito and processo.returncode == 0:
            esito = 0
        else:
            b = per_numero.get(corrente)
            nome = b.nome() if b else {"avvio": "the start of the application", "arresto": "the stop of the application",
                                       None: "the bash session"}.get(corrente, corrente)
            motivo = (f"still running after {args.timeout_blocco + 30:.0f} s" if scaduto
                      else f"bash exited with status {processo.returncode}")
            print(f"\ncheck-readme: FAILED at {nome}: {motivo}", flush=True)
            if b:
                print("  the block:\n" + rientra(b.codice))
            print("  its output:\n" + rientra("\n".join(uscita), 200))
            log = env["PEG_LOG"]
            if os.path.exists(log):
                with open(log, encoding="utf-8", errors="replace") as f:
                    print(f"  the end of the application's log ({log}):\n" + rientra(f.read(), 60))
    except KeyboardInterrupt as e:
        print(f"\ncheck-readme: interrupted ({e}) during {corrente}", flush=True)
        esito = 1
    finally:
        ferma(processo, env["PEG_PIDFILE"])
        if args.tieni:
            print(f"check-readme: scratch folder kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    durata = time.time() - inizio
    if esito == 0:
        eseguiti = sum(b.modo != "salta" for b in lista)
        print(f"check-readme: all {eseguiti} blocks ran ({len(lista) - eseguiti} not run, as marked) in {durata:.0f} s")
    else:
        print(f"check-readme: failed after {durata:.0f} s")
    return esito


if __name__ == "__main__":
    sys.exit(main())
