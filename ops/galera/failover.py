#!/usr/bin/env python3
"""Failover of the event store's Galera cluster under load, on one machine.

A three-node MariaDB Galera cluster (ops/galera/cluster.sh on loopback, client ports
$GALERA_BASE_PORT+1..3, base 25300 unless set), two command-side and two query-side processes of the
same jar reaching it through Connector/J's sequential mode (every connection to the first live node),
and client threads sending commands, each with its own Idempotency-Key. A client retries every
answer that is not definitive (no answer, 5xx, 409 conflitto-concorrente) with the SAME key until it
gets a 2xx: a command in flight when its node dies has an unknown outcome, and the retry must make it
exactly once whichever node committed it. Any other 4xx is a failure. Four faults, one after the other,
each under load:
  1. kill -9 of the node taking the writes (the one holding the application's connections);
  2. that node started again: it rejoins by IST (an incremental transfer from the gcache, not an SST);
  3. kill -9 of another node (the one taking the writes now, unless it is the first), started again;
  4. the node taking the writes frozen with SIGSTOP for longer than evs.inactive_timeout (15 s),
     then SIGCONT: it must not come back accepting writes the others never saw.
After each, with the load paused, checks and figures:
  - every acknowledged command has exactly one event on every live node (objectives, phases, and the
    consuntivi per objective, phase and month), none lost, none doubled, none without an acknowledgement;
  - no 500 and no definitive 4xx among the answers;
  - every live node holds the same store: events (count, highest global index, CHECKSUM TABLE) and
    the head of the hash chain (sigillo_evento), sealed up to the last event; GET /api/audit/verifica
    through each command side says the chain holds, with that head;
  - the query sides' processors catch up (ritardoEventi 0) with no dead letter, and nothing was
    skipped: each objective's scheda on both query sides shows exactly its acknowledged consuntivi
    and its storico has one entry per stored event;
  - figures: commands acknowledged, lost, doubled, the longest gap between two acknowledgements around
    the fault (the time to fail over) against the longest just before it, the longest a client waited
    for one command's acknowledgement (retries included), the processors' catch-up time, the answers
    that were retried, the application's connections per node, and for a rejoin whether it was IST or
    SST (the node's error.log).
At the end every projection is rebuilt from the store and must equal what the processors built live.
Prints PASS/FAIL lines, the figures, 'N passed, M failed' and the elapsed time; ends every process it
started (the JVMs by pid, the cluster through cluster.sh stop); exits 1 on any failure. Logs and the
cluster's data directories stay in target/galera-failover/ (each run starts from an empty cluster).

    GALERA_BASE_PORT=25300 python3 ops/galera/failover.py

Variables: GALERA_BASE_PORT, FAILOVER_CLIENTS (8 threads), FAILOVER_INTERVALLO_S (each client's pause after
an acknowledgement, 0.2 s), FAILOVER_PAUSA_S (how long the writer stays frozen, 20 s), FAILOVER_TIMEOUT_S
(bound on the whole run, 600 s).
"""
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from collaudo import ENTE, esegui, esito, http, porta_libera, prepara_ente, pronto  # noqa: E402  (ops/collaudo.py)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "app", "target", "app.jar")
CLUSTER = os.path.join(ROOT, "ops", "galera", "cluster.sh")
WORK = os.path.join(ROOT, "target", "galera-failover")
GALERA_DIR = os.path.join(WORK, "cluster")
# not 23300 (cluster.sh's default) nor 24300: other clusters may run on this machine meanwhile
BASE = int(os.environ.get("GALERA_BASE_PORT", "25300"))
NODI = (1, 2, 3)
INIZIO = time.time()
DEADLINE = INIZIO + float(os.environ.get("FAILOVER_TIMEOUT_S", "600"))
CLIENTI = int(os.environ.get("FAILOVER_CLIENTS", "8"))
# longer than evs.inactive_timeout (15 s in cluster.sh): the others evict the frozen node meanwhile
PAUSA_S = float(os.environ.get("FAILOVER_PAUSA_S", "20"))
# each client waits this long after each acknowledgement: a steady load of a few tens of commands/s
# that leaves the two cores room for the nodes' state transfers and the processors
INTERVALLO_S = float(os.environ.get("FAILOVER_INTERVALLO_S", "0.2"))
ANNO = time.localtime().tm_year - 1  # a past year: its twelve months all take a consuntivo
FASI = 4
PROCESSI = []
AMBIENTE_CLUSTER = {**os.environ, "GALERA_BASE_PORT": str(BASE), "GALERA_DIR": GALERA_DIR}
TIPI = {"it.comuni.peg.api.obiettivo.ObiettivoDefinito": "obiettivo",
        "it.comuni.peg.api.fase.FasePianificata": "fase",
        "it.comuni.peg.api.consuntivo.ConsuntivoRegistrato": "consuntivo"}


