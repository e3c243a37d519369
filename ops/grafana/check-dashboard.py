#!/usr/bin/env python3
"""Checks a Grafana dashboard JSON for file provisioning (no Grafana needed).

    python3 ops/grafana/check-dashboard.py ops/grafana/dashboards/peg.json [--rules RULES.yml ...]
        [--promql-out FILE.yml]

Checks: valid JSON; title, uid, schemaVersion, a datasource variable DS_PROMETHEUS used by every
panel and target; unique panel ids; every panel with a type, a title and a gridPos inside the
24-column grid, no two panels overlapping; every non-row panel with at least one target, each
with a unique refId and a non-empty expr. With --rules (repeatable), every alert of each rules
file must be named by some panel (title or description). Every metric of the PEG contract and every
metric the Galera alerts read (from the cluster's mysqld exporters) must be queried.
With --promql-out, writes every expr (Grafana variables replaced by sample values) as recording
rules, so that `promtool check rules FILE.yml` checks them as PromQL.
"""
import json
import re
import sys

CONTRACT = [
    "up", "peg_database_up", "peg_event_processor_running", "peg_event_processor_segments_claimed",
    "peg_event_processor_lag_events", "peg_event_processor_stalled_seconds", "peg_dead_letters", "peg_comandi_seconds_count",
    "peg_comandi_seconds_bucket", "peg_obiettivi", "peg_fasi_in_ritardo",
    "peg_consuntivi_registrati_total", "peg_rimodulazioni_total", "peg_comandi_rifiutati_total",
    "peg_import_total", "http_server_requests_seconds_count", "hikaricp_connections_active",
    "jvm_memory_used_bytes", "process_cpu_usage",
    "peg_checkpoint_eta_secondi", "peg_checkpoint_total", "peg_checkpoint_falliti_total",
    # Galera (ops/prometheus/rules/galera-alerts.yml), as prometheus-mysqld-exporter 0.14 names them
    "mysql_up", "mysql_global_status_wsrep_cluster_size", "mysql_global_status_wsrep_local_state",
    "mysql_global_status_wsrep_flow_control_paused_ns",
]
SAMPLE_VALUES = {"${DS_PROMETHEUS}": "", "$__rate_interval": "1m", "$__interval": "15s",
                 "$__range": "6h", "$job": "peg", "$instance": ".*"}
KNOWN_TYPES = {"row", "stat", "timeseries", "table", "bargauge", "gauge", "state-timeline",
               "piechart", "text", "alertlist", "heatmap", "status-history", "barchart"}


def all_panels(panels):
    for p in panels:
        yield p
        yield from all_panels(p.get("panels", []))


def substitute(expr):
    for k in sorted(SAMPLE_VALUES, key=len, reverse=True):
        expr = expr.replace(k, SAMPLE_VALUES[k])
    return expr


