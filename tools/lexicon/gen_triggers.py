#!/usr/bin/env python3
"""Generate crates/alaqat-extract/data/triggers.tsv from the lemma lexicons.

Inputs (hand-written, format in crates/alaqat-extract/data/README.md):
  verbs_ar.tsv            one Arabic verb (or event noun) per row, by lemma, with its frame
  verbs_en.tsv            one English verb or noun per row, by lemma
  trigger_phrases_ar.tsv  fixed Arabic phrases and blocks (patterns as matched, `*` allowed)
  trigger_phrases_en.tsv  the same for English
Output: triggers.tsv, one row per surface form: `pattern lang code frame pos object prep origin`.
A pattern ending in `+` lets an object or possessive pronoun follow inside the word (قصفه,
زيارتها); one ending in `*` lets anything follow (only from the phrase files).

Arabic: the 3rd person forms news uses are generated from the perfect and imperfect of the
3rd person masculine singular: perfect m/f singular, dual and plural (قصف قصفت قصفا قصفتا
قصفوا قصفن), imperfect with ي/ت, dual, plural and the subjunctive/jussive plural (يقصف تقصف
يقصفان يقصفون يقصفوا), the future with س, object suffixes; weak verbs by the letter their
perfect ends in (ى: رمى رمت رموا يرمي يرمون; ا: دعا دعت دعوا يدعو). Passives are spelled like
actives once the text is unvocalized. Verbal nouns get the dual, the ت stem before suffixes
(مهاجمته) and the accusative (هجوما); the article and proclitics are matched by the scanner.
English: -s/-es/-ies, -ed/-d/-ied, -ing with e-drop, unless the row gives irregular forms; a
phrase inflects its first word. Run from the repository root: python3 tools/lexicon/gen_triggers.py
"""
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "crates", "alaqat-extract", "data")
CAMEO = os.path.join(ROOT, "crates", "alaqat-model", "data", "cameo.tsv")

FRAMES = {"directed", "mutual", "meet", "visit", "host", "letter", "undergo", "threaten", "demand", "appeal",
          "intend", "reject", "deny", "block"}
PREPS_AR = {"على": "on", "ضد": "against", "ب": "bi", "الى": "to", "إلى": "to", "ل": "li", "مع": "with", "من": "from",
            "عن": "about", "لدى": "at", "في": "in", "تجاه": "toward", "بين": "between"}
PREPS_EN = {"against": "against", "on": "on", "at": "in", "with": "with", "from": "from", "to": "to", "into": "to",
            "over": "about", "for": "for", "in": "in", "about": "about", "between": "between", "toward": "toward"}

errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    """The lexicon key fold of alaqat_text::normalize_word, for de-duplication only."""
    out = []
    for c in s:
        o = ord(c)
        if 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED or c == "\u0640":
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ة": "ه", "ؤ": "و"}.get(c, c)
        out.append(c.lower())
    return re.sub(r"\s+", " ", "".join(out)).strip()


def read(name, required=True):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        if required:
            err(f"{name}: missing")
        return []
    rows, header = [], None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            err(f"{name}:{n}: {len(cells)} cells, header has {len(header)}")
            continue
        cells += [""] * (len(header) - len(cells))
        row = {k: v.strip() for k, v in zip(header, cells)}
        row["_origin"] = f"{name}:{n}"
        rows.append(row)
    return rows


codes = set()
for line in open(CAMEO, encoding="utf-8"):
    if line.startswith("#") or line.startswith("code\t"):
        continue
    codes.add(line.split("\t")[0])
objects = {r["class"] for r in read("objects.tsv")}


def check(row, lang):
    o = row["_origin"]
    if row["code"] not in codes:
        err(f"{o}: unknown CAMEO code {row['code']!r}")
    if row["frame"] not in FRAMES:
        err(f"{o}: unknown frame {row['frame']!r}")
    if row.get("object") and row["object"] not in objects:
        err(f"{o}: unknown object class {row['object']!r} (data/objects.tsv)")
    preps = PREPS_AR if lang == "ar" else PREPS_EN
    names = []
    for p in filter(None, (x.strip() for x in row.get("prep", "").split("|"))):
        if p in preps:
            names.append(preps[p])
        else:
            err(f"{o}: unknown preposition {p!r}")
    return "|".join(dict.fromkeys(names))


out = []


def emit(pattern, lang, row, pos, prep):
    out.append((pattern, lang, row["code"], row["frame"], pos, row.get("object", ""), prep, row["_origin"]))


