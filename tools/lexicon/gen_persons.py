#!/usr/bin/env python3
"""Generate crates/alaqat-extract/data/persons.tsv from the office-holder sources.

Sources: tools/lexicon/officeholders/*.tsv, one row per (person, office term):
    id iso3 sector role_en role_ar term_from term_to ar_names en_names given_ar source
`curated.tsv` is the hand table written for the seed and demo stories; the other files are
compiled per region from public lists of office-holders (the `source` column names the list).
The generator checks every row (country or organization code, office in data/offices.tsv,
dates, names of two words or more outside curated.tsv), merges the rows of one person, adds the
spellings Arabic news uses for the same name (ييف/يف endings, عبد ال/عبدال) and writes one table.
A person's spellings are written on their first row only: the extractor reads names per person.

usage: gen_persons.py [--check]   (--check: validate and report, write nothing)
"""
import glob, os, re, sys
from collections import OrderedDict, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
DATA = os.path.join(ROOT, "crates", "alaqat-extract", "data")
SOURCES = os.path.join(HERE, "officeholders")
COLS = ["id", "iso3", "sector", "role_en", "role_ar", "term_from", "term_to", "ar_names", "en_names", "given_ar", "source"]
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "BUS"}


def column(path, n):
    out = set()
    for i, line in enumerate(open(path, encoding="utf-8")):
        if i == 0 or line.startswith("#") or not line.strip():
            continue
        out.add(line.rstrip("\n").split("\t")[n])
    return out


def variants_ar(form):
    """Spellings of one Arabic name that news also uses."""
    out = [form]
    words = form.split(" ")
    for i, w in enumerate(words):
        alts = []
        if w.endswith("ييف"):
            alts.append(w[:-3] + "يف")
        elif w.endswith("يف") and not w.endswith("ييف") and len(w) > 4:
            alts.append(w[:-2] + "ييف")
        if w.endswith("ييفا"):
            alts.append(w[:-4] + "يفا")
        for a in alts:
            out.append(" ".join(words[:i] + [a] + words[i + 1:]))
    # عبد الله / عبدالله: both are written.
    for f in list(out):
        if "عبد ال" in f:
            out.append(f.replace("عبد ال", "عبدال"))
        elif re.search(r"عبدال", f):
            out.append(f.replace("عبدال", "عبد ال"))
    return out


def stamp(d):
    return (d + "-00-00")[:10] if d else "9999-99-99"