def main(argv):
    args = argv[1:]
    rules, promql_out = [], None
    while "--rules" in args:
        i = args.index("--rules"); rules.append(args[i + 1]); del args[i:i + 2]
    if "--promql-out" in args:
        i = args.index("--promql-out"); promql_out = args[i + 1]; del args[i:i + 2]
    if len(args) != 1:
        print(__doc__); return 2
    path = args[0]
    errors = []
    try:
        with open(path, encoding="utf-8") as f:
            dash = json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL {path}: not valid JSON: {e}"); return 1

    for key in ("title", "uid", "schemaVersion", "panels", "templating"):
        if key not in dash:
            errors.append(f"missing top-level key {key!r}")
    if not isinstance(dash.get("schemaVersion"), int) or dash.get("schemaVersion", 0) < 36:
        errors.append(f"schemaVersion {dash.get('schemaVersion')!r}: expected an int >= 36")
    if dash.get("id") not in (None,):
        errors.append("id must be null for provisioning (Grafana assigns it)")
    variables = {v.get("name"): v for v in dash.get("templating", {}).get("list", [])}
    ds_var = variables.get("DS_PROMETHEUS")
    if not ds_var or ds_var.get("type") != "datasource" or ds_var.get("query") != "prometheus":
        errors.append("templating needs a datasource variable DS_PROMETHEUS of type prometheus")
    for name, v in variables.items():
        if v.get("type") == "query" and v.get("datasource", {}).get("uid") != "${DS_PROMETHEUS}":
            errors.append(f"variable {name}: datasource must be ${{DS_PROMETHEUS}}")

    ids, boxes, exprs, text = set(), [], [], []
    for p in all_panels(dash.get("panels", [])):
        pid, title = p.get("id"), p.get("title") or ""
        where = f"panel {pid} {title!r}"
        if not isinstance(pid, int):
            errors.append(f"{where}: id must be an int")
        elif pid in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(pid)
        if p.get("type") not in KNOWN_TYPES:
            errors.append(f"{where}: unknown type {p.get('type')!r}")
        if not title:
            errors.append(f"{where}: no title")
        g = p.get("gridPos") or {}
        if not all(isinstance(g.get(k), int) for k in ("h", "w", "x", "y")):
            errors.append(f"{where}: gridPos needs int h, w, x, y")
        else:
            if g["w"] < 1 or g["h"] < 1 or g["x"] < 0 or g["y"] < 0 or g["x"] + g["w"] > 24:
                errors.append(f"{where}: gridPos {g} outside the 24-column grid")
            for other, og in boxes:
                if (g["x"] < og["x"] + og["w"] and og["x"] < g["x"] + g["w"]
                        and g["y"] < og["y"] + og["h"] and og["y"] < g["y"] + g["h"]):
                    errors.append(f"{where}: overlaps {other}")
            boxes.append((where, g))
        text.append(title + " " + (p.get("description") or ""))
        if p.get("type") in ("row", "text"):
            continue
        if (p.get("datasource") or {}).get("uid") != "${DS_PROMETHEUS}":
            errors.append(f"{where}: datasource uid must be ${{DS_PROMETHEUS}}")
        targets = p.get("targets") or []
        if not targets:
            errors.append(f"{where}: no targets")
        refs = set()
        for t in targets:
            if not (t.get("expr") or "").strip():
                errors.append(f"{where}: target {t.get('refId')} has no expr")
            if t.get("refId") in refs or not t.get("refId"):
                errors.append(f"{where}: missing or duplicate refId {t.get('refId')!r}")
            refs.add(t.get("refId"))
            if (t.get("datasource") or {}).get("uid", "${DS_PROMETHEUS}") != "${DS_PROMETHEUS}":
                errors.append(f"{where}: target {t.get('refId')} uses another datasource")
            exprs.append((where, t.get("refId"), t.get("expr") or ""))

    all_exprs = "\n".join(e for _, _, e in exprs)
    for metric in CONTRACT:
        if not re.search(r"(?<![A-Za-z0-9_])" + re.escape(metric) + r"(?![A-Za-z0-9_])", all_exprs):
            errors.append(f"no panel queries {metric}")
    joined = "\n".join(text)
    for rules_file in rules:
        with open(rules_file, encoding="utf-8") as f:
            alerts = re.findall(r"^\s*-\s*alert:\s*(\S+)", f.read(), re.M)
        for a in alerts:
            if a not in joined:
                errors.append(f"no panel names alert {a} ({rules_file})")
        if not alerts:
            errors.append(f"no alerts found in {rules_file}")

    if promql_out:
        with open(promql_out, "w", encoding="utf-8") as f:
            f.write("# generated by ops/grafana/check-dashboard.py: the dashboard's queries as PromQL\n")
            f.write("groups:\n  - name: dashboard-queries\n    rules:\n")
            for i, (_, _, e) in enumerate(exprs):
                f.write(f"      - record: dashboard:query_{i}\n        expr: {json.dumps(substitute(e))}\n")

    panels_n = sum(1 for p in all_panels(dash.get("panels", [])) if p.get("type") != "row")
    if errors:
        for e in errors:
            print(f"FAIL {path}: {e}")
        return 1
    print(f"OK {path}: {panels_n} panels, {len(exprs)} queries, schemaVersion {dash['schemaVersion']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
