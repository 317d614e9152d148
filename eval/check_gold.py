#!/usr/bin/env python3
"""Re-verify every person mention offset in eval/gold/demo.json against demo/corpus."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__)); CORPUS = os.path.join(HERE, "..", "demo", "corpus")
gold = json.load(open(os.path.join(HERE, "gold", "demo.json"), encoding="utf-8"))
texts = {}
for name in os.listdir(CORPUS):
    p = os.path.join(CORPUS, name)
    if name.endswith(".txt"):
        texts[name] = open(p, encoding="cp1256" if ".cp1256." in name else "utf-8-sig").read()
    elif name.endswith(".jsonl"):
        for line in open(p, encoding="utf-8"):
            r = json.loads(line); texts[r["id"]] = r["text"]
bad = n = 0
for per in gold["persons"]:
    for m in per["mentions"]:
        n += 1
        t = texts.get(m["doc"])
        if t is None or t[m["start"]:m["end"]] != m["text"]:
            bad += 1; print("BAD", per["key"], m)
for e in gold["events"] + gold["claims"] + gold["commitments"]:
    if e["doc"] not in gold["docs"]:
        bad += 1; print("unknown doc", e)
print(f"{n} mentions checked, {bad} problems")
sys.exit(1 if bad else 0)
