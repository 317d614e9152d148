#!/usr/bin/env python3
"""Generate crates/alaqat-model/data/cameo.tsv: what every CAMEO event code means, in one table.

Input: ../shared/cameo-codes.tsv (code, name, Goldstein, QuadClass from GDELT's public CAMEO
lookups) and the hand rules below: the PLOVER category and mode (CAMEO2PLOVER-2021 as summarised
in shared/CAMEO.md), whether the direction of an event carries meaning, the reciprocal code
(a visit and its hosting), and, for the acts that speech acts talk about, which code an appeal
for the act, an intent to do it, a demand for it, a threat of it and a rejection of it get
(CAMEO builds 02x, 03x, 10x, 12x and 13x on the same themes). Run from the repository root:
    python3 tools/lexicon/gen_cameo.py [path/to/cameo-codes.tsv]
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "cameo-codes.tsv")
OUT = os.path.join(ROOT, "crates", "alaqat-model", "data", "cameo.tsv")

codes = {}
for line in open(SRC, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#") or line.startswith("code\t"):
        continue
    code, name, goldstein, quad = line.split("\t")
    codes[code] = (name.strip(), goldstein, quad)


def root(c):
    return c[:2]


def base(c):
    return c[:3]


# PLOVER category per root, then per code where CAMEO2PLOVER departs from the root's.
PLOVER_ROOT = {
    "01": "", "02": "", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
}
PLOVER_CODE = {
    "084": "RETREAT", "0841": "RETREAT", "0842": "RETREAT", "085": "RETREAT", "086": "RETREAT",
    "0861": "RETREAT", "0862": "RETREAT", "0863": "RETREAT", "087": "RETREAT", "0871": "RETREAT",
    "0872": "RETREAT", "0873": "RETREAT", "0874": "RETREAT",
    "163": "COERCE", "175": "ASSAULT", "1712": "ASSAULT", "191": "COERCE", "192": "COERCE",
}
# PLOVER modes (the manual's mode names) where one applies.
MODE = {
    "041": "phone", "042": "visit", "043": "visit", "044": "third-party",
    "084": "release", "0841": "release", "0842": "release", "086": "access", "0861": "access",
    "0862": "access", "0863": "access", "0871": "ceasefire", "0873": "disarm", "0874": "withdraw",
    "090": "investigate", "091": "investigate", "092": "investigate", "093": "investigate", "094": "investigate",
    "112": "allege", "1121": "allege", "1122": "allege", "1123": "allege", "1124": "allege", "1125": "allege",
    "110": "disapprove", "111": "disapprove", "113": "disapprove", "114": "disapprove", "115": "disapprove",
    "116": "disapprove",
    "1311": "restrict", "1312": "restrict", "1313": "relations", "132": "restrict", "1321": "restrict",
    "1322": "restrict", "1323": "restrict", "1324": "restrict", "137": "violence", "138": "violence",
    "1381": "violence", "1382": "territory", "1383": "violence", "1384": "violence", "1385": "violence",
    "141": "demo", "1411": "demo", "1412": "demo", "1413": "demo", "1414": "demo", "142": "hunger",
    "1421": "hunger", "1422": "hunger", "1423": "hunger", "1424": "hunger", "143": "strike", "1431": "strike",
    "1432": "strike", "1433": "strike", "1434": "strike", "144": "obstruct", "1441": "obstruct",
    "1442": "obstruct", "1443": "obstruct", "1444": "obstruct", "145": "riot", "1451": "riot", "1452": "riot",
    "1453": "riot", "1454": "riot",
    "151": "police", "153": "police", "152": "troops", "154": "troops",
    "161": "discontinue", "162": "discontinue", "1621": "discontinue", "1622": "discontinue",
    "1623": "discontinue", "163": "restrict", "164": "discontinue", "165": "discontinue", "166": "expel",
    "1661": "expel", "1662": "expel", "1663": "expel",
    "171": "seize", "1711": "seize", "1712": "destroy", "172": "restrict", "1721": "restrict",
    "1722": "restrict", "1723": "curfew", "1724": "martial-law", "173": "arrest", "174": "deport",
    "175": "crowd-control",
    "181": "abduct", "182": "beat", "1821": "sexual", "1822": "torture", "1823": "beat", "183": "explosives",
    "1831": "suicide-attack", "1832": "explosives", "1833": "explosives", "185": "targeted", "186": "targeted",
    "191": "restrict", "192": "seize", "193": "firearms", "194": "heavy-weapons", "195": "aerial",
    "200": "unconventional", "201": "unconventional", "202": "unconventional", "203": "unconventional",
    "204": "unconventional", "2041": "unconventional", "2042": "unconventional",
}

# Codes whose two parties do the same thing to each other, so that A->B and B->A are one event:
# consultations and negotiations, meetings, signing together, material cooperation, fighting
# with small arms between two sides (a clash), a truce both declare. Everything else is directed.
MUTUAL = {"036", "040", "041", "044", "046", "050", "057", "06", "060", "061", "062", "063", "064",
          "0871", "193"}
RECIPROCAL = {"042": "043", "043": "042"}


def theme(c):
    """The theme CAMEO's appeal/intent/demand/reject families share: (family, sub) or None."""
    if c in ("06", "060"):
        return ("coop", "")
    if base(c) in ("061", "062", "063", "064"):
        return ("coop", c[2])
    if root(c) == "05" and c not in ("057", "055", "056"):
        return ("diplomatic", "")
    if c in ("07", "070"):
        return ("aid", "")
    if base(c) in ("071", "072", "073", "074"):
        return ("aid", c[2])
    if c in ("08", "080"):
        return ("yield", "")
    if base(c) == "081":
        return ("yield", "1")
    if base(c) == "082":
        return ("yield", "2")
    if base(c) == "083":
        return ("reform", "")
    if base(c) == "084":
        return ("yield", "3")
    if base(c) == "085":
        return ("yield", "4")
    if base(c) == "086":
        return ("yield", "5")
    if c == "0871":
        return ("ceasefire", "")
    if c == "0874":
        return ("withdraw", "")
    if base(c) == "087":
        return ("yield", "6")
    if c == "045":
        return ("mediate", "")
    if root(c) == "04":
        return ("meet", "")
    if root(c) == "09":
        return ("investigate", "")
    return None


