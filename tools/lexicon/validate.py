#!/usr/bin/env python3
"""Validate the lexicon TSV files in crates/alaqat-extract/data/."""
import datetime, os, re, sys
D = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "crates", "alaqat-extract", "data")
def load(name):
    rows, hdr = [], None
    for n, line in enumerate(open(os.path.join(D, name), encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("#") or not line: continue
        cells = line.split("\t")
        if hdr is None: hdr = cells; continue
        if len(cells) != len(hdr): err(f"{name}:{n}: {len(cells)} cells, expected {len(hdr)}")
        elif not cells[0].strip(): err(f"{name}:{n}: empty first column")
        elif any(c != c.strip() for c in cells): err(f"{name}:{n}: stray whitespace")
        rows.append(dict(zip(hdr, cells)))
    return rows
E = []
def err(m): E.append(m)
def date_ok(s):
    if not s: return True
    try:
        if re.fullmatch(r"\d{4}", s): return True
        datetime.date.fromisoformat(s); return True
    except ValueError: return False
c = load("countries.tsv"); iso = {r["iso3"] for r in c}
for f in ["places.tsv", "organizations.tsv", "titles.tsv", "persons.tsv", "months.tsv", "weekdays.tsv", "numbers.tsv", "currencies.tsv"]:
    rows = load(f)
    if f in ("places.tsv", "persons.tsv"):
        for r in rows:
            if r["iso3"] and r["iso3"] not in iso: err(f"{f}: unknown iso3 {r['iso3']}")
            for k in ("valid_from", "valid_to", "term_from", "term_to"):
                if k in r and not date_ok(r[k]): err(f"{f}: bad date {r[k]!r} in {r[list(r)[0]]}")
    if f == "places.tsv":
        ids = {r["id"] for r in rows}
        if len(ids) != len(rows): err("places: duplicate ids")
        for r in rows:
            if r["same_as"] and r["same_as"] not in ids: err(f"places: bad same_as {r['same_as']}")
            for k in ("lat", "lon"):
                if r[k] and not re.fullmatch(r"-?\d+\.\d{4}", r[k]): err(f"places: bad {k} {r[k]}")
    if f == "persons.tsv":
        for r in rows:
            if r["term_from"] and r["term_to"] and r["term_from"][:4] > r["term_to"][:4]: err(f"persons: term order {r['id']}")
    if f == "months.tsv":
        for r in rows:
            if not 1 <= int(r["month"]) <= 12: err(f"months: {r}")
    print(f"{f}: {len(rows)} rows")
print(f"countries.tsv: {len(c)} rows")
for m in E: print("ERROR", m)
sys.exit(1 if E else 0)
