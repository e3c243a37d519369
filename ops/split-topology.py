#!/usr/bin/env python3
"""The scaled-out topology on one machine, under load, with a process killed.

One MariaDB (the embedded one, run standalone), two command-side and two query-side processes of
the same jar. Concurrent RegistraConsuntivo commands on the same objectives are spread over both
command sides; midway one query side is killed with SIGKILL. Checks, through the HTTP API only:
  - every accepted command has exactly one event (the consuntivi of each objective, as the query
    side shows them, are exactly the accepted ones) and every refused one got 409 or 412;
  - both query sides held segments of each projection while both were alive;
  - the survivor takes over every segment, and the projections equal a fresh rebuild.
Prints PASS/FAIL lines and 'N passed, M failed'; ends every process it started.
"""
import concurrent.futures
import os
import random
import shutil
import signal
import subprocess
import time

from collaudo import ENTE, esegui, esito, http, porta_libera, prepara_ente, pronto  # ops/collaudo.py, beside this script

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "app", "target", "app.jar")
WORK = os.path.join(ROOT, "target", "split-topology")
DEADLINE = time.time() + float(os.environ.get("SPLIT_TIMEOUT_S", "900"))
PROCESSI = []


def avvia(nome, argomenti, ambiente=None):
    log = open(os.path.join(WORK, nome + ".log"), "w")
    processo = subprocess.Popen(["java", "-Xmx512m"] + argomenti, stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, **(ambiente or {})}, cwd=WORK)
    PROCESSI.append(processo)
    return processo


def attendi(condizione, secondi, cosa):
    limite = min(time.time() + secondi, DEADLINE)
    while time.time() < limite:
        if condizione():
            return True
        time.sleep(1)
    return esito(False, f"in attesa di: {cosa}")