def main():
    check = "--check" in sys.argv
    countries = column(os.path.join(DATA, "countries.tsv"), 0) | column(os.path.join(DATA, "organizations.tsv"), 0)
    offices = column(os.path.join(DATA, "offices.tsv"), 0)
    files = sorted(glob.glob(os.path.join(SOURCES, "*.tsv")), key=lambda p: (os.path.basename(p) != "curated.tsv", p))
    errors, warnings = [], []
    people = OrderedDict()  # id -> {"first": en first form, "ar": [...], "en": [...], "given": str, "rows": [...]}
    seen_terms = set()
    for path in files:
        name = os.path.basename(path)
        curated = name == "curated.tsv"
        lines = open(path, encoding="utf-8").read().split("\n")
        header = lines[0].split("\t")
        if header != COLS:
            errors.append(f"{name}:1: header must be {' '.join(COLS)}")
            continue
        for n, line in enumerate(lines[1:], start=2):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != len(COLS):
                errors.append(f"{name}:{n}: {len(cells)} columns, not {len(COLS)}")
                continue
            r = dict(zip(COLS, (c.strip() for c in cells)))
            where = f"{name}:{n}"
            if not re.fullmatch(r"[a-z0-9_]+", r["id"]):
                errors.append(f"{where}: id {r['id']!r} is not a lowercase slug")
            if r["iso3"] not in countries:
                errors.append(f"{where}: unknown country or organization {r['iso3']!r}")
            if r["sector"] not in SECTORS:
                errors.append(f"{where}: unknown sector {r['sector']!r}")
            if r["role_en"] not in offices:
                errors.append(f"{where}: office {r['role_en']!r} is not in data/offices.tsv")
            for k in ("term_from", "term_to"):
                if r[k] and not DATE.match(r[k]):
                    errors.append(f"{where}: {k} {r[k]!r} is not YYYY[-MM[-DD]]")
            if r["term_from"] and r["term_to"] and stamp(r["term_from"]) > stamp(r["term_to"]):
                errors.append(f"{where}: term ends before it begins")
            ar = [f for f in r["ar_names"].split("|") if f]
            en = [f for f in r["en_names"].split("|") if f]
            if not curated:
                short = [f for f in ar + en if len(f.split()) < 2]
                if short:
                    # A one-word form (a bare surname) would fire on any word spelled like it.
                    warnings.append(f"{where}: one-word names left out: {'|'.join(short)}")
                    ar = [f for f in ar if len(f.split()) >= 2]
                    en = [f for f in en if len(f.split()) >= 2]
            p = people.get(r["id"])
            if p is None:
                if not ar and not en:
                    errors.append(f"{where}: {r['id']} has no name")
                    continue
                p = people[r["id"]] = {"first": (en or ar)[0], "ar": [], "en": [], "given": r["given_ar"], "rows": []}
            elif en and p["en"] and not curated:
                # The same id must be the same person: some name word in common.
                words = lambda forms: {w.lower() for f in forms for w in f.replace("-", " ").split() if len(w) >= 2}
                if not words(en) & words(p["en"]):
                    errors.append(f"{where}: id {r['id']} is {p['first']!r} elsewhere, here {en[0]!r}")
            for f in ar:
                for v in variants_ar(f):
                    if v not in p["ar"]:
                        p["ar"].append(v)
            for f in en:
                if f not in p["en"]:
                    p["en"].append(f)
            if not p["given"]:
                p["given"] = r["given_ar"]
            term = (r["id"], r["iso3"], r["role_en"], r["term_from"][:4])
            if term in seen_terms:
                continue  # the same term from a second source: the first (curated) wins
            seen_terms.add(term)
            p["rows"].append(r)
    # Two people holding one office at the same time is a data error (acting holders aside).
    by_office = defaultdict(list)
    for pid, p in people.items():
        for r in p["rows"]:
            if r["role_en"] not in ("ambassador", "deputy prime minister", "first deputy prime minister", "vice president"):
                by_office[(r["iso3"], r["role_en"])].append((stamp(r["term_from"]), stamp(r["term_to"]), pid))
    for (iso3, role), terms in by_office.items():
        terms.sort()
        for (a0, a1, pa), (b0, b1, pb) in zip(terms, terms[1:]):
            # Terms given by year alone overlap in their year of hand-over; more than a year is suspect.
            if pa != pb and b0[:4] < a1[:4] and int(a1[:4]) - int(b0[:4]) > 1:
                warnings.append(f"{iso3} {role}: {pa} ({a0[:4]}-{a1[:4]}) overlaps {pb} ({b0[:4]}-{b1[:4]})")
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    for e in errors:
        print("error:", e, file=sys.stderr)
    rows = sum(len(p["rows"]) for p in people.values())
    countries_used = {r["iso3"] for p in people.values() for r in p["rows"]}
    print(f"{len(people)} people, {rows} office terms, {len(countries_used)} countries and organizations, "
          f"{len(errors)} errors, {len(warnings)} warnings", file=sys.stderr)
    if errors:
        sys.exit(1)
    if check:
        return
    out = os.path.join(DATA, "persons.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\t".join(COLS) + "\n")
        f.write("# generated by tools/lexicon/gen_persons.py from tools/lexicon/officeholders/*.tsv; edit those\n")
        for pid, p in people.items():
            for i, r in enumerate(p["rows"]):
                names = (("|".join(p["ar"]), "|".join(p["en"]), p["given"]) if i == 0 else ("", "", ""))
                f.write("\t".join([pid, r["iso3"], r["sector"], r["role_en"], r["role_ar"], r["term_from"], r["term_to"],
                                   *names, r["source"]]) + "\n")


if __name__ == "__main__":
    main()