def ora():
    return time.strftime("%H:%M:%S")


def nota(messaggio):
    print(ora(), "    ", messaggio, flush=True)


def attendi(condizione, secondi, intervallo=1.0):
    """Polls until condizione() is true (returns True) or the time, or the run's deadline, is up."""
    limite = min(time.time() + secondi, DEADLINE)
    while time.time() < limite:
        if condizione():
            return True
        time.sleep(intervallo)
    return False


# ---- the cluster -------------------------------------------------------------------------------

def cluster(*argomenti, timeout=400):
    """Runs cluster.sh with this run's base port and directory; (exit code, output)."""
    with open(os.path.join(WORK, "cluster.log"), "a") as log:
        log.write(f"--- {ora()} cluster.sh {' '.join(argomenti)}\n")
        r = subprocess.run(["bash", CLUSTER, *argomenti], env=AMBIENTE_CLUSTER, capture_output=True,
                           text=True, timeout=timeout)
        log.write(r.stdout + r.stderr)
    return r.returncode, (r.stdout + r.stderr).strip()


def sql(nodo, testo, timeout=15):
    """Rows (lists of strings) of the last result of testo on node nodo, as root; None if it fails."""
    try:
        r = subprocess.run(["bash", CLUSTER, "righe", str(nodo), testo], env=AMBIENTE_CLUSTER,
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if r.returncode != 0:
        return None
    return [riga.split("\t") for riga in r.stdout.splitlines()]


def vista(nodo):
    """The node's view of the cluster: {state, status, size, conf_id}, or None if it does not answer."""
    righe = sql(nodo, "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_cluster_status',"
                      " 'wsrep_cluster_size', 'wsrep_cluster_conf_id')", timeout=5)
    if not righe:
        return None
    valori = dict(righe)
    return {"stato": valori.get("wsrep_local_state_comment"), "componente": valori.get("wsrep_cluster_status"),
            "nodi": int(valori.get("wsrep_cluster_size", 0)), "vista": int(valori.get("wsrep_cluster_conf_id", -1))}


def cluster_intero():
    """Every node Synced in one primary component of three, all in the same view (a node just woken from
    SIGSTOP still reports the view it froze in, older than the others')."""
    viste = [vista(n) for n in NODI]
    return all(v and v["stato"] == "Synced" and v["componente"] == "Primary" and v["nodi"] == 3 for v in viste) \
        and len({v["vista"] for v in viste}) == 1


def connessioni_peg():
    """Per live node, how many connections the application holds there (PROCESSLIST, user peg)."""
    conteggi = {}
    for n in NODI:
        righe = sql(n, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER='peg'", timeout=5)
        if righe:
            conteggi[n] = int(righe[0][0])
    return conteggi


def scrittore(escluso=None):
    """The node taking the writes: the one with most of the application's connections."""
    conteggi = connessioni_peg()
    candidati = {n: c for n, c in conteggi.items() if n != escluso and c > 0}
    return (max(candidati, key=candidati.get) if candidati else None), conteggi


def log_nodo(nodo):
    return os.path.join(GALERA_DIR, f"nodo{nodo}", "error.log")


def dimensione(percorso):
    return os.path.getsize(percorso) if os.path.exists(percorso) else 0


def trasferimento(nodo, da_byte):
    """IST or SST, from what the node's error.log says after da_byte, with the line that says it.

    With rsync the SST script runs on every join, even for an IST ("SST received" is logged both
    ways): what tells them apart is the script's "rsync SST/IST completed on joiner" and Galera's own
    "Receiving IST: N writesets".
    """
    with open(log_nodo(nodo), errors="replace") as f:
        f.seek(da_byte)
        righe = f.read().splitlines()
    sst = [r for r in righe if "SST completed on joiner" in r]
    ist = [r for r in righe if "Receiving IST:" in r]
    if sst:
        return "SST", sst[-1].strip()
    if ist:
        return "IST", ist[-1].strip()
    return "nessuno", (righe[-1].strip() if righe else "")


# ---- the application ---------------------------------------------------------------------------

def avvia_jvm(nome, argomenti, ambiente):
    log = open(os.path.join(WORK, nome + ".log"), "w")
    # C1 only: it halves the CPU of each start-up on two cores, and nothing measured here depends on C2
    processo = subprocess.Popen(["java", "-Xmx384m", "-XX:TieredStopAtLevel=1"] + argomenti, stdout=log,
                                stderr=subprocess.STDOUT, env={**os.environ, **ambiente}, cwd=WORK)
    PROCESSI.append(processo)
    return processo


class Carico:
    """Client threads sending commands, each retried with its Idempotency-Key until a definitive answer.

    Each thread works through objectives of its own: defines one, plans its phases, then records a
    consuntivo per phase and month (percentages growing with the month), then the next objective;
    every request goes to the next command side in turn, so a retry usually reaches the other one.
    Acknowledgements are kept per command, keyed as the store is counted: ("obiettivo", id),
    ("fase", id, numero), ("consuntivo", id, fase, "YYYY-MM"); each non-2xx answer too.
    """

    def __init__(self, porte_comando):
        self.porte = porte_comando
        self.turno = 0
        self.blocco = threading.Lock()
        self.riconosciuti = {}   # key -> time of the 2xx
        self.tempi = []          # times of every 2xx, in arrival order
        self.attese = []         # (time of the 2xx, s from the command's first attempt to it, retries included)
        self.risposte = []       # (time, status, problem type or text) of every answer that was not a 2xx
        self.definitivi = []     # (key, status, body): a 4xx that is not a conflict to retry
        self.irrisolti = []      # commands still unsettled when the run's deadline came
        self.in_marcia = threading.Event()
        self.fine = threading.Event()
        self.fermi = 0
        self.fili = [threading.Thread(target=self.cliente, args=(i,), daemon=True) for i in range(CLIENTI)]

    def avvia(self):
        self.in_marcia.set()
        for f in self.fili:
            f.start()

    def riprendi(self):
        self.in_marcia.set()

    def ferma(self, secondi=120):
        """Lets every thread settle the command it is on (retries included), then holds them; True if all did."""
        self.in_marcia.clear()
        return attendi(lambda: self.fermi == CLIENTI, secondi, 0.1)

    def termina(self):
        self.fine.set()
        self.in_marcia.set()

    def porta(self):
        with self.blocco:
            self.turno += 1
            return self.porte[self.turno % len(self.porte)]

    def invia(self, chiave, percorso, corpo, utente):
        """Sends until a definitive answer, always with one Idempotency-Key; (status, body) of the last.

        chiave is the command's key in the acknowledgements, or a function of the 2xx body giving it.
        """
        intestazioni = {"Idempotency-Key": str(uuid.uuid4())}
        primo_invio = time.time()
        while True:
            stato, risposta = http("POST", self.porta(), percorso, corpo, utente, intestazioni, timeout=40)
            adesso = time.time()
            if 200 <= stato < 300:
                with self.blocco:
                    self.riconosciuti[chiave(risposta) if callable(chiave) else chiave] = adesso
                    self.tempi.append(adesso)
                    self.attese.append((adesso, adesso - primo_invio))
                time.sleep(INTERVALLO_S)
                return stato, risposta
            tipo = risposta.get("type", "") if isinstance(risposta, dict) else str(risposta)[:120]
            with self.blocco:
                self.risposte.append((adesso, stato, tipo))
            da_ripetere = stato == 0 or stato >= 500 or (stato == 409 and tipo.endswith("conflitto-concorrente"))
            if not da_ripetere:
                with self.blocco:
                    self.definitivi.append((percorso if callable(chiave) else chiave, stato, risposta))
                return stato, risposta
            if adesso > DEADLINE:
                with self.blocco:
                    self.irrisolti.append((percorso if callable(chiave) else chiave, stato, tipo))
                return stato, risposta
            time.sleep(0.25)

    def cliente(self, indice):
        try:
            self.lavora(indice)
        except Exception as e:  # a client that stops is a failure, and must not hold the others' pause
            esito(False, f"client {indice} stopped: {e!r}")
            with self.blocco:
                self.fermi += 1

    def lavora(self, indice):
        numero = 0
        while not self.fine.is_set():
            numero += 1
            if not self.pausa_se_chiesto():
                return
            # the objective's key is its id, known from the answer: the store knows it by that
            stato, corpo = self.invia(lambda r: ("obiettivo", r["id"]), "/api/obiettivi", {
                "ente": ENTE, "anno": ANNO, "titolo": f"Obiettivo {indice}-{numero}",
                "settore": {"codice": "SASTER", "nome": "Assetto", "responsabile": "GENTILI LUCA"},
                "pesoIndicatori": 50, "pesoFasi": 50}, "controllo")
            if stato != 201:
                continue
            o = corpo["id"]
            elenco = [(("fase", o, f), f"/api/obiettivi/{o}/fasi", {"numero": f, "titolo": f"Fase {f}"}, "controllo")
                      for f in range(1, FASI + 1)]
            elenco += [(("consuntivo", o, f, f"{ANNO}-{m:02d}"), f"/api/obiettivi/{o}/fasi/{f}/consuntivi",
                        {"mese": f"{ANNO}-{m:02d}", "svolta": True, "percentuale": min(100, m * 8)}, "dirigente")
                       for m in range(1, 13) for f in range(1, FASI + 1)]
            for chiave, percorso, richiesta, utente in elenco:
                if not self.pausa_se_chiesto():
                    return
                stato, _ = self.invia(chiave, percorso, richiesta, utente)
                if not 200 <= stato < 300:
                    break  # refused for good (already a failure): the rest of this objective would be refused too

    def pausa_se_chiesto(self):
        """Waits while the load is held; False once the run is over."""
        if not self.in_marcia.is_set():
            with self.blocco:
                self.fermi += 1
            self.in_marcia.wait()
            with self.blocco:
                self.fermi -= 1
        return not self.fine.is_set()

    def riconosciuti_tra(self, da, a):
        with self.blocco:
            return {k for k, t in self.riconosciuti.items() if da <= t <= a}

    def buco_piu_lungo(self, da, a):
        """The longest time without any acknowledgement between da and a (s), counted from the last one before da."""
        with self.blocco:
            tempi = sorted(self.tempi)
        prima = [t for t in tempi if t < da]
        dentro = ([prima[-1]] if prima else [da]) + [t for t in tempi if da <= t <= a] + [a]
        return max(b - a_ for a_, b in zip(dentro, dentro[1:]))

    def attesa_piu_lunga(self, da, a):
        """The longest a client waited for one command's acknowledgement (s, retries included), among those acknowledged between da and a."""
        with self.blocco:
            return max((d for t, d in self.attese if da <= t <= a), default=0.0)

    def risposte_tra(self, da, a):
        conteggio = {}
        with self.blocco:
            for t, stato, tipo in self.risposte:
                if da <= t <= a:
                    nome = "nessuna risposta" if stato == 0 else f"{stato} {tipo.rsplit('/', 1)[-1]}"
                    conteggio[nome] = conteggio.get(nome, 0) + 1
        return conteggio


# ---- what the store and the views hold ---------------------------------------------------------

def eventi_per_comando(nodo):
    """{key: number of events} on node nodo, keyed as Carico keys its acknowledgements; None if it cannot be read."""
    # wsrep_sync_wait: the read waits until the node has applied everything the cluster committed before it
    righe = sql(nodo, "SET SESSION wsrep_sync_wait=1; "
                      "SELECT payload_type, aggregate_identifier, "
                      "COALESCE(JSON_VALUE(CONVERT(payload USING utf8mb4), '$.fase'), "
                      "         JSON_VALUE(CONVERT(payload USING utf8mb4), '$.numero'), ''), "
                      "COALESCE(JSON_VALUE(CONVERT(payload USING utf8mb4), '$.mese'), ''), COUNT(*) "
                      "FROM domain_event_entry WHERE payload_type IN ('" + "','".join(TIPI) + "') "
                      "GROUP BY 1, 2, 3, 4", timeout=30)
    if righe is None:
        return None
    conteggi = {}
    for tipo, aggregato, fase, mese, n in righe:
        genere = TIPI[tipo]
        if genere == "obiettivo":
            chiave = (genere, aggregato)
        elif genere == "fase":
            chiave = (genere, aggregato, int(fase))
        else:
            chiave = (genere, aggregato, int(fase), mese)
        conteggi[chiave] = int(n)
    return conteggi


def impronta_store(nodo):
    """What must be equal on every node, or None: events (count, highest global index, CHECKSUM TABLE), seals
    (count, CHECKSUM TABLE) and the chain's head (index, hash). Equal seal tables and an intact chain
    through one node mean the chain verifies on every node."""
    righe = sql(nodo, "SET SESSION wsrep_sync_wait=1; "
                      "SELECT (SELECT COUNT(*) FROM domain_event_entry), (SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry), "
                      "(SELECT COUNT(*) FROM sigillo_evento), "
                      "COALESCE((SELECT CONCAT(global_index, ' ', hash) FROM sigillo_evento ORDER BY global_index DESC LIMIT 1), '0 -')")
    somme = sql(nodo, "CHECKSUM TABLE domain_event_entry, sigillo_evento")
    if not righe or not somme or len(somme) != 2:
        return None
    eventi, massimo, sigilli, testa = righe[0]
    indice, hash_ = testa.split(" ")
    return {"eventi": int(eventi), "indiceMassimo": int(massimo), "checksumEventi": somme[0][1], "sigilli": int(sigilli),
            "testa": int(indice), "hash": hash_, "checksumSigilli": somme[1][1]}


def processori(porta):
    stato, corpo = http("GET", porta, "/api/admin/processori", utente="amministratore", timeout=10)
    return corpo if stato == 200 and isinstance(corpo, list) else None


def in_pari(porte_lettura):
    """Every processor of every query side at the head of the store (ritardoEventi 0)."""
    for porta in porte_lettura:
        elenco = processori(porta)
        if not elenco or any(p.get("ritardoEventi") not in (0, None) or p.get("posizione") is None for p in elenco):
            return False
    return True


def consuntivi_visti(porta, o):
    stato, corpo = http("GET", porta, f"/api/obiettivi/{o}", utente="nucleo")
    if stato != 200:
        return None
    return {("consuntivo", o, f["numero"], c["mese"]) for f in corpo["fasi"] for c in f["consuntivi"]}


class Prova:
    """The run: the cluster, the four processes, the load, the faults and the checks."""

    def __init__(self):
        self.porte = {}
        self.carico = None
        self.spenti = set()   # nodes killed and not started again

    def vivi(self):
        return [n for n in NODI if n not in self.spenti]

    def prepara(self):
        if not os.path.exists(JAR):
            subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
        if os.path.isdir(GALERA_DIR):
            cluster("destroy", timeout=180)  # this run's own directory only: its nodes are stopped by their pids
        shutil.rmtree(WORK, ignore_errors=True)
        os.makedirs(WORK)
        inizio = time.time()
        rc, uscita = cluster("start")
        if not esito(rc == 0, f"three-node Galera cluster started in {time.time() - inizio:.0f} s on ports"
                              f" {BASE + 1}-{BASE + 3} (log cluster.log)" + ("" if rc == 0 else f": {uscita[-600:]}")):
            raise RuntimeError("cluster not started: see " + os.path.join(WORK, "cluster.log"))
        _, url = cluster("url")
        ambiente = {"SPRING_DATASOURCE_URL": url, "SPRING_DATASOURCE_USERNAME": "peg", "SPRING_DATASOURCE_PASSWORD": "peg",
                    "AXONIQ_UPDATE_CHECKER_DISABLED": "true"}
        comuni = ["--spring.config.additional-location=file:" + os.path.join(ROOT, "ops", "split", "utenti.yml"),
                  "--logging.level.root=warn"]
        lanciatori = {"c": "it.comuni.peg.command.CommandSideApplication", "q": "it.comuni.peg.query.QuerySideApplication"}
        # the first alone: it migrates the schema; then the first query side, which creates the token
        # segments of each processor (two query sides starting at the same instant would both try, see
        # ops/split-topology.py), with the second command side, which has no processor; then the second
        for gruppo in (["c1"], ["q1", "c2"], ["q2"]):
            avviati, lanciato = {}, time.time()
            for nome in gruppo:
                self.porte[nome] = porta_libera()
                avviati[nome] = avvia_jvm(nome, [f"-Dloader.main={lanciatori[nome[0]]}", "-jar", JAR,
                                                 f"--server.port={self.porte[nome]}"] + comuni, ambiente)
            attendi(lambda: all(pronto(self.porte[n]) or p.poll() is not None for n, p in avviati.items()), 240)
            for nome, processo in avviati.items():
                if not esito(processo.poll() is None and pronto(self.porte[nome]),
                             f"{nome} ready {time.time() - lanciato:.0f} s after its start (port {self.porte[nome]},"
                             f" log {nome}.log)"):
                    raise RuntimeError(f"{nome} not ready: see {os.path.join(WORK, nome + '.log')}")
        falliti = prepara_ente(self.porte["c1"])
        if not esito(not falliti, f"ente {ENTE} registered with its organigramma and accessi" + (f": {falliti}" if falliti else "")):
            raise RuntimeError("ente not prepared")
        self.carico = Carico([self.porte["c1"], self.porte["c2"]])
        self.carico.avvia()

    def fase(self, titolo, guasto, dopo=None):
        """Load, the fault, load until the acknowledgements flow again, then the load held and every check.

        guasto() injects the fault and returns what to say of it; dopo(), if given, runs once the
        acknowledgements flow again (a restart), returning lines to report.
        """
        self.carico.riprendi()
        inizio = time.time()
        # a steady load first (the first phase starts on JVMs that have served no request yet)
        def costante():
            adesso = time.time()
            return adesso - inizio >= 5 and len(self.carico.riconosciuti_tra(adesso - 3, adesso)) >= 30 \
                and self.carico.buco_piu_lungo(adesso - 3, adesso) < 1.5
        attendi(costante, 40, 0.25)
        t_guasto = time.time()
        descrizione = guasto()
        nota(f"{titolo}: {descrizione}")
        fine_guasto = time.time()
        # the load goes on until acknowledgements have flowed again for 4 s in a row
        def riprese():
            adesso = time.time()
            return adesso - fine_guasto > 4 and len(self.carico.riconosciuti_tra(max(fine_guasto, adesso - 4), adesso)) >= 10 \
                and self.carico.buco_piu_lungo(adesso - 4, adesso) < 2
        ripreso = attendi(riprese, 90, 0.25)
        esito(ripreso, f"{titolo}: commands acknowledged again after the fault")
        righe_dopo = dopo() if dopo else []
        fermo = self.carico.ferma()
        t_fermo = time.time()
        esito(fermo, f"{titolo}: every client settled its last command (retries included) once the load was held")
        buco = self.carico.buco_piu_lungo(t_guasto, t_fermo)
        attesa = self.carico.attesa_piu_lunga(t_guasto, t_fermo)
        buco_prima = self.carico.buco_piu_lungo(t_guasto - 3, t_guasto)
        ritmo = len(self.carico.riconosciuti_tra(t_guasto - 3, t_guasto)) / 3
        in_pari_al = time.time() if attendi(lambda: in_pari([self.porte["q1"], self.porte["q2"]]), 120, 0.5) else None
        riconosciuti = self.carico.riconosciuti_tra(inizio, t_fermo)
        figure = self.verifica(titolo, riconosciuti)
        risposte = self.carico.risposte_tra(inizio, t_fermo)
        recupero = f"{in_pari_al - t_guasto:.1f} s after the fault ({in_pari_al - t_fermo:.1f} s after the load was held)" \
            if in_pari_al else "NOT within 120 s"
        esito(in_pari_al is not None, f"{titolo}: the query sides' processors are at the head of the store, {recupero}")
        print(f"         FIGURES {titolo}: {len(riconosciuti)} commands acknowledged, {figure['persi']} lost, "
              f"{figure['doppi']} doubled; longest gap between acknowledgements {buco:.1f} s around the fault "
              f"({buco_prima:.1f} s in the 3 s before it, at {ritmo:.0f} commands/s); the longest a client waited for one"
              f" acknowledgement {attesa:.1f} s; processors at the head {recupero}; answers retried or refused: "
              f"{risposte or 'none'}", flush=True)
        for riga in righe_dopo:
            print(f"         FIGURES {titolo}: {riga}", flush=True)

    def verifica(self, titolo, riconosciuti_fase):
        """Every check on the store, the chain and the views, with the load held; the phase's lost and doubled."""
        carico = self.carico
        with carico.blocco:
            riconosciuti = dict(carico.riconosciuti)
            definitivi = list(carico.definitivi)
            irrisolti = list(carico.irrisolti)
            cinquecento = [(t, s, tipo) for t, s, tipo in carico.risposte if s == 500]
        esito(not cinquecento, f"{titolo}: no 500 so far ({len(cinquecento)}: {cinquecento[:3]})")
        esito(not definitivi and not irrisolti, f"{titolo}: every command acknowledged in the end, none refused for good"
              f" ({definitivi[:3]}) or unsettled ({irrisolti[:3]})")

        # the chain sealed up to the last event before the stores are compared
        def sigillato():
            s, v = http("GET", self.porte["c1"], "/api/audit/verifica", utente="nucleo", timeout=60)
            return s == 200 and v.get("eventiInAttesaDiSigillo") == 0
        sigillato_ok = attendi(sigillato, 90)
        figure = {"persi": 0, "doppi": 0}
        impronte = {}
        for n in self.vivi():
            conteggi = eventi_per_comando(n)
            impronte[n] = impronta_store(n)
            if conteggi is None or impronte[n] is None:
                esito(False, f"{titolo}: the store of nodo{n} cannot be read ({vista(n)})")
                continue
            persi = [k for k in riconosciuti if conteggi.get(k, 0) == 0]
            doppi = [k for k in riconosciuti if conteggi.get(k, 0) > 1]
            estranei = [k for k in conteggi if k not in riconosciuti]
            consuntivi = sum(1 for k in riconosciuti if k[0] == "consuntivo")
            esito(not persi and not doppi and not estranei,
                  f"{titolo}: nodo{n} holds exactly one event per acknowledged command ({len(riconosciuti)} commands,"
                  f" {consuntivi} consuntivi): {len(persi)} lost {persi[:2]}, {len(doppi)} doubled {doppi[:2]},"
                  f" {len(estranei)} without an acknowledgement {estranei[:2]}")
            figure["persi"] = max(figure["persi"], sum(1 for k in persi if k in riconosciuti_fase))
            figure["doppi"] = max(figure["doppi"], sum(1 for k in doppi if k in riconosciuti_fase))
        lette = {n: i for n, i in impronte.items() if i}
        uguali = len(set(json.dumps(i, sort_keys=True) for i in lette.values())) == 1 and len(lette) == len(self.vivi())
        esito(uguali, f"{titolo}: the live nodes {sorted(lette)} hold the same store: {lette}")
        qualunque = next(iter(lette.values()), None)
        esito(sigillato_ok and qualunque is not None and qualunque["testa"] == qualunque["indiceMassimo"]
              and qualunque["sigilli"] == qualunque["eventi"],
              f"{titolo}: the chain is sealed up to the last event (head {qualunque and qualunque['testa']},"
              f" highest global index {qualunque and qualunque['indiceMassimo']})")
        for c in ("c1", "c2"):
            s, v = http("GET", self.porte[c], "/api/audit/verifica", utente="nucleo", timeout=60)
            esito(s == 200 and v.get("integra") is True and v.get("eventiInAttesaDiSigillo") == 0
                  and qualunque is not None and v.get("hashDiTesta") == qualunque["hash"],
                  f"{titolo}: /api/audit/verifica through {c}: {v if s == 200 else (s, v)}")

        # the views: nothing skipped by the processors resuming from their tokens
        for q in ("q1", "q2"):
            elenco = processori(self.porte[q]) or []
            parcheggiati = {p["nome"]: p["deadLetters"] for p in elenco if p.get("deadLetters")}
            esito(elenco and not parcheggiati, f"{titolo}: no event parked by {q}'s processors ({parcheggiati})")
        obiettivi = [k[1] for k in riconosciuti if k[0] == "obiettivo"]
        per_obiettivo = {}
        for k in riconosciuti:
            if k[0] == "consuntivo":
                per_obiettivo.setdefault(k[1], set()).add(k)
        for q in ("q1", "q2"):
            diversi = [o for o in obiettivi if consuntivi_visti(self.porte[q], o) != per_obiettivo.get(o, set())]
            esito(not diversi, f"{titolo}: {q}'s scheda of each of the {len(obiettivi)} objectives shows exactly its"
                  f" acknowledged consuntivi ({len(diversi)} differ: {diversi[:2]})")
        return figure

    def storico_completo(self):
        """Each objective's storico, on each query side, has one entry per event of its stream in the store."""
        nodo = self.vivi()[0]
        # the objectives' streams only: the store also holds the ente's organigramma, which has no storico
        righe = sql(nodo, "SET SESSION wsrep_sync_wait=1; SELECT aggregate_identifier, COUNT(*) FROM domain_event_entry"
                          " WHERE type = 'Obiettivo' GROUP BY aggregate_identifier") or []
        per_aggregato = {a: int(n) for a, n in righe}
        for q in ("q1", "q2"):
            diversi = []
            for o, n in per_aggregato.items():
                s, corpo = http("GET", self.porte[q], f"/api/obiettivi/{o}/storico", utente="nucleo")
                if s != 200 or corpo.get("totale") != n or len(corpo.get("voci", [])) != n:
                    diversi.append((o, n, corpo.get("totale") if isinstance(corpo, dict) else s))
            esito(per_aggregato and not diversi, f"{q}: the storico of each of the {len(per_aggregato)} objectives has one"
                  f" entry per stored event ({len(diversi)} differ: {diversi[:2]})")

    def viste(self, porta):
        obiettivi = sorted(k[1] for k in self.carico.riconosciuti if k[0] == "obiettivo")
        return {o: (http("GET", porta, f"/api/obiettivi/{o}", utente="nucleo")[1],
                    http("GET", porta, f"/api/obiettivi/{o}/storico", utente="nucleo")[1]) for o in obiettivi}

    def ricostruzione(self):
        """Every projection rebuilt from the store equals what the processors built live, on both query sides."""
        prima = {q: self.viste(self.porte[q]) for q in ("q1", "q2")}
        inizio = time.time()
        stato, corpo = http("POST", self.porte["q1"], "/api/admin/proiezioni/ricostruzione", {}, "amministratore")
        esito(stato == 202, f"fresh rebuild of every projection started through q1 ({stato} {corpo if stato != 202 else ''})")

        def finita():
            s, elenco = http("GET", self.porte["q1"], "/api/admin/proiezioni", utente="amministratore")
            return s == 200 and not any(p.get("inRicostruzione") for p in elenco) \
                and all(http("GET", self.porte[q], f"/api/obiettivi/{next(iter(prima['q1']))}", utente="nucleo")[0] == 200
                        for q in ("q1", "q2"))
        esito(attendi(finita, 180), f"the rebuild ended and both query sides serve again, {time.time() - inizio:.0f} s")
        attendi(lambda: in_pari([self.porte["q1"], self.porte["q2"]]), 60, 0.5)
        for q in ("q1", "q2"):
            dopo = self.viste(self.porte[q])
            diversi = [o for o in prima[q] if prima[q][o] != dopo.get(o)]
            esito(prima[q] and not diversi, f"{q}: the scheda and storico of each of the {len(prima[q])} objectives equal"
                  f" a fresh rebuild ({len(diversi)} differ: {diversi[:2]})")

    # ---- the faults --------------------------------------------------------------------------

    def uccidi(self, nodo):
        cluster("kill", str(nodo), timeout=30)
        self.spenti.add(nodo)

    def riavvia(self, nodo):
        """Starts nodo again; returns (seconds until Synced, IST or SST, the log line that says so)."""
        da_byte = dimensione(log_nodo(nodo))
        inizio = time.time()
        rc, uscita = cluster("restart", str(nodo), timeout=300)
        secondi = time.time() - inizio
        if rc == 0:
            self.spenti.discard(nodo)
        tipo, riga = trasferimento(nodo, da_byte)
        esito(rc == 0, f"nodo{nodo} started again and Synced in {secondi:.0f} s" + ("" if rc == 0 else f": {uscita[-600:]}"))
        esito(tipo == "IST", f"nodo{nodo} rejoined by {tipo} ({riga[-160:]})")
        return secondi, tipo, riga

    def esegui(self):
        self.prepara()
        primo, conteggi = scrittore()
        nota(f"the application's connections per node: {conteggi}")

        def uccidi_scrittore():
            self.primo, conteggi = scrittore()
            self.uccidi(self.primo)
            return f"kill -9 nodo{self.primo}, the node taking the writes (application connections per node {conteggi})"
        self.fase("kill of the writer", uccidi_scrittore)

        def riavvio():
            return f"nodo{self.primo} started again while the load runs"
        riavviato = {}

        def dopo_riavvio():
            secondi, tipo, riga = self.riavvia(self.primo)
            riavviato.update(secondi=secondi, tipo=tipo)
            return [f"nodo{self.primo} Synced {secondi:.0f} s after its start, rejoined by {tipo}",
                    f"application connections per node now {connessioni_peg()}"]
        self.fase("restart and rejoin", riavvio, dopo_riavvio)
        self.storico_completo()

        def uccidi_altro():
            self.secondo, conteggi = scrittore(escluso=self.primo)
            self.uccidi(self.secondo)
            return f"kill -9 nodo{self.secondo} (application connections per node {conteggi})"

        def dopo_secondo():
            secondi, tipo, _ = self.riavvia(self.secondo)
            return [f"nodo{self.secondo} started again: Synced in {secondi:.0f} s, rejoined by {tipo}",
                    f"application connections per node now {connessioni_peg()}"]
        self.fase("kill of another node", uccidi_altro, dopo_secondo)

        def congela():
            self.congelato, conteggi = scrittore()
            self.da_byte = dimensione(log_nodo(self.congelato))
            cluster("pause", str(self.congelato), timeout=30)
            time.sleep(PAUSA_S)
            altri = {n: vista(n) for n in NODI if n != self.congelato}
            cluster("resume", str(self.congelato), timeout=30)
            self.ripreso = time.time()
            esito(all(v and v["componente"] == "Primary" and v["nodi"] == 2 for v in altri.values()),
                  f"while nodo{self.congelato} was frozen the others evicted it and went on as a primary component"
                  f" of two: {altri}")
            return (f"nodo{self.congelato} (application connections per node {conteggi}) frozen with SIGSTOP for"
                    f" {PAUSA_S:.0f} s, then SIGCONT")

        def dopo_congelamento():
            ok = attendi(cluster_intero, 120, 0.5)
            tipo, riga = trasferimento(self.congelato, self.da_byte)
            esito(ok, f"nodo{self.congelato} back in the cluster, Synced, {time.time() - self.ripreso:.0f} s after SIGCONT"
                      f" ({ {n: vista(n) for n in NODI} })")
            esito(tipo == "IST", f"nodo{self.congelato} rejoined by {tipo} ({riga[-160:]})")
            return [f"nodo{self.congelato} rejoined by {tipo} after SIGCONT",
                    f"application connections per node now {connessioni_peg()}"]
        self.fase("SIGSTOP of the writer", congela, dopo_congelamento)
        self.storico_completo()
        self.ricostruzione()


def main():
    prova = Prova()
    try:
        prova.esegui()
    finally:
        if prova.carico:
            prova.carico.termina()


def chiudi():
    """The cluster stopped (cluster.sh stop: by the pids in this run's directory, a frozen node woken first)."""
    if os.path.isdir(GALERA_DIR):
        rc, uscita = cluster("stop", timeout=240)
        if rc != 0:
            esito(False, f"cluster.sh stop: {uscita[-400:]}")
    print(f"elapsed {time.time() - INIZIO:.0f} s", flush=True)


if __name__ == "__main__":
    esegui(main, PROCESSI, chiudi)
