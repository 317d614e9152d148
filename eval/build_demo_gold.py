#!/usr/bin/env python3
"""Build eval/gold/demo.json for demo/corpus. Person offsets are found by exact string search."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "demo", "corpus")

D1 = "sau-kaz-jeddah-summit-2023-07.txt"; D2 = "sau-kaz-jeddah-summit-reprint-2023-07.txt"
D3 = "sau-kaz-falih-nursultan-2021-09.txt"; D4 = "sau-kaz-relations-since-1994.txt"
D5 = "sau-kaz-fm-letter-riyadh.txt"; D6 = "sau-kaz-interior-2025-12.txt"
D7 = "sau-kaz-interior-riyadh-2025-12-18.txt"; D8 = "are-uzb-mirziyoyev-abu-dhabi-2019-03.txt"
D9 = "omn-irn-haitham-tehran-2023-05.txt"; D10 = "kwt-uzb-kuwait-fund.cp1256.txt"
D11 = "are-kaz-economic-ties-2024.txt"; D12 = "egy-chn-sisi-beijing-en-2024-05.txt"
H1 = "sau-chn-xi-riyadh-2022-12.html"; H2 = "egy-chn-sisi-beijing-2024-05.html"
H3 = "qat-tur-erdogan-doha-en-2023-12.html"
R1 = "qat-tur-strategic-2023"; R2 = "qat-kaz-tamim-astana-2022"
J1 = "kaz-sau-jeddah-en-2023-07"; J2 = "omn-irn-tehran-en-2023-05"; J3 = "chn-sau-xi-riyadh-en-2022-12"
DOCS = [D1, D2, D3, D4, D5, D6, D7, D8, D9, D10, D11, D12, H1, H2, H3, R1, R2, J1, J2, J3]
JSONL = "gulf-asia-wire-en.jsonl"

def day(a, b=None): return {"start": a, "end": b or a, "precision": "day"}
def month(y, m):
    import calendar
    return {"start": f"{y}-{m:02d}-01", "end": f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}", "precision": "month"}
def year(y): return {"start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year"}
def quarter(y, q):
    ends = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}
    return {"start": f"{y}-{3*q-2:02d}-01", "end": f"{y}-{ends[q]}", "precision": "quarter"}

C = {"04": ["04"], "05": ["05"], "praise": ["05", "01"], "aid": ["07", "06"], "03": ["03"]}
def ev(doc, code, src, tgt, date, note, codes=None, strict=None, opt=False, mod="asserted", mutual=False):
    codes = codes or [code[:2]]
    return {"doc": doc, "code": code, "codes": codes, "strict_codes": strict or [code], "source": src,
            "target": tgt, "date": date, "optional": opt, "modality": mod, "mutual": mutual, "note": note}

J19 = day("2023-07-19"); DEC18 = day("2025-12-18"); XI = day("2022-12-08"); XIV = day("2022-12-07", "2022-12-09")
HT = day("2023-05-28", "2023-05-29"); SISI = day("2024-05-29"); DOHA = day("2023-12-04")
EVENTS = []
for d in (D1, D2, J1):
    EVENTS += [ev(d, "042", "KAZ", "SAU", J19, "Tokayev in Jeddah for the first GCC-Central Asia summit"),
               ev(d, "043", "SAU", "KAZ", J19, "host side of the same visit", opt=True),
               ev(d, "040", "KAZ", "SAU", J19, "Tokayev meets Crown Prince Mohammed bin Salman", strict=["04"]),
               ev(d, "051", "KAZ", "SAU", J19, "Tokayev praises the Kingdom for hosting the summit", codes=C["praise"]),
               ev(d, "054", "SAU", "KAZ", None, "background: Saudi Arabia among the first to recognize Kazakhstan")]
EVENTS.append(ev(J1, "042", "KAZ", "SAU", month(1994, 9), "background: Nazarbayev's first official visit, Sept 1994"))
EVENTS += [
    ev(D3, "042", "SAU", "KAZ", day("2021-09-26", "2021-09-27"), "Al-Falih-led delegation visits Kazakhstan (two days ending Monday 27 Sept)"),
    ev(D3, "043", "KAZ", "SAU", day("2021-09-26", "2021-09-27"), "Tokayev receives Al-Falih (host side)", opt=True),
    ev(D3, "046", "KAZ", "SAU", day("2021-09-26", "2021-09-27"), "5th intergovernmental commission meeting in Nur-Sultan", strict=["04"]),
    ev(D3, "040", "SAU", "KAZ", day("2021-09-26", "2021-09-27"), "meetings with PM Mamin and ministers", strict=["04"], opt=True),
    ev(D3, "057", "KAZ", "SAU", day("2021-09-26", "2021-09-27"), "bilateral documents signed at the close of the commission"),
    ev(D3, "081", "KAZ", "SAU", day("2021-09-26", "2021-09-27"), "decision to resume direct flights and visa-free entry for Saudis",
       codes=["08", "06", "05", "03"], strict=["08", "06", "05", "03"], opt=True),
    ev(D3, "031", "SAU", "KAZ", None, "more than 25 Saudi companies interested in the Kazakh market", strict=["03"], opt=True),
    ev(D4, "057", "KAZ", "SAU", day("1994-04-20"), "protocol establishing diplomatic relations signed 20 April 1994", strict=["05"]),
    ev(D4, "042", "KAZ", "SAU", day("1994-04-20"), "Kazakh foreign minister's visit in which the protocol was signed", opt=True),
    ev(D4, "054", "SAU", "KAZ", None, "Riyadh among the first capitals to recognize Kazakhstan"),
    ev(D4, "042", "KAZ", "SAU", day("1994-09-25", "1994-09-28"), "Nazarbayev's first official visit, 25-28 Sept 1994"),
    ev(D4, "043", "SAU", "KAZ", day("1994-09-25", "1994-09-28"), "host side", opt=True),
    ev(D4, "046", "KAZ", "SAU", day("1994-09-25", "1994-09-28"), "talks with King Fahd", strict=["04"]),
    ev(D4, "057", "KAZ", "SAU", day("1994-09-25", "1994-09-28"), "general cooperation agreement signed during the visit"),
    ev(D4, "042", "SAU", "KAZ", None, "Crown Prince Sultan bin Abdulaziz visited Kazakhstan"),
    ev(D4, "071", "SAU", "KAZ", None, "Saudi financial support for moving the capital to Astana", codes=C["aid"], strict=C["aid"]),
    ev(D4, "042", "KAZ", "SAU", month(2023, 7), "Tokayev at the Jeddah summit, July 2023"),
    ev(D4, "040", "KAZ", "SAU", month(2023, 7), "Tokayev meets the Crown Prince in Jeddah", strict=["04"], opt=True),
    ev(D5, "040", "KAZ", "SAU", None, "written letter from Tokayev to the Crown Prince", strict=["04"]),
    ev(D5, "042", "KAZ", "SAU", None, "FM Kosherbayev received by FM Faisal bin Farhan in Riyadh", strict=["04"]),
    ev(D5, "043", "SAU", "KAZ", None, "host side", strict=["04"], opt=True),
    ev(D5, "040", "SAU", "KAZ", None, "the two ministers review cooperation", strict=["04"], opt=True),
    ev(D5, "051", "KAZ", "SAU", None, "Kazakh minister praises Vision 2030 transformation", codes=C["praise"]),
    ev(D6, "043", "SAU", "KAZ", DEC18, "interior minister receives Sadenov on Thursday (date from the same story in D7)", strict=["04"]),
    ev(D6, "042", "KAZ", "SAU", DEC18, "visit side", strict=["04"], opt=True),
    ev(D6, "040", "SAU", "KAZ", DEC18, "discussion of security cooperation", strict=["04"], opt=True),
    ev(D6, "030", "SAU", "KAZ", DEC18, "sides agree to form a joint follow-up committee", codes=["03", "05"], strict=["03", "05"], opt=True, mutual=True),
    ev(D7, "046", "SAU", "KAZ", DEC18, "interior ministers' meeting and talks in Riyadh", strict=["04"]),
    ev(D7, "042", "KAZ", "SAU", DEC18, "visit side", strict=["04"], opt=True),
    ev(D7, "043", "SAU", "KAZ", DEC18, "host side", strict=["04"], opt=True),
    ev(D7, "031", "KAZ", "SAU", DEC18, "Kazakh side proposes wider training programmes", codes=["03", "06"], strict=["03", "06"], opt=True, mod="proposed"),
    ev(D7, "051", "KAZ", "SAU", DEC18, "Sadenov praises the Saudi anti-narcotics experience", codes=C["praise"]),
    ev(D7, "051", "SAU", "KAZ", DEC18, "Saudi minister welcomes the Kazakh interest", codes=C["praise"], opt=True),
    ev(D7, "036", "SAU", "KAZ", quarter(2026, 1), "new meeting expected in Q1 2026", codes=["03", "04"], strict=["03", "04"], opt=True, mod="expected"),
    ev(D8, "042", "UZB", "ARE", month(2019, 3), "Mirziyoyev state visit to the UAE, March 2019"),
    ev(D8, "043", "ARE", "UZB", month(2019, 3), "Mohamed bin Zayed receives him", opt=True),
    ev(D8, "046", "ARE", "UZB", month(2019, 3), "official talks", strict=["04"]),
    ev(D8, "051", "UZB", "ARE", month(2019, 3), "Mirziyoyev praises the UAE development model", codes=C["praise"]),
    ev(D8, "057", "ARE", "UZB", month(2019, 3), "agreements and MoUs exchanged"),
    ev(D8, "051", "ARE", "UZB", month(2019, 3), "MBZ welcomes the guest", codes=C["praise"], opt=True),
]
for d, j in ((D9, False), (J2, True)):
    EVENTS += [ev(d, "042", "OMN", "IRN", HT, "Sultan Haitham's state visit to Tehran, from Sunday 28 May 2023"),
               ev(d, "043", "IRN", "OMN", HT, "Raisi hosts the official welcome", opt=True),
               ev(d, "046", "IRN", "OMN", HT, "talks with President Raisi", strict=["04"]),
               ev(d, "040", "OMN", "IRN", HT, "meeting with Khamenei", strict=["04"]),
               ev(d, "051", "IRN", "OMN", HT, "Khamenei / Raisi praise Oman's role and policy", codes=C["praise"]),
               ev(d, "042", "OMN", "IRN", year(2009), "background: Sultan Qaboos's 2009 visit", opt=True),
               ev(d, "042", "IRN", "OMN", month(2022, 5), "Raisi's visit to Muscat, May 2022")]
EVENTS.append(ev(J2, "057", "IRN", "OMN", month(2022, 5), "cooperation documents signed in Muscat, May 2022", opt=True))
EVENTS += [
    ev(D10, "040", "KWT", "UZB", None, "Kuwaiti FM meets the Uzbek ambassador", strict=["04"]),
    ev(D10, "071", "KWT", "UZB", None, "Kuwait Fund concessional loans to Uzbekistan", codes=C["aid"], strict=C["aid"]),
    ev(D10, "051", "UZB", "KWT", None, "Uzbek ambassador praises the fund's contributions", codes=C["praise"]),
    ev(D10, "057", "KWT", "UZB", None, "no new agreement signed at the meeting", opt=True, mod="negated"),
    ev(D11, "042", "KAZ", "ARE", year(1998), "Nazarbayev official visit to the UAE, 1998"),
    ev(D11, "042", "KAZ", "ARE", year(2000), "Nazarbayev official visit to the UAE, 2000"),
    ev(D11, "061", "ARE", "KAZ", None, "Masdar wind project in Kazakhstan", codes=["06"], strict=["06"], opt=True),
]
for d in (D12, H2):
    EVENTS += [ev(d, "046", "CHN", "EGY", SISI, "Xi and Sisi hold talks in Beijing", strict=["04"]),
               ev(d, "042", "EGY", "CHN", month(2024, 5), "Sisi's state visit to China"),
               ev(d, "043", "CHN", "EGY", month(2024, 5), "host side", opt=True),
               ev(d, "051", "EGY", "CHN", SISI, "Sisi praises China's support", codes=C["praise"]),
               ev(d, "057", "CHN", "EGY", SISI, "cooperation documents signed after the talks"),
               ev(d, "054", "EGY", "CHN", day("1956-05-30"), "diplomatic relations established 30 May 1956", strict=["05"], opt=True, mutual=True),
               ev(d, "042", "EGY", "CHN", month(2014, 12), "Sisi's Dec 2014 visit (partnership announced)", opt=True),
               ev(d, "036", "CHN", "EGY", year(2026), "China expected to host the 2nd China-Arab summit", codes=["03"], strict=["03"], opt=True, mod="expected")]
EVENTS.append(ev(D12, "042", "CHN", "EGY", month(2016, 1), "Xi's visit to Egypt, Jan 2016"))
for d in (H1, J3):
    EVENTS += [ev(d, "057", "SAU", "CHN", XI, "King Salman and Xi sign the comprehensive strategic partnership agreement"),
               ev(d, "042", "CHN", "SAU", XIV, "Xi's state visit (arrived Wednesday 7 Dec)"),
               ev(d, "043", "SAU", "CHN", XIV, "host side", opt=True),
               ev(d, "046", "SAU", "CHN", XI, "Crown Prince holds talks with Xi", strict=["04"]),
               ev(d, "036", "SAU", "CHN", None, "leaders to meet every two years in alternation", codes=["03"], strict=["03"], opt=True, mutual=True)]
EVENTS.append(ev(H1, "057", "CHN", "IGOGCC", None, "China-GCC free trade agreement not signed", opt=True, mod="negated"))
for d in (H3, R1):
    EVENTS += [ev(d, "042", "TUR", "QAT", DOHA, "Erdogan in Doha"),
               ev(d, "043", "QAT", "TUR", DOHA, "the Amir receives him", opt=True),
               ev(d, "046", "QAT", "TUR", DOHA, "9th Supreme Strategic Committee meeting and talks", strict=["04"]),
               ev(d, "057", "QAT", "TUR", DOHA, "agreements and MoUs signed")]
EVENTS += [
    ev(H3, "071", "QAT", "TUR", month(2023, 2), "background: Qatari relief aid after the Feb 2023 earthquakes", codes=C["aid"], strict=C["aid"], opt=True),
    ev(R1, "051", "TUR", "QAT", DOHA, "Erdogan welcomes the committee's results", codes=C["praise"], opt=True),
    ev(R1, "041", "QAT", "TUR", month(2023, 2), "the Amir's phone call to Erdogan after the earthquake"),
    ev(R1, "042", "QAT", "TUR", month(2023, 2), "the Amir's visit to Turkey the same month"),
    ev(R1, "043", "TUR", "QAT", month(2023, 2), "host side", opt=True),
    ev(R1, "071", "QAT", "TUR", month(2023, 2), "Qatari relief aid to the quake zone", codes=C["aid"], strict=C["aid"]),
    ev(R1, "051", "TUR", "QAT", None, "Turkish side praises the Qatari stance", codes=C["praise"], opt=True),
    ev(R2, "046", "QAT", "KAZ", month(2022, 10), "Tamim and Tokayev talks in Astana (CICA summit sidelines)", strict=["04"]),
    ev(R2, "042", "QAT", "KAZ", month(2022, 10), "Tamim in Astana", opt=True),
    ev(R2, "043", "KAZ", "QAT", month(2022, 10), "host side", opt=True),
    ev(R2, "051", "KAZ", "QAT", month(2022, 10), "Tokayev welcomes the Amir's participation", codes=C["praise"], opt=True),
    ev(R2, "042", "KAZ", "QAT", month(1998, 5), "Nazarbayev official visit to Doha, May 1998"),
]

TRADE = {"year": 2022, "amount": 100000000000, "currency": "USD", "comparator": ">"}
CLAIMS = [{"doc": d, "kind": "relations_established", "parties": ["KAZ", "SAU"], "value": v}
          for d, v in ((D1, "1994"), (D2, "1994"), (D4, "1994-04-20"), (D5, "1992"), (J1, "1994"))]
CLAIMS += [{"doc": d, "kind": "relations_established", "parties": ["CHN", "EGY"], "value": "1956-05-30"} for d in (D12, H2)]
for d in (H1, J3):
    CLAIMS += [{"doc": d, "kind": "relations_established", "parties": ["CHN", "SAU"], "value": "1990-07"},
               {"doc": d, "kind": "trade_volume", "parties": ["CHN", "SAU"], "value": TRADE}]
CONFLICTS = [{"kind": "relations_established", "parties": ["KAZ", "SAU"], "docs": [D4, D5],
              "note": "1994 (protocol of 20 April 1994; also D1, D2 and the Jeddah JSONL story) against 'since 1992'"}]
FLAGS = {D5: ["code_switching"], D11: ["outdated_place_name"]}
COMMITMENTS = [{"doc": D6, "what": "joint committee to follow up implementation", "due": None},
               {"doc": D7, "what": "new meeting of interior ministry officials", "due": quarter(2026, 1)},
               {"doc": H1, "what": "heads of state meet every two years in alternation", "due": None},
               {"doc": J3, "what": "heads of state meet every two years in alternation", "due": None},
               {"doc": H2, "what": "second China-Arab States Summit hosted by China", "due": year(2026)},
               {"doc": D12, "what": "second China-Arab States Summit hosted by China", "due": year(2026)}]
SAME = [{"docs": [D6, D7], "note": "18 Dec 2025 interior ministers' meeting in Riyadh (weekday only vs full date)"},
        {"docs": [D1, D2, J1], "note": "Tokayev-Crown Prince meeting in Jeddah, 19 July 2023 (D2 is a near-duplicate reprint of D1)"},
        {"docs": [D9, J2], "note": "Sultan Haitham's state visit to Tehran, 28-29 May 2023"},
        {"docs": [H1, J3], "note": "Xi's Riyadh visit and partnership signing, 8 Dec 2022"},
        {"docs": [D12, H2], "note": "Xi-Sisi talks in Beijing, 29 May 2024"},
        {"docs": [H3, R1], "note": "9th Qatar-Turkiye Supreme Strategic Committee, Doha, 4 Dec 2023"}]

from demo_persons import PERSONS  # (doc, key, country, role, [surfaces])

def texts():
    out = {}
    for d in DOCS:
        p = os.path.join(CORPUS, d)
        if d.endswith(".txt"):
            out[d] = open(p, encoding="cp1256" if ".cp1256." in d else "utf-8-sig").read()
    for line in open(os.path.join(CORPUS, JSONL), encoding="utf-8"):
        r = json.loads(line); out[r["id"]] = r["text"]
    return out

def find_mentions(text, surfaces, taken):
    found = []
    for s in sorted(surfaces, key=len, reverse=True):
        i = text.find(s)
        while i >= 0:
            j = i + len(s)
            edge = (i > 0 and text[i-1].isalpha() and text[i-1] not in "وبل") or (j < len(text) and text[j].isalpha())
            if not edge and not any(a < j and i < b for a, b in taken):
                assert text[i:j] == s
                taken.append((i, j)); found.append({"start": i, "end": j, "text": s})
            i = text.find(s, i + 1)
    return found

def main():
    tx = texts(); persons = []
    taken = {d: [] for d in tx}
    for doc, key, country, role, surfaces in PERSONS:
        ms = find_mentions(tx[doc], surfaces, taken[doc])
        assert ms, (doc, key)
        for m in ms: m["doc"] = doc
        persons.append({"key": f"{doc}:{key}", "country": country, "role": role,
                        "mentions": sorted(ms, key=lambda m: m["start"])})
    gold = {"version": 1, "person_keys": "per_doc", "docs": DOCS, "persons": persons, "events": EVENTS,
            "claims": CLAIMS, "conflicts": CONFLICTS, "flags": FLAGS, "commitments": COMMITMENTS, "same_event": SAME}
    for e in EVENTS: assert e["doc"] in DOCS, e
    json.dump(gold, open(os.path.join(HERE, "gold", "demo.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(len(DOCS), "docs", len(persons), "persons", sum(len(p["mentions"]) for p in persons), "mentions",
          len(EVENTS), "events", len(CLAIMS), "claims")

if __name__ == "__main__":
    main()
