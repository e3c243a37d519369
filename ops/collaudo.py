"""What the ops scripts that drive the application over HTTP share (split-topology.py, galera/failover.py).

esito() prints one PASS or FAIL line and counts it in RISULTATI; http() sends one request with HTTP
Basic (each demo user's password is its name) and answers (status, parsed JSON or text), status 0
when no answer came; porta_libera() is a free loopback port; pronto() says whether a process answers
its readiness probe UP; ferma() ends the processes a script started, the last started first;
esegui() runs a script's checks and ends it the same way for all; prepara_ente() gives a store the
ente the scripts work in (ENTE), with the organigramma and accessi their users need.
"""
import base64
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

RISULTATI = {"pass": 0, "fail": 0}


def esito(ok, messaggio):
    """Prints 'HH:MM:SS PASS|FAIL messaggio', counts it, returns ok."""
    RISULTATI["pass" if ok else "fail"] += 1
    print(time.strftime("%H:%M:%S"), "PASS" if ok else "FAIL", messaggio, flush=True)
    return ok


def porta_libera():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(metodo, porta, percorso, corpo=None, utente=None, intestazioni=None, timeout=30):
    """(status, parsed JSON or text) of one request to 127.0.0.1:porta; status 0 when no answer came
    (refused, reset, timed out), with the error's text."""
    richiesta = urllib.request.Request(f"http://127.0.0.1:{porta}{percorso}", method=metodo)
    if utente:
        richiesta.add_header("Authorization", "Basic " + base64.b64encode(f"{utente}:{utente}".encode()).decode())
    for k, v in (intestazioni or {}).items():
        richiesta.add_header(k, v)
    dati = None
    if corpo is not None:
        dati = json.dumps(corpo).encode()
        richiesta.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(richiesta, data=dati, timeout=timeout) as r:
            testo = r.read().decode()
            return r.status, (json.loads(testo) if testo else None)
    except urllib.error.HTTPError as e:
        testo = e.read().decode()
        try:
            return e.code, json.loads(testo)
        except ValueError:
            return e.code, testo
    except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError) as e:
        return 0, str(e)


ENTE = "c_prova"


def prepara_ente(porta, ente=ENTE):
    """As the installation's administrator, through the API of the command side on porta: registers the
    ente, its settore SASTER with the ufficio UEDPRI, GENTILI LUCA (M001) as the settore's responsabile
    from 2000 on, and grants controllo (controllo di gestione), dirigente (M001) and nucleo their roles
    there. Each step may already have been done (409 from a second run is fine). Returns the list of the
    steps that failed, as (step, status, answer)."""
    passi = [
        ("POST", "/api/enti", {"ente": ente, "nome": "Comune di prova"}),
        ("POST", f"/api/enti/{ente}/strutture", {"codice": "SASTER", "nome": "ASSETTO E GESTIONE DEL TERRITORIO",
                                                 "tipo": "SETTORE", "dal": "2000-01-01"}),
        ("POST", f"/api/enti/{ente}/strutture", {"codice": "UEDPRI", "nome": "EDILIZIA PRIVATA", "tipo": "UFFICIO",
                                                 "settore": "SASTER", "dal": "2000-01-01"}),
        ("POST", f"/api/enti/{ente}/persone", {"identificativo": "M001", "nome": "GENTILI LUCA"}),
        ("POST", f"/api/enti/{ente}/incarichi", {"incarico": "SASTER-M001", "struttura": "SASTER", "persona": "M001",
                                                 "tipo": "TITOLARE", "dal": "2000-01-01", "atto": "Decreto sindacale"}),
        ("PUT", f"/api/enti/{ente}/accessi/controllo", {"ruolo": "CONTROLLO_GESTIONE"}),
        ("PUT", f"/api/enti/{ente}/accessi/dirigente", {"ruolo": "DIRIGENTE", "persona": "M001"}),
        ("PUT", f"/api/enti/{ente}/accessi/nucleo", {"ruolo": "NUCLEO"}),
    ]
    falliti = []
    for metodo, percorso, corpo in passi:
        stato, risposta = http(metodo, porta, percorso, corpo, "amministratore")
        if not (200 <= stato < 300 or stato == 409):
            falliti.append((f"{metodo} {percorso}", stato, risposta))
    return falliti


def pronto(porta):
    """The process on porta answers /actuator/health/readiness with status UP."""
    stato, corpo = http("GET", porta, "/actuator/health/readiness", timeout=5)
    return stato == 200 and isinstance(corpo, dict) and corpo.get("status") == "UP"


def ferma(processi):
    """SIGTERM to each process still running (the last started first), SIGKILL to any not ended 60 s later."""
    for p in reversed(processi):
        if p.poll() is None:
            p.terminate()
    for p in reversed(processi):
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def esegui(principale, processi, chiusura=None):
    """Runs principale(): a crash of it is a FAIL, never a silent pass. Then, whatever happened, ends the
    processes in processi, runs chiusura() if given (its crash a FAIL too), prints 'N passed, M failed'
    and exits 1 on any failure, else 0."""
    try:
        principale()
    except Exception as e:
        esito(False, f"the script failed: {e!r}")
    finally:
        ferma(processi)
        if chiusura:
            try:
                chiusura()
            except Exception as e:
                esito(False, f"the script failed while ending: {e!r}")
        print(f"{RISULTATI['pass']} passed, {RISULTATI['fail']} failed", flush=True)
        sys.exit(1 if RISULTATI["fail"] else 0)
