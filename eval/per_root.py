#!/usr/bin/env python3
"""Recall and precision per CAMEO root of an alaqat export against a gold annotation.

usage: per_root.py GOLD.json EXPORT.json [--scorer path/to/score.py] [--details]

Matching is the shared scorer's own (`score.py`, imported, not copied): per document, greedy
and one-to-one, required gold events first. A gold event counts for the root of its `code`; a
predicted event for the root of its own code. Recall of a root: its required gold events that
were matched / its required gold events. Precision: its predicted events compatible with some
gold event of the document (optional ones included) / its predicted events. Printed for the
strict match (code, direction, date) and the lenient one (root, countries). `--details` lists,
per document, the gold events missed and the predictions matching nothing.
"""
import argparse
import importlib.util
import json
import os
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("alaqat_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documents(gold, export):
    docs = {}
    for d in export.get("documents", []):
        for key in ("source", "id", "url", "path"):
            name = os.path.basename(str(d.get(key) or "").rstrip("/"))
            if name in gold["docs"]:
                docs[name] = d
                break
    return docs


def root(code):
    return str(code)[:2]


def table(score, gold, docs, strict):
    recall_hit, recall_all = defaultdict(int), defaultdict(int)
    prec_hit, prec_all = defaultdict(int), defaultdict(int)
    _, _, _, _, matched = score.match_events(gold, docs, strict)
    for i, g in enumerate(gold["events"]):
        if g["optional"]:
            continue
        recall_all[root(g["code"])] += 1
        if i in matched:
            recall_hit[root(g["code"])] += 1
    for doc in gold["docs"]:
        gl = [g for g in gold["events"] if g["doc"] == doc]
        for p in (docs.get(doc) or {}).get("events", []):
            r = root(p.get("code", ""))
            prec_all[r] += 1
            if any(score.compatible(g, p, strict) for g in gl):
                prec_hit[r] += 1
    return recall_hit, recall_all, prec_hit, prec_all


def fmt(hit, total):
    return f"{hit / total:5.2f} ({hit:>3}/{total:<3})" if total else "    -         "


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("export")
    ap.add_argument("--scorer", default=os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--lenient", action="store_true", help="details by the lenient match")
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    gold = json.load(open(args.gold, encoding="utf-8"))
    export = json.load(open(args.export, encoding="utf-8"))
    docs = documents(gold, export)
    strict = table(score, gold, docs, True)
    lenient = table(score, gold, docs, False)
    print("per CAMEO root: recall over required gold events, precision over predicted events")
    print(f"{'root':<5}{'strict recall':<17}{'strict precision':<18}{'lenient recall':<17}{'lenient precision':<17}")
    roots = sorted(set(strict[1]) | set(strict[3]) | set(lenient[1]) | set(lenient[3]))
    for r in roots:
        print(f"{r:<5}{fmt(strict[0][r], strict[1][r]):<17}{fmt(strict[2][r], strict[3][r]):<18}"
              f"{fmt(lenient[0][r], lenient[1][r]):<17}{fmt(lenient[2][r], lenient[3][r]):<17}")
    if not args.details:
        return 0
    strict_details = not args.lenient
    _, _, _, _, matched = score.match_events(gold, docs, strict_details)
    for doc in gold["docs"]:
        gl = [(i, g) for i, g in enumerate(gold["events"]) if g["doc"] == doc]
        preds = (docs.get(doc) or {}).get("events", [])
        missed = [g for i, g in gl if not g["optional"] and i not in matched]
        spurious = [p for p in preds if not any(score.compatible(g, p, strict_details) for _, g in gl)]
        if not missed and not spurious:
            continue
        print(f"\n## {doc}")
        for g in missed:
            date = (g["date"] or {}).get("start", "-")
            print(f"  missed  {g['code']} {g['source']}->{g['target']} {date}  {g['note']}")
        for p in spurious:
            date = (p.get("date") or {}).get("start", "-")
            src, tgt = p.get("source") or {}, p.get("target") or {}
            quote = ((p.get("evidence") or {}).get("text") or "")[:110].replace("\n", " ")
            print(f"  extra   {p.get('code')} {src.get('actor')}->{tgt.get('actor')} {date} {p.get('modality')}  {quote}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