# ---- Arabic
def perfect_forms(p):
    """3rd person perfect forms of the 3ms perfect `p` (unnormalized: the last letter decides)."""
    # The feminine plural (قصفن، رمين) is left out: news rarely uses it, and its forms collide
    # with common words (أثنين is اثنين, "two", once unvocalized).
    if p.endswith("ى"):
        s = p[:-1]
        return [p, s + "ت", s + "يا", s + "تا", s + "وا"], [s + "و"]
    if p.endswith("ا") and len(p) >= 3:
        s = p[:-1]
        return [p, s + "ت", s + "وا", s + "تا"], [s + "و"]
    return [p, p + "ت", p + "ا", p + "تا", p + "وا"], [p + "و"]


def imperfect_forms(i):
    """3rd person imperfect forms of `i` (3ms with ي)."""
    if not i.startswith("ي"):
        return None
    b = i[1:]
    if b.endswith("ي"):
        base = [b, b + "ان", b[:-1] + "ون", b[:-1] + "وا", b + "ا"]
        plural_stem = [b[:-1] + "و"]
    elif b.endswith("و"):
        base = [b, b + "ان", b[:-1] + "ون", b[:-1] + "وا"]
        plural_stem = [b[:-1] + "و"]
    elif b.endswith("ى"):
        base = [b, b[:-1] + "يان", b[:-1] + "ون", b[:-1] + "وا"]
        plural_stem = [b[:-1] + "و"]
    else:
        base = [b, b + "ان", b + "ون", b + "وا", b + "ا"]
        plural_stem = [b + "و"]
    forms = []
    for prefix in ("ي", "ت", "سي", "ست"):
        forms += [prefix + x for x in base]
    stems = [prefix + x for prefix in ("ي", "ت", "سي", "ست") for x in plural_stem]
    return forms, stems


def noun_forms(m):
    """A verbal or event noun: itself, with suffixes, dual, accusative."""
    if " " in m:
        return [(m, False)]
    forms = []
    if m.endswith("ة"):
        s = m[:-1]
        forms += [(m, False), (s + "ت", True), (s + "تان", False), (s + "تين", False), (s + "تي", True)]
    else:
        forms += [(m, True), (m + "ان", False), (m + "ين", False)]
        if not m.endswith(("ء", "ا", "ى", "ات")):
            forms.append((m + "ا", False))
    return forms


def add_ar(row):
    prep = check(row, "ar")
    seen_verb = False
    # A cell may list alternatives (عقد مباحثات|عقد محادثات): each is conjugated on its own.
    for p in filter(None, (x.strip() for x in row.get("perfect", "").split("|"))):
        first, *rest = p.split(" ")
        tail = (" " + " ".join(rest)) if rest else ""
        forms, stems = perfect_forms(first)
        for f in forms:
            emit(f + tail + ("" if tail else "+"), "ar", row, "verb", prep)
        for s in stems:
            if not tail and len(norm(s)) >= 3:
                emit(s + "+", "ar", row, "verb", prep)
        seen_verb = True
    for i in filter(None, (x.strip() for x in row.get("imperfect", "").split("|"))):
        first, *rest = i.split(" ")
        tail = (" " + " ".join(rest)) if rest else ""
        made = imperfect_forms(first)
        if made is None:
            err(f"{row['_origin']}: imperfect {i!r} does not start with ي")
            continue
        forms, stems = made
        # The imperfect tells what is going on or habitual (تستثمر شركات: companies invest);
        # the extractor reads a present verb as an event only where the sentence anchors it.
        for f in forms:
            pos = "future" if f.startswith("س") else "present"
            emit(f + tail + ("" if tail else "+"), "ar", row, pos, prep)
        for s in stems:
            if not tail:
                emit(s + "+", "ar", row, "future" if s.startswith("س") else "present", prep)
        seen_verb = True
    for col in ("masdar", "participle"):
        for m in filter(None, (x.strip() for x in row.get(col, "").split("|"))):
            for f, suffixes in noun_forms(m):
                emit(f + ("+" if suffixes else ""), "ar", row, "noun", prep)
            if col == "participle" and " " not in m:
                s = m[:-1] if m.endswith("ة") else m
                for f in (s + "ة", s + "ون", s + "ين", s + "ات"):
                    emit(f, "ar", row, "noun", prep)
    if not seen_verb and not row.get("masdar") and not row.get("participle"):
        err(f"{row['_origin']}: no form at all")


# ---- English
def third(w):
    if re.search(r"(s|sh|ch|x|z|o)$", w):
        return w + "es"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    return w + "s"