def main():
    if not os.path.exists(JAR):
        subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-DskipTests", "package"], cwd=ROOT, check=True)
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    porta_db = porta_libera()
    avvia("mariadb", ["-Dloader.main=it.comuni.peg.platform.database.ServerMariaDb", "-jar", JAR,
                      os.path.join(WORK, "db"), str(porta_db), "peg"])
    attendi(lambda: "MariaDB pronto" in open(os.path.join(WORK, "mariadb.log")).read(), 180, "MariaDB")
    ambiente = {"SPRING_DATASOURCE_URL": f"jdbc:mariadb://127.0.0.1:{porta_db}/peg",
                "SPRING_DATASOURCE_USERNAME": "root", "SPRING_DATASOURCE_PASSWORD": "",
                "AXONIQ_UPDATE_CHECKER_DISABLED": "true"}
    comuni = ["--spring.config.additional-location=file:" + os.path.join(ROOT, "ops", "split", "utenti.yml"),
              "--logging.level.root=warn"]
    porte = {"c1": porta_libera(), "c2": porta_libera(), "q1": porta_libera(), "q2": porta_libera()}
    lanciatori = {"c": "it.comuni.peg.command.CommandSideApplication", "q": "it.comuni.peg.query.QuerySideApplication"}
    processi = {}
    # one after the other: the first migrates the schema, and two query sides starting at the same
    # instant would both try to create the token segments of each processor (a duplicate key that
    # stops the second one's start-up); once the segments exist, any number can join
    for nome in ["c1", "q1", "c2", "q2"]:
        processi[nome] = avvia(nome, [f"-Dloader.main={lanciatori[nome[0]]}", "-jar", JAR,
                                      f"--server.port={porte[nome]}"] + comuni, ambiente)
        attendi(lambda n=nome: pronto(porte[n]), 300, nome)
    esito(all(pronto(p) for p in porte.values()), "two command sides and two query sides ready on one MariaDB "
          + str(porte))
    tutti_pronti = time.time()
    falliti = prepara_ente(porte["c1"])
    esito(not falliti, f"ente {ENTE} registered with its organigramma and accessi" + (f": {falliti}" if falliti else ""))

    anno = time.localtime().tm_year
    mese_corrente = time.localtime().tm_mon
    obiettivi = []
    for i in range(6):
        stato, corpo = http("POST", porte["c1"], "/api/obiettivi", {
            "ente": ENTE, "anno": anno, "titolo": f"Obiettivo {i}",
            "settore": {"codice": "SASTER", "nome": "Assetto", "responsabile": "GENTILI LUCA"},
            "pesoIndicatori": 50, "pesoFasi": 50}, "controllo")
        ok = stato == 201
        for fase in range(1, 5):
            s, _ = http("POST", porte["c2" if fase % 2 else "c1"], f"/api/obiettivi/{corpo['id']}/fasi",
                        {"numero": fase, "titolo": f"Fase {fase}"}, "controllo")
            ok = ok and s == 200
        esito(ok, f"objective {i} with 4 phases defined through both command sides")
        obiettivi.append(corpo["id"])

    # the second query side joined last: the two share the segments of each processor within a
    # bound (the balancer's period plus Axon's claim interval), before the load starts
    def segmenti(risposta, nome):
        if not isinstance(risposta, list):
            return 0
        return next((p["segmentiRivendicati"] for p in risposta if p["nome"] == nome), 0)

    def condivisi():
        risposte = {q: http("GET", porte[q], "/api/admin/processori", utente="amministratore")[1] for q in ("q1", "q2")}
        return all(segmenti(risposte[q], p) > 0 for q in ("q1", "q2") for p in ("scheda", "storico"))
    esito(attendi(condivisi, 90, "both query sides holding segments"),
          f"both query sides hold segments of each projection, {time.time() - tutti_pronti:.0f} s after the"
          " second one was ready")

    # (objective, phase, month): each one once, months growing with the percentage so that any
    # arrival order keeps progress cumulative; half claim a version with If-Match
    compiti = [(o, f, m) for o in obiettivi for f in range(1, 5) for m in range(1, mese_corrente + 1)]
    random.Random(42).shuffle(compiti)
    accettati, rifiutati, altri = {}, {}, []

    def invia(indice_compito):
        o, f, m = compiti[indice_compito]
        porta = porte["c1" if indice_compito % 2 == 0 else "c2"]
        intestazioni = {"If-Match": '"4"'} if indice_compito % 7 == 0 else {}
        stato, corpo = http("POST", porta, f"/api/obiettivi/{o}/fasi/{f}/consuntivi",
                            {"mese": f"{anno}-{m:02d}", "svolta": True, "percentuale": min(100, m * 8)},
                            "dirigente", intestazioni)
        return (o, f, m), stato, corpo

    uccisa = False
    segmenti_condivisi = None
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futuri = [pool.submit(invia, i) for i in range(len(compiti))]
        for n, futuro in enumerate(concurrent.futures.as_completed(futuri)):
            chiave, stato, corpo = futuro.result()
            if 200 <= stato < 300:
                accettati[chiave] = corpo
            elif stato in (409, 412):
                rifiutati[chiave] = stato
            else:
                altri.append((chiave, stato, corpo))
            if n == len(compiti) // 3 and not uccisa:
                segmenti_condivisi = {q: http("GET", porte[q], "/api/admin/processori", utente="amministratore")[1]
                                      for q in ("q1", "q2")}
                processi["q2"].send_signal(signal.SIGKILL)
                processi["q2"].wait()
                uccisa = True
                print(time.strftime("%H:%M:%S"), "     query side 2 killed with SIGKILL mid-load", flush=True)
    esito(not altri, f"{len(compiti)} concurrent commands over two command sides: {len(accettati)} accepted,"
          f" {len(rifiutati)} refused with 409/412, {len(altri)} other answers {altri[:3]}")

    for proiezione in ("scheda", "storico"):
        per_nodo = {q: segmenti(segmenti_condivisi.get(q), proiezione) for q in ("q1", "q2")} if segmenti_condivisi else {}
        esito(per_nodo and all(v > 0 for v in per_nodo.values()),
              f"while both lived, both query sides held segments of {proiezione}: {per_nodo}")

    def raggiunto():
        stato, corpo = http("GET", porte["q1"], "/api/admin/processori", utente="amministratore")
        if stato != 200:
            return False
        scheda = next((p for p in corpo if p["nome"] == "scheda"), None)
        return scheda and scheda["segmentiRivendicati"] == scheda["segmentiTotali"] and scheda["ritardoEventi"] == 0
    esito(attendi(raggiunto, 120, "query side 1 holds every segment and has caught up"),
          "the surviving query side took over every segment of scheda and caught up")

    def consuntivi_di(o, porta=None):
        stato, corpo = http("GET", porta or porte["q1"], f"/api/obiettivi/{o}", utente="nucleo")
        if stato != 200:
            return None
        return {(o, f["numero"], int(c["mese"][5:7])) for f in corpo["fasi"] for c in f["consuntivi"]}

    visti = set()
    for o in obiettivi:
        visti |= consuntivi_di(o) or set()
    esito(visti == set(accettati), f"every accepted command has exactly one consuntivo in the views"
          f" ({len(visti)} seen, {len(accettati)} accepted; missing {len(set(accettati) - visti)},"
          f" unexpected {len(visti - set(accettati))})")

    prima = {o: http("GET", porte["q1"], f"/api/obiettivi/{o}", utente="nucleo")[1] for o in obiettivi}
    stato, _ = http("POST", porte["q1"], "/api/admin/proiezioni/scheda/ricostruzione", {}, "amministratore")
    esito(stato == 202, f"fresh rebuild of scheda started ({stato})")

    def ricostruita():
        stato, corpo = http("GET", porte["q1"], "/api/admin/proiezioni", utente="amministratore")
        return stato == 200 and all(not p.get("inRicostruzione", False) for p in corpo if p.get("proiezione") == "scheda") \
            and http("GET", porte["q1"], f"/api/obiettivi/{obiettivi[0]}", utente="nucleo")[0] == 200
    attendi(ricostruita, 180, "the rebuild of scheda")
    time.sleep(2)
    dopo = {o: http("GET", porte["q1"], f"/api/obiettivi/{o}", utente="nucleo")[1] for o in obiettivi}
    esito(prima == dopo, "after the kill, the live scheda of every objective equals a fresh rebuild")

    # four processes sealed concurrently committed events, one at a time under the database lock
    def sigillati():
        stato, corpo = http("GET", porte["c2"], "/api/audit/verifica", utente="nucleo", timeout=120)
        return stato == 200 and corpo["eventiInAttesaDiSigillo"] == 0
    attendi(sigillati, 120, "every event sealed")
    stato, verifica = http("GET", porte["c1"], "/api/audit/verifica", utente="nucleo", timeout=120)
    esito(stato == 200 and verifica["integra"] and verifica["eventiInAttesaDiSigillo"] == 0,
          f"the hash chain holds over all {verifica.get('eventiVerificati')} events, head {verifica.get('hashDiTesta')}")


if __name__ == "__main__":
    esegui(main, PROCESSI)