def exists(c):
    return c if c in codes else ""


def appeal(c):
    t = theme(c)
    if t is None:
        return "020" if root(c) in ("05", "057") or c == "057" else ""
    fam, sub = t
    table = {"coop": "021", "diplomatic": "022", "aid": "023", "reform": "024", "yield": "025",
             "meet": "026", "mediate": "028", "ceasefire": "0256", "withdraw": "0256", "investigate": "020"}
    b = table[fam]
    if fam in ("coop", "aid") and sub:
        return exists(b + sub) or b
    if fam == "yield" and sub:
        return exists("025" + sub) or "025"
    return b


def intend(c):
    t = theme(c)
    if t is None:
        if c == "057" or root(c) == "05":
            return "030"
        return threaten(c) if root(c) >= "13" else ""
    fam, sub = t
    table = {"coop": "031", "diplomatic": "032", "aid": "033", "reform": "034", "yield": "035",
             "meet": "036", "mediate": "039", "ceasefire": "0356", "withdraw": "0356", "investigate": "030"}
    b = table[fam]
    if fam in ("coop", "aid") and sub:
        return exists(b + sub) or b
    if fam == "yield" and sub:
        return exists("035" + sub) or "035"
    return b


def demand(c):
    t = theme(c)
    if t is None:
        return "100" if root(c) >= "09" or root(c) == "05" else ""
    fam, sub = t
    if fam == "coop":
        return exists("101" + sub) if sub else "100"
    if fam == "aid":
        return exists("103" + sub) if sub else "103"
    table = {"diplomatic": "102", "reform": "104", "meet": "108", "mediate": "105", "ceasefire": "107",
             "withdraw": "106", "investigate": "101"}
    if fam == "yield":
        return exists("105" + sub) if sub and sub != "6" else ("1056" if sub == "6" else "100")
    return table[fam]


def threaten(c):
    b, r = base(c), root(c)
    if b == "162":
        return "1311"
    if b == "163":
        return "1312"
    if b in ("160", "161") or c == "16":
        return "1313" if b == "161" else "131"
    if b == "172":
        return exists("132" + c[3:]) if len(c) == 4 else "132"
    if r == "14":
        return "133"
    if b == "164":
        return "134"
    if b == "165":
        return "135"
    if b == "166":
        return "136"
    if b == "175":
        return "137"
    if b == "191":
        return "1381"
    if b == "192":
        return "1382"
    if r == "18":
        return "1383"
    if r == "19":
        return "1384"
    if r == "20":
        return "1385"
    if r in ("15", "17"):
        return "130"
    return ""


def reject(c):
    t = theme(c)
    if t is None:
        return "120" if c == "057" or root(c) == "05" else ""
    fam, sub = t
    if fam == "coop":
        return exists("121" + sub) or "121" if sub in ("1", "2") else "121"
    if fam == "aid":
        return exists("122" + sub) or "122" if sub else "122"
    if fam == "yield":
        mapping = {"1": "1241", "2": "1242", "3": "1243", "4": "1244", "5": "1245", "6": "1246"}
        return mapping.get(sub, "124")
    table = {"diplomatic": "120", "reform": "123", "meet": "125", "mediate": "126", "ceasefire": "1246",
             "withdraw": "1246", "investigate": "120"}
    return table[fam]


def direction(c):
    if c in MUTUAL or base(c) in MUTUAL and len(c) == 4 and base(c) != "087":
        return "mutual"
    return "directed"


HEADER = ["code", "name", "goldstein", "quad", "plover", "mode", "direction", "reciprocal",
          "appeal", "intend", "demand", "threaten", "reject"]
with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    f.write("\t".join(HEADER) + "\n")
    f.write("# Generated by tools/lexicon/gen_cameo.py from shared/cameo-codes.tsv (GDELT CAMEO lookups) and the\n"
            "# PLOVER mapping of CAMEO2PLOVER-2021 (shared/CAMEO.md). Do not edit by hand: edit the generator.\n")
    for c, (name, g, q) in codes.items():
        plover = PLOVER_CODE.get(c, PLOVER_ROOT[root(c)])
        if c in ("08", "080", "081", "0811", "0812", "0813", "0814", "082", "083", "0831", "0832", "0833", "0834"):
            plover = "CONCEDE"
        row = [c, name, g, q, plover, MODE.get(c, ""), direction(c), RECIPROCAL.get(c, ""),
               appeal(c), intend(c), demand(c), threaten(c), reject(c)]
        for derived in row[8:]:
            assert derived == "" or derived in codes, (c, derived)
        f.write("\t".join(row) + "\n")
print(f"{OUT}: {len(codes)} codes")