def past(w):
    if w.endswith("e"):
        return w + "d"
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ied"
    return w + "ed"


def ing(w):
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("e") and not w.endswith("ee"):
        return w[:-1] + "ing"
    return w + "ing"


def add_en(row):
    prep = check(row, "en")
    lemma = row.get("lemma", "")
    if not lemma:
        err(f"{row['_origin']}: empty lemma")
        return
    first, *rest = lemma.split(" ")
    tail = (" " + " ".join(rest)) if rest else ""
    irregular = [x.strip() for x in row.get("forms", "").split("|") if x.strip()]
    pos = row.get("pos", "verb")
    if pos not in ("verb", "noun"):
        err(f"{row['_origin']}: pos must be verb or noun")
        return
    if pos == "noun":
        # Irregular plurals are written in full (air strike -> air strikes); a regular plural
        # inflects the last word of a compound noun.
        words = lemma.split(" ")
        plurals = irregular or [" ".join(words[:-1] + [third(words[-1])])]
        for f in dict.fromkeys([lemma] + plurals):
            emit(f, "en", row, "noun", prep)
        return
    if irregular and len(irregular) != 4:
        err(f"{row['_origin']}: forms must be 3s|past|pp|ing, got {row['forms']!r}")
        return
    s3, pa, pp, gerund = irregular if irregular else (third(first), past(first), past(first), ing(first))
    for f in dict.fromkeys([first, s3, pa, pp]):
        emit(f + tail, "en", row, "verb", prep)
    emit(gerund + tail, "en", row, "noun", prep)
    # The bare form is also the noun (a visit, an attack): both rows are kept, and the extractor
    # reads it as a noun after an article or a possessive ("paid a state visit").
    if not tail:
        emit(first, "en", row, "noun", prep)


for r in read("verbs_ar.tsv"):
    add_ar(r)
for r in read("verbs_en.tsv"):
    add_en(r)
for name, lang in (("trigger_phrases_ar.tsv", "ar"), ("trigger_phrases_en.tsv", "en")):
    for r in read(name):
        prep = check(r, lang)
        if r.get("pos") not in ("verb", "noun"):
            err(f"{r['_origin']}: pos must be verb or noun")
        emit(r["pattern"], r.get("lang") or lang, r, r.get("pos") or "noun", prep)

# A generated form that is another common word (a weekday, a number, a month, a function word,
# a given name, a country) is dropped (صادق is also a given name). A form that makes a common
# word only with a proclitic (ف + يصل = فيصل) is kept: the scanner does not split a word it knows
# whole. Phrase rows are written by hand and kept.
def words_of(name, cols):
    out = set()
    for r in read(name, required=False):
        for c in cols:
            for f in r.get(c, "").split("|"):
                if f.strip():
                    out.add(norm(f.strip()))
    return out


common = set()
for name, cols in (("weekdays.tsv", ["form"]), ("numbers.tsv", ["form"]), ("months.tsv", ["form"]),
                   ("function_words.tsv", ["form"]), ("given_names.tsv", ["form"]),
                   ("countries.tsv", ["ar", "ar_variants", "en"])):
    common |= words_of(name, cols)
dropped = []
kept = []
for r in out:
    key = norm(r[0].rstrip("+*"))
    generated = not r[7].startswith("trigger_phrases")
    if generated and " " not in key and key in common:
        dropped.append(r)
        continue
    kept.append(r)
out = kept

# One row per (normalized pattern, lang, code, frame, object, noun or verb): the first wins.
seen = set()
rows = []
for pattern, lang, code, frame, pos, obj, prep, origin in out:
    key = (norm(pattern), lang, code, frame, obj, pos == "noun")
    if key in seen:
        continue
    seen.add(key)
    rows.append((pattern, lang, code, frame, pos, obj, prep, origin))

if errors:
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    sys.exit(1)

with open(os.path.join(DATA, "triggers.tsv"), "w", encoding="utf-8", newline="\n") as f:
    f.write("pattern\tlang\tcode\tframe\tpos\tobject\tprep\torigin\n")
    f.write("# Generated by tools/lexicon/gen_triggers.py from verbs_ar.tsv, verbs_en.tsv and\n"
            "# trigger_phrases_{ar,en}.tsv. Do not edit: edit those and regenerate.\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
by_lang = {}
for r in rows:
    by_lang[r[1]] = by_lang.get(r[1], 0) + 1
print(f"triggers.tsv: {len(rows)} patterns {by_lang}; {len(dropped)} generated forms dropped as common words:",
      " ".join(sorted({d[0].rstrip('+') for d in dropped})))
