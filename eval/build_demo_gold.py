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
# Conflict / de-escalation articles (passives, denials, threats, non-state actors, ceasefires, releases)
C1 = "sau-can-ambassador-expelled-2018-08.txt"; C2 = "sau-can-relations-restored-en-2023-05.txt"
C3 = "sau-qat-ties-cut-2017-06.txt"; C4 = "sau-qat-alula-declaration-2021-01.txt"
C5 = "sau-irn-embassy-tehran-2016-01.txt"; C6 = "sau-irn-beijing-deal-en-2023-03.txt"
C7 = "dza-mar-ties-cut-2021-08.txt"; C8 = "irq-swe-embassy-baghdad-2023-07.txt"
C9 = "sau-lbn-kordahi-2021-10.txt"; C10 = "isr-pse-gaza-truce-2023-11.txt"
C11 = "isr-lbn-ceasefire-2024-11.txt"; C12 = "pak-irn-strikes-en-2024-01.txt"
C13 = "tur-rus-su24-en-2015-11.txt"; C14 = "usa-yem-houthi-strikes-en-2024-01.txt"
C15 = "kgz-tjk-border-clashes-en-2022-09.txt"
CDOCS = [C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15]
DOCS = [D1, D2, D3, D4, D5, D6, D7, D8, D9, D10, D11, D12, H1, H2, H3, R1, R2, J1, J2, J3] + CDOCS
JSONL = "gulf-asia-wire-en.jsonl"

def day(a, b=None): return {"start": a, "end": b or a, "precision": "day"}
def month(y, m):
    import calendar
    return {"start": f"{y}-{m:02d}-01", "end": f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}", "precision": "month"}
def year(y, y2=None): return {"start": f"{y}-01-01", "end": f"{y2 or y}-12-31", "precision": "year"}
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

# ---------------------------------------------------------------------------------------------
# Conflict and de-escalation articles. Conventions (see demo/README.md):
# - UNK ("---") is an actor whose country the text does not give (gunmen who "came under fire"
#   a helicopter, an unnamed militant group's hideouts, merchant ships of unstated flag, hackers).
# - Non-state actors take the country the text ties them to: Hezbollah LBN, Hamas PSE, the
#   Houthis YEM, protesters/rebels by their stated nationality (IRN, IRQ, SYR).
# - Threats (13x), denials (016) and demands are coded as what they are; the threatened, denied
#   or demanded act is NOT annotated, not even as optional (a system that codes it gets a false
#   positive). Negated acts (لم تتخذ سلطنة عمان أي إجراء مماثل) likewise get no entry.
# - Expelling another state's envoy: 161, strict also 166/174 (EXPEL). Recalling one's own
#   envoy (استدعت سفيرها, "recalled its ambassador"): 161. Summoning someone else's envoy
#   (استدعت السفير الإيراني, "summoned the charge d'affaires"): 114, any 11x strict (SUMMON).
# - Restored relations: 050 mutual, 05/03 strict (RESTORE); a ceasefire: 0871 mutual.
# - Domestic acts (police dispersing protesters, an execution) are optional, source = target.
UNK = "---"
EXPEL = dict(codes=["16", "17"], strict=["161", "166", "174"])
SUMMON = dict(codes=["11"], strict=["11"])
RESTORE = dict(codes=["05", "03", "08"], strict=["05", "03"])
AIR = dict(codes=["19", "18"], strict=["195"])
STRIKE = dict(codes=["19", "18"], strict=["195", "190"])
FIGHT = dict(codes=["19", "18"], strict=["19"])
STORM = dict(codes=["14", "17", "18"], strict=["145", "171"])
TRUCE = dict(codes=["08", "03"], strict=["0871"])
FREE = dict(codes=["08"], strict=["0841"])
THREAT = dict(codes=["13"], strict=["13"])
MEDIATE = dict(codes=["04", "03"], strict=["045"])
DEESC = dict(codes=["03", "08"], strict=["0356", "087", "030"])
def span(a, b, p="month"): return {"start": a, "end": b, "precision": p}

A5, A3 = day("2018-08-05"), day("2018-08-03")
EVENTS += [
    ev(C1, "161", "SAU", "CAN", A5, "Canadian ambassador Dennis Horak declared persona non grata, 24 hours to leave", **EXPEL),
    ev(C1, "161", "SAU", "CAN", A5, "Saudi Arabia recalls its own ambassador for consultations (استدعاء سفيرها: recall)"),
    ev(C1, "163", "SAU", "CAN", A5, "all new trade and investment transactions with Canada frozen"),
    ev(C1, "111", "SAU", "CAN", A5, "ministry calls the Canadian statements unacceptable interference", strict=["111", "112"]),
    ev(C1, "130", "SAU", "CAN", A5, "reserves the right to take further measures (a threat, not an act)", opt=True, **THREAT),
    ev(C1, "111", "SAU", "CAN", A5, "Jubeir: Canada's position built on misleading information, interference will be met firmly",
       codes=["11", "13"], strict=["11", "13"], opt=True),
    ev(C1, "1053", "CAN", "SAU", A3, "Canadian foreign ministry on Friday demanded the activists' immediate release (إطلاق سراح demanded, not done)",
       codes=["10", "02", "11"], strict=["1053", "0253"]),
    ev(C1, "111", "CAN", "SAU", A3, "Canada voiced concern over the arrests", codes=["11", "01"], strict=["11", "01"], opt=True),
    ev(C1, "173", "SAU", "SAU", None, "arrest of activists (domestic)", codes=["17"], strict=["17"], opt=True),
    ev(C1, "057", "SAU", "CAN", year(2014), "background: armoured vehicle contract signed in 2014 (passive وُقّع)", opt=True, mutual=True),
]
M24, AUG18 = day("2023-05-24"), month(2018, 8)
EVENTS += [
    ev(C2, "050", "CAN", "SAU", M24, "relations restored to the pre-2018 level, new ambassadors", mutual=True, **RESTORE),
    ev(C2, "044", "CAN", "SAU", month(2022, 11), "Trudeau-MBS conversation at the APEC summit in Bangkok", strict=["04"], mutual=True),
    ev(C2, "050", "CAN", "SAU", M24, "Canada appoints Jean-Philippe Linteau ambassador", codes=["05", "03"], strict=["05", "03"], opt=True),
    ev(C2, "032", "SAU", "CAN", M24, "Riyadh will also send an ambassador", codes=["03", "05"], strict=["03", "05"], opt=True, mod="expected"),
    ev(C2, "1053", "CAN", "SAU", AUG18, "Aug 2018: Canada urged Riyadh to free detained activists", codes=["10", "02", "11"], strict=["1053", "0253"]),
    ev(C2, "111", "SAU", "CAN", AUG18, "Aug 2018: Riyadh called the appeal interference", strict=["111", "112"]),
    ev(C2, "161", "SAU", "CAN", AUG18, "Aug 2018: ambassador Dennis Horak declared persona non grata", **EXPEL),
    ev(C2, "161", "SAU", "CAN", AUG18, "Aug 2018: Riyadh recalled its own ambassador"),
    ev(C2, "163", "SAU", "CAN", AUG18, "Aug 2018: new trade and investment frozen"),
    ev(C2, "160", "SAU", "CAN", AUG18, "scholarship students moved out of Canada", codes=["16", "17"], strict=["16", "17"], opt=True),
    ev(C2, "163", "SAU", "CAN", AUG18, "Saudia suspends Toronto flights", codes=["16"], strict=["16"], opt=True),
    ev(C2, "010", "CAN", "SAU", AUG18, "Freeland: Canada will keep speaking up for human rights", codes=["01", "11"], strict=["01", "11"], opt=True),
    ev(C2, "061", "CAN", "SAU", None, "armoured vehicle contract went ahead", codes=["06"], strict=["06"], opt=True, mutual=True),
]
J5, J6 = day("2017-06-05"), day("2017-06-06")
QUARTET = ("SAU", "ARE", "BHR", "EGY")
EVENTS += [ev(C3, "161", s, "QAT", J5, f"{s} cuts diplomatic relations with Qatar (Monday = أمس)") for s in QUARTET]
EVENTS += [ev(C3, "112", s, "QAT", J5, f"{s} (one of 'the four states') accuses Doha of supporting terrorist groups and interference") for s in QUARTET]
EVENTS += [ev(C3, "016", "QAT", s, None, "Qatar denies the accusations (وهو ما نفته قطر): a denial", strict=["016"], opt=(s != "SAU")) for s in QUARTET]
EVENTS += [ev(C3, "111", "QAT", s, None, "Qatari MFA regrets the 'unjustified' measures based on baseless claims",
              codes=["11", "01"], strict=["111", "012"], opt=(s != "SAU")) for s in QUARTET]
EVENTS += [
    ev(C3, "191", "SAU", "QAT", J5, "Riyadh closes its land, sea and air ports to Qatar", codes=["19", "16", "17"], strict=["191", "163", "172"]),
    ev(C3, "174", "SAU", "QAT", J5, "Qatari diplomats given 48 hours", codes=["17", "16"], strict=["174", "161", "166"], opt=True),
    ev(C3, "174", "SAU", "QAT", J5, "Qatari citizens given two weeks to leave", codes=["17", "20"], strict=["174", "201"], opt=True),
    ev(C3, "166", "SAU", "QAT", J5, "Qatar's participation in the Yemen coalition ended", codes=["16"], strict=["166", "160"]),
    ev(C3, "161", "YEM", "QAT", J5, "the Yemeni government follows (أمس)"),
    ev(C3, "161", "MDV", "QAT", J5, "the Maldives follow (أمس)"),
    ev(C3, "161", "JOR", "QAT", J6, "عمّان (Jordan, not Oman) downgrades its diplomatic representation"),
    ev(C3, "172", "JOR", "QAT", J6, "Jordan revokes the licence of Al Jazeera's office", codes=["17", "16"], strict=["17", "16"]),
    ev(C3, "042", "KWT", "SAU", J6, "the Emir of Kuwait travels to Jeddah (Tuesday evening)"),
    ev(C3, "043", "SAU", "KWT", J6, "host side", opt=True),
    ev(C3, "040", "KWT", "SAU", J6, "to meet King Salman (purpose of the trip)", strict=["04"], opt=True, mod="expected"),
    ev(C3, "045", "KWT", "SAU", J6, "Kuwaiti mediation to heal the rift", **MEDIATE),
    ev(C3, "045", "KWT", "QAT", None, "Kuwaiti mediation, Qatar side", opt=True, **MEDIATE),
    ev(C3, "041", "KWT", "QAT", J5, "the Emir's phone call to Sheikh Tamim on Monday evening"),
    ev(C3, "025", "KWT", "QAT", J5, "calls for restraint", codes=["02"], strict=["02"], opt=True),
    ev(C3, "080", "QAT", "KWT", None, "Tamim postpones his speech in response", codes=["08", "01"], strict=["08", "01"], opt=True),
    ev(C3, "170", UNK, "QAT", day("2017-05-23", "2017-05-24"), "QNA website 'hacked by an unknown party' (actor of unknown country)",
       codes=["17"], strict=["17"], opt=True),
]
EVENTS += [ev(C3, "161", s, "QAT", month(2014, 3), f"background: {s} withdrew its ambassador from Doha, March 2014 (سحب السفراء)")
           for s in ("SAU", "ARE", "BHR")]
EVENTS += [ev(C3, "050", s, "QAT", month(2014, 11), "ambassadors returned, Nov 2014", opt=True, **RESTORE) for s in ("SAU", "ARE", "BHR")]
EVENTS.append(ev(C3, "045", "KWT", "QAT", month(2014, 11), "2014 Kuwaiti mediation", opt=True, **MEDIATE))
JAN5, JAN4 = day("2021-01-05"), day("2021-01-04")
EVENTS += [
    ev(C4, "057", "SAU", "QAT", JAN5, "leaders sign the Al-Ula declaration (وقّع; the rift 'وقع' = happened)", mutual=True),
    ev(C4, "057", "EGY", "QAT", JAN5, "Egypt signs through FM Shoukry", mutual=True, opt=True),
    ev(C4, "042", "QAT", "SAU", JAN5, "Tamim at the 41st GCC summit in Al-Ula"),
    ev(C4, "043", "SAU", "QAT", JAN5, "MBS receives him at the airport", opt=True),
    ev(C4, "040", "QAT", "IGOGCC", JAN5, "participation in the GCC Supreme Council session", strict=["04"], opt=True),
    ev(C4, "085", "SAU", "QAT", JAN4, "agreement to reopen airspace, land and sea borders from Monday evening", codes=["08", "03"], strict=["08"], mutual=True),
    ev(C4, "045", "KWT", "SAU", None, "Kuwaiti mediation (Sheikh Sabah, then Sheikh Nawaf)", **MEDIATE),
    ev(C4, "045", "KWT", "QAT", None, "Kuwaiti mediation, Qatar side", **MEDIATE),
    ev(C4, "050", "SAU", "QAT", JAN5, "Faisal bin Farhan: full return of diplomatic relations", mutual=True, **RESTORE),
]
EVENTS += [ev(C4, "050", s, "QAT", JAN5, "'the four states' restore relations (group reference)", mutual=True, opt=True, **RESTORE) for s in ("ARE", "BHR", "EGY")]
EVENTS += [ev(C4, "161", s, "QAT", J5, f"background: {s} cut relations on 5 June 2017") for s in QUARTET]
EVENTS.append(ev(C4, "191", "SAU", "QAT", J5, "and closed their ports", codes=["19", "16", "17"], strict=["191", "163", "172"], opt=True))
# no event: the 2019 Gulf Cup semi-final (a match between national teams) and the tournament hosted by Doha
JA4, JA3, JA2, NIGHT = day("2016-01-04"), day("2016-01-03"), day("2016-01-02"), day("2016-01-02", "2016-01-03")
EVENTS += [
    ev(C5, "161", "BHR", "IRN", JA4, "Bahrain cuts relations (Monday)"),
    ev(C5, "161", "SDN", "IRN", JA4, "Sudan cuts relations (Monday)"),
    ev(C5, "161", "SAU", "IRN", JA3, "Jubeir announces the break on Sunday evening"),
    ev(C5, "174", "SAU", "IRN", JA3, "Iranian mission given 48 hours", codes=["17", "16"], strict=["174", "161", "166"], opt=True),
    ev(C5, "112", "SAU", "IRN", JA3, "Jubeir accuses Iran of sectarian strife and arming terrorist cells"),
    ev(C5, "145", "IRN", "SAU", NIGHT, "target-first passive: the embassy 'was stormed' by Iranian protesters who set it on fire", **STORM),
    ev(C5, "145", "IRN", "SAU", NIGHT, "agentless passive: the consulate in Mashhad 'was targeted' (استُهدفت)", opt=True, **STORM),
    ev(C5, "114", "SAU", "IRN", JA2, "Saudi MFA summons the Iranian ambassador, protest note (استدعت السفير: summons)", **SUMMON),
    ev(C5, "114", "IRN", "SAU", JA2, "Iranian MFA summons the Saudi charge d'affaires", **SUMMON),
    ev(C5, "111", "IRN", "SAU", JA2, "Iranian statements criticizing the executions"),
    ev(C5, "161", "ARE", "IRN", JA4, "UAE recalls its ambassador (استدعاء سفيرها: recall) and downgrades to charge d'affaires"),
    ev(C5, "174", "ARE", "IRN", JA4, "fewer Iranian diplomats allowed", codes=["17", "16"], strict=["174", "161", "166"], opt=True),
    ev(C5, "111", "IRN", "SAU", None, "Rouhani criticizes al-Nimr's execution"),
    ev(C5, "111", "IRN", "IRN", None, "Rouhani condemns the attack on the embassy (domestic)", opt=True),
    ev(C5, "173", "IRN", "IRN", None, "about 40 arrested in Tehran (domestic)", codes=["17"], strict=["17"], opt=True),
    ev(C5, "173", "SAU", "SAU", JA2, "47 executed including Nimr al-Nimr (domestic)", codes=["17", "18"], strict=["17", "18"], opt=True),
    ev(C5, "161", "SAU", "IRN", year(1988), "background: relations 'were cut' in 1988 (agentless)", mutual=True),
    ev(C5, "050", "SAU", "IRN", year(1991), "background: relations resumed in 1991", mutual=True, **RESTORE),
    ev(C5, "145", "IRN", "SAU", year(1987), "background: storming of the embassy the year before (1987)", opt=True, **STORM),
]
M10, TALKS = day("2023-03-10"), day("2023-03-06", "2023-03-10")
EVENTS += [
    ev(C6, "057", "SAU", "IRN", M10, "trilateral statement signed by Al-Aiban and Shamkhani", mutual=True),
    ev(C6, "050", "SAU", "IRN", M10, "agreement to resume diplomatic relations", mutual=True, **RESTORE),
    ev(C6, "046", "SAU", "IRN", TALKS, "talks in Beijing, 6-10 March", strict=["04"], mutual=True),
    ev(C6, "045", "CHN", "SAU", TALKS, "China brokers and hosts the talks", **MEDIATE),
    ev(C6, "045", "CHN", "IRN", TALKS, "China brokers and hosts the talks", **MEDIATE),
    ev(C6, "057", "CHN", "SAU", M10, "Wang Yi signs alongside", opt=True),
    ev(C6, "057", "CHN", "IRN", M10, "Wang Yi signs alongside", opt=True),
    ev(C6, "043", "CHN", "SAU", TALKS, "host side", opt=True), ev(C6, "043", "CHN", "IRN", TALKS, "host side", opt=True),
    ev(C6, "042", "SAU", "CHN", TALKS, "delegation in Beijing", opt=True), ev(C6, "042", "IRN", "CHN", TALKS, "delegation in Beijing", opt=True),
    ev(C6, "032", "SAU", "IRN", day("2023-03-10", "2023-05-10"), "embassies to reopen within two months", codes=["03", "05"], strict=["03"],
       opt=True, mod="expected", mutual=True),
    ev(C6, "036", "SAU", "IRN", None, "foreign ministers to meet to arrange the return of ambassadors", codes=["03"], strict=["03"], opt=True,
       mod="expected", mutual=True),
    ev(C6, "030", "SAU", "IRN", M10, "commitment to non-interference and to activate the 2001 and 1998 agreements", codes=["03", "05"],
       strict=["03"], opt=True, mutual=True),
    ev(C6, "057", "SAU", "IRN", year(2001), "background: security cooperation agreement signed in 2001", mutual=True),
    ev(C6, "057", "SAU", "IRN", year(1998), "background: 1998 economic cooperation accord (no verb)", mutual=True, opt=True),
    ev(C6, "161", "SAU", "IRN", month(2016, 1), "background: Riyadh cut relations in January 2016"),
    ev(C6, "145", "IRN", "SAU", month(2016, 1), "target-first: the embassy 'came under attack by protesters' (country from the location, Tehran)", **STORM),
    ev(C6, "173", "SAU", "SAU", None, "execution of Nimr al-Nimr (domestic)", codes=["17", "18"], strict=["17", "18"], opt=True),
    ev(C6, "190", "SAU", "YEM", year(2015), "Saudi-led coalition fighting the Houthis since 2015", opt=True, **FIGHT),
]
EVENTS += [ev(C6, "045", m, p, year(2021, 2022), "earlier rounds hosted by Iraq and Oman", opt=True, **MEDIATE)
           for m in ("IRQ", "OMN") for p in ("SAU", "IRN")]
EVENTS += [ev(C6, "051", p, m, M10, "the statement thanks Iraq and Oman", codes=["05", "01"], strict=["05", "01"], opt=True)
           for m in ("IRQ", "OMN") for p in ("SAU", "IRN")]
A24 = day("2021-08-24"); A18 = day("2021-08-18")
EVENTS += [
    ev(C7, "161", "DZA", "MAR", A24, "Algeria cuts diplomatic relations (Tuesday; dateline 25 Aug)"),
    ev(C7, "112", "DZA", "MAR", A24, "Lamamra accuses Morocco of hostile acts, spying, a propaganda 'war' (figurative: not 19x)"),
    ev(C7, "111", "MAR", "DZA", A24, "Rabat regrets the 'unjustified' decision and rejects its 'false' justifications",
       codes=["11", "12", "01"], strict=["111", "016", "012", "120"]),
    ev(C7, "042", "ISR", "MAR", month(2021, 8), "Lapid's visit to Morocco earlier in August"),
    ev(C7, "043", "MAR", "ISR", month(2021, 8), "host side", opt=True),
    ev(C7, "111", "ISR", "DZA", month(2021, 8), "Lapid's remarks about Algeria", codes=["11", "01"], strict=["11", "01"], opt=True),
    ev(C7, "110", "MAR", "DZA", month(2021, 7), "Moroccan UN note on 'self-determination' for Kabylie", codes=["11", "05", "01"],
       strict=["11", "05", "01"], opt=True),
    ev(C7, "161", "DZA", "MAR", month(2021, 7), "Algeria recalled its ambassador in Rabat for consultations in July (recall)"),
    ev(C7, "014", "DZA", "MAR", A18, "High Security Council decides to 'review' relations (considering, not breaking)", codes=["01", "13"],
       strict=["014", "1313"], opt=True),
    ev(C7, "112", "DZA", "MAR", A18, "Council accuses Rabat of backing two groups Algeria calls terrorist"),
    ev(C7, "152", "DZA", "MAR", A18, "tighter security surveillance on the western border", codes=["15"], strict=["15"], opt=True),
    ev(C7, "020", "MAR", "DZA", month(2021, 7), "King Mohammed VI calls for opening the border (end of July)", codes=["02", "03"], strict=["02"]),
    ev(C7, "190", "DZA", "MAR", year(1963), "background: the 1963 Sand War", opt=True, mutual=True, **FIGHT),
]
# no event: «أذان المغرب» (the sunset prayer), اتحاد المغرب العربي (the Maghreb union), the border 'closed since 1994' (a state)
J20 = day("2023-07-20")
EVENTS += [
    ev(C8, "161", "IRQ", "SWE", J20, "PM orders ambassador Jessica Svardstrom to leave Iraq", **EXPEL),
    ev(C8, "161", "IRQ", "SWE", J20, "Iraqi charge d'affaires withdrawn from Stockholm (سحب: own envoy)"),
    ev(C8, "163", "IRQ", "SWE", J20, "Ericsson's work licence suspended", codes=["16", "17"], strict=["163", "172"]),
    ev(C8, "111", "IRQ", "SWE", J20, "spokesman: response to Sweden repeatedly allowing Quran burnings", strict=["111", "112"]),
    ev(C8, "1313", "IRQ", "SWE", J20, "earlier that day Iraq threatened to cut relations (هددت بقطع العلاقات): a threat, not a break",
       codes=["13"], strict=["1313"]),
    ev(C8, "145", "IRQ", "SWE", J20, "target-first passive: the embassy 'was stormed' at dawn by Sadr supporters who set it on fire", **STORM),
    ev(C8, "175", "IRQ", "IRQ", J20, "security forces disperse the protesters with water cannon (domestic)", codes=["17", "14"], strict=["17"], opt=True),
    ev(C8, "111", "IRQ", "IRQ", J20, "Iraqi MFA condemns the attack, investigation ordered (domestic)", codes=["11", "09"], strict=["11", "09"], opt=True),
    ev(C8, "111", "SWE", "IRQ", J20, "Billstrom: storming 'totally unacceptable', Iraq failed to protect missions"),
    ev(C8, "114", "SWE", "IRQ", J20, "Sweden summons the Iraqi charge d'affaires (استدعاء: summons)", **SUMMON),
    ev(C8, "145", "IRQ", "SWE", month(2023, 6), "late June: protesters stormed the same embassy", **STORM),
]
# no event: 'لم تقع إصابات' (no injuries occurred), «الحرب على الفساد», Momika's announced burning (a plan of a private person)
O29, O30, O27 = day("2021-10-29"), day("2021-10-30"), day("2021-10-27")
EVENTS += [
    ev(C9, "161", "KWT", "LBN", O30, "Kuwait recalls its ambassador for consultations"),
    ev(C9, "161", "KWT", "LBN", O30, "Lebanese charge d'affaires given 48 hours", **EXPEL),
    ev(C9, "161", "ARE", "LBN", O30, "UAE withdraws its diplomats from Lebanon"),
    ev(C9, "160", "ARE", "LBN", O30, "UAE bars its citizens from travelling to Lebanon", codes=["16", "17"], strict=["16", "17"]),
    ev(C9, "161", "SAU", "LBN", O29, "Saudi Arabia recalls ambassador Walid Bukhari for consultations"),
    ev(C9, "161", "SAU", "LBN", O29, "Lebanese ambassador told to leave within 48 hours", **EXPEL),
    ev(C9, "163", "SAU", "LBN", O29, "all Lebanese imports halted"),
    ev(C9, "112", "SAU", "LBN", O29, "Saudi MFA cites Hezbollah's dominance and failure to stop drug smuggling", strict=["112", "111"]),
    ev(C9, "161", "BHR", "LBN", O29, "Bahrain tells the Lebanese ambassador to leave within 48 hours", **EXPEL),
]
EVENTS += [ev(C9, "114", s, "LBN", O27, "Lebanese ambassador summoned, protest note (Wednesday)", **SUMMON) for s in ("SAU", "KWT", "BHR")]
EVENTS += [
    ev(C9, "111", "LBN", "SAU", None, "Kordahi's remarks (recorded 5 Aug, circulated Tuesday 26 Oct): target only implied; his claim about the Houthis is reported speech, no event",
       opt=True),
    ev(C9, "016", "LBN", "SAU", None, "Kordahi denies his stance is hostile towards Saudi Arabia (a denial)", codes=["01"], strict=["016"]),
    ev(C9, "124", "LBN", "SAU", None, "refuses to apologize or resign", codes=["12"], strict=["12"], opt=True),
    ev(C9, "025", "LBN", "SAU", None, "Mikati regrets the decision and hopes Riyadh will reconsider", codes=["02", "01", "11"], strict=["02"]),
    ev(C9, "163", "SAU", "LBN", month(2021, 4), "April: ban on Lebanese fruit and vegetables after a captagon seizure"),
]
N24, O7 = day("2023-11-24"), day("2023-10-07")
EVENTS += [
    ev(C10, "0871", "ISR", "PSE", N24, "humanitarian truce between Israel and Hamas in force from 7 a.m.", mutual=True, **TRUCE),
    ev(C10, "0841", "PSE", "ISR", N24, "Hamas releases 13 Israelis (أطلقت سراح)", **FREE),
    ev(C10, "0841", "PSE", "THA", N24, "and ten Thai nationals", **FREE),
    ev(C10, "0841", "PSE", "PHL", N24, "and one Filipino", **FREE),
    ev(C10, "0841", "ISR", "PSE", N24, "Israel frees 39 Palestinian women and minors", **FREE),
    ev(C10, "045", "QAT", "ISR", None, "Qatari mediation (announced Wednesday)", **MEDIATE),
    ev(C10, "045", "QAT", "PSE", None, "Qatari mediation", **MEDIATE),
    ev(C10, "0863", "ISR", "PSE", None, "more aid convoys and fuel to enter Gaza", codes=["08", "07", "03"], strict=["086", "03"], opt=True, mod="expected"),
    ev(C10, "0353", "ISR", "PSE", None, "50 women and children to be freed for 150 Palestinians during the truce", codes=["03", "08"],
       strict=["0353", "084"], opt=True, mod="expected", mutual=True),
    ev(C10, "193", "ISR", "PSE", N24, "Israeli forces opened fire (أطلقت النار) on displaced people returning north; two killed",
       codes=["19", "18"], strict=["193", "196", "190"]),
    ev(C10, "130", "ISR", "PSE", None, "army leaflets warn residents not to return north", codes=["13", "17", "01"], strict=["13", "17", "01"], opt=True),
    ev(C10, "190", "PSE", "ISR", O7, "background: Hamas attack of 7 October", codes=["19", "18"], strict=["19", "18"]),
    ev(C10, "181", "PSE", "ISR", O7, "about 240 people taken captive", codes=["18"], strict=["181"]),
    ev(C10, "190", "ISR", "PSE", day("2023-10-07", "2023-11-24"), "Israel's war on Gaza since October", codes=["19", "18", "20"], strict=["19"]),
]
EVENTS += [ev(C10, "045", m, p, None, "Egyptian / American co-mediation (nisba adjectives)", opt=True, **MEDIATE)
           for m in ("EGY", "USA") for p in ("ISR", "PSE")]
N27, N26 = day("2024-11-27"), day("2024-11-26")
EVENTS += [
    ev(C11, "0871", "ISR", "LBN", N27, "ceasefire between Israel and Hezbollah from 4 a.m. (وقف إطلاق النار: no firing)", mutual=True, **TRUCE),
    ev(C11, "045", "USA", "ISR", None, "US mediation", **MEDIATE), ev(C11, "045", "USA", "LBN", None, "US mediation", **MEDIATE),
    ev(C11, "045", "FRA", "ISR", None, "French co-mediation (adjective)", opt=True, **MEDIATE),
    ev(C11, "045", "FRA", "LBN", None, "French co-mediation (adjective)", opt=True, **MEDIATE),
    ev(C11, "030", "ISR", "LBN", N26, "both governments accept the agreement", codes=["03", "05", "08"], strict=["03", "05"], opt=True, mutual=True),
    ev(C11, "0356", "ISR", "LBN", day("2024-11-27", "2025-01-26"), "Israel to withdraw its forces (تسحب قواتها) within 60 days: planned",
       codes=["03", "08"], strict=["0356", "087"], opt=True, mod="expected"),
    ev(C11, "138", "ISR", "LBN", None, "Netanyahu warns Israel will respond forcefully to any violation (a threat, not a strike)",
       codes=["13"], strict=["138", "130"]),
    ev(C11, "051", "LBN", "USA", None, "Mikati welcomes the US-brokered agreement", codes=["05", "01"], strict=["05", "01"], opt=True),
    ev(C11, "195", "ISR", "LBN", N26, "Israeli air strikes on Beirut's southern suburbs and centre hours before the truce", **AIR),
    ev(C11, "195", "LBN", "ISR", N26, "Hezbollah fires rockets and drones at Israel", **STRIKE),
    ev(C11, "190", "LBN", "ISR", day("2023-10-08"), "background: Hezbollah began shelling Israeli positions, 8 Oct 2023", **FIGHT),
    ev(C11, "195", "ISR", "LBN", month(2024, 9), "Israel escalates its air campaign, September 2024", **STRIKE),
    ev(C11, "190", "ISR", "LBN", month(2024, 10), "ground operation in southern Lebanon from early October", **FIGHT),
    ev(C11, "190", "PSE", "ISR", O7, "background: Hamas attack on southern Israel", opt=True, **FIGHT),
]
J22 = day("2024-01-22")
EVENTS += [
    ev(C12, "050", "PAK", "IRN", J22, "ambassadors to return to their posts by 26 Jan", mutual=True, **RESTORE),
    ev(C12, "041", "PAK", "IRN", None, "Jilani / Amir-Abdollahian telephone conversation behind the joint statement", mutual=True),
    ev(C12, "036", "IRN", "PAK", day("2024-01-29"), "Amir-Abdollahian to visit Pakistan on 29 Jan", codes=["03", "04"], strict=["03"], opt=True, mod="expected"),
    ev(C12, "195", "IRN", "PAK", day("2024-01-16"), "Iranian missile and drone strike in Balochistan, two children killed", **AIR),
    ev(C12, "195", "IRN", UNK, day("2024-01-16"), "declared target: the militant group Jaish al-Adl (no country given)", opt=True, **AIR),
    ev(C12, "111", "PAK", "IRN", day("2024-01-16", "2024-01-17"), "Pakistan calls the strike an unprovoked breach of sovereignty"),
    ev(C12, "161", "PAK", "IRN", day("2024-01-17"), "Islamabad recalls its ambassador from Tehran"),
    ev(C12, "161", "PAK", "IRN", day("2024-01-17"), "Iran's ambassador told not to return", **EXPEL),
    ev(C12, "160", "PAK", "IRN", day("2024-01-17"), "high-level visits suspended", codes=["16", "12"], strict=["16"]),
    ev(C12, "138", "PAK", "IRN", day("2024-01-17"), "reserves the right to respond (a threat, not the later strike)", **THREAT),
    ev(C12, "016", "IRN", "PAK", None, "Amir-Abdollahian denies Pakistani nationals were targeted (a denial)", codes=["01"], strict=["016"]),
    ev(C12, "195", "PAK", "IRN", day("2024-01-18"), "Pakistani 'precision strikes' in Sistan-Baluchestan, nine killed", **STRIKE),
    ev(C12, "195", "PAK", UNK, day("2024-01-18"), "declared target: separatist militants (no country given)", opt=True, **STRIKE),
    ev(C12, "114", "IRN", "PAK", day("2024-01-18"), "Tehran summons Pakistan's charge d'affaires", **SUMMON),
    ev(C12, "041", "PAK", "IRN", day("2024-01-19"), "ministers speak by phone on 19 Jan", mutual=True),
    ev(C12, "0356", "PAK", "IRN", day("2024-01-19"), "agree to de-escalate", mutual=True, **DEESC),
    ev(C12, "051", "SAU", "PAK", J22, "Saudi Arabia welcomes the announcement", codes=["05", "01"], strict=["05", "01"], opt=True),
    ev(C12, "051", "SAU", "IRN", J22, "Saudi Arabia welcomes the announcement", codes=["05", "01"], strict=["05", "01"], opt=True),
    ev(C12, "195", "IRN", "IRQ", None, "Iranian strikes in Iraq's Kurdistan region shortly before", **STRIKE),
    ev(C12, "195", "IRN", "SYR", None, "and in Syria", **STRIKE),
    ev(C12, "161", "IRQ", "IRN", None, "Baghdad recalls its ambassador from Tehran"),
]
N24b, N25 = day("2015-11-24"), day("2015-11-25")
EVENTS += [
    ev(C13, "195", "TUR", "RUS", N24b, "Turkish F-16s shoot down the Su-24", **AIR),
    ev(C13, "016", "RUS", "TUR", None, "defence ministry denies the jet left Syrian airspace (a denial; the violation is not an event)",
       codes=["01"], strict=["016"]),
    ev(C13, "112", "TUR", "RUS", N24b, "Ankara says the jet entered Turkish airspace", opt=True, strict=["112"]),
    ev(C13, "138", "TUR", "RUS", N24b, "ten warnings in five minutes", opt=True, **THREAT),
    ev(C13, "193", "SYR", "RUS", N24b, "Syrian Turkmen rebels shot at the parachuting airmen; pilot killed", codes=["19", "18"], strict=["193", "190"]),
    ev(C13, "190", UNK, "RUS", N24b, "the search helicopter 'came under fire' (shooter not named); a marine killed", **FIGHT),
    ev(C13, "111", "RUS", "TUR", N24b, "Putin: 'a stab in the back by the accomplices of terrorists'", strict=["111", "112"]),
    ev(C13, "130", "RUS", "TUR", N24b, "Putin warns of serious consequences (a threat)", **THREAT),
    ev(C13, "164", "RUS", "TUR", None, "general staff suspends all military contacts with Turkey", codes=["16"], strict=["16"]),
    ev(C13, "125", "RUS", "TUR", N25, "Lavrov calls off his trip to Turkey", codes=["12", "16"], strict=["125", "16"]),
    ev(C13, "160", "RUS", "TUR", N25, "Russians advised not to travel to Turkey", codes=["16", "17"], strict=["16", "17"], opt=True),
    ev(C13, "1312", "RUS", "TUR", N25, "Medvedev: joint projects could be cancelled, Turkish firms could lose the market (threatened sanctions, not sanctions)",
       codes=["13"], strict=["1312", "131"]),
    ev(C13, "150", "RUS", "TUR", N25, "S-400 systems to be deployed to Hmeimim", codes=["15"], strict=["15"], opt=True, mod="expected"),
    ev(C13, "013", "TUR", "RUS", None, "Erdogan: no wish to escalate, but will defend the borders", codes=["01", "03", "13"], strict=["01", "03", "13"], opt=True),
    ev(C13, "040", "TUR", "IGONATO", N24b, "emergency NATO meeting at Turkey's request", codes=["04", "02"], strict=["04", "02"]),
    ev(C13, "051", "IGONATO", "TUR", N24b, "NATO stands in solidarity with Turkey", strict=["051", "052", "053"]),
    ev(C13, "061", "TUR", "RUS", None, "closer ties in energy and tourism", codes=["06"], strict=["06"], opt=True, mutual=True),
]
# no event: Lavrov's 'no intention of going to war' (negated), the 1950s downings, the empires' wars
J12 = day("2024-01-12")
EVENTS += [
    ev(C14, "195", "USA", "YEM", J12, "US strikes on more than 60 Houthi targets (warplanes, Tomahawks)", **AIR),
    ev(C14, "195", "GBR", "YEM", J12, "British strikes alongside", **AIR),
    ev(C14, "138", "USA", "YEM", J12, "Biden: will not hesitate to order further measures", opt=True, **THREAT),
    ev(C14, "138", "YEM", "USA", J12, "al-Ezzi: Washington will pay a heavy price (a threat, not an attack)", codes=["13"], strict=["138", "130"]),
    ev(C14, "138", "YEM", "GBR", J12, "... and London", codes=["13"], strict=["138", "130"]),
    ev(C14, "195", "YEM", UNK, span("2023-11-01", "2024-01-12"), "since November, dozens of Houthi attacks on merchant ships (flags not given)", **STRIKE),
    ev(C14, "181", "YEM", UNK, day("2023-11-19"), "Galaxy Leader seized and its 25 crew taken hostage", codes=["18", "17"], strict=["181"]),
    ev(C14, "195", "YEM", UNK, day("2024-01-09"), "Tuesday: the group's largest drone and missile attack (target not named)", **AIR),
    ev(C14, "190", "USA", "YEM", day("2024-01-09"), "US warships and aircraft shoot the drones and missiles down", codes=["19", "15"], strict=["19", "15"], opt=True),
    ev(C14, "190", "GBR", "YEM", day("2024-01-09"), "British warships too", codes=["19", "15"], strict=["19", "15"], opt=True),
    ev(C14, "100", "IGOUNSC", "YEM", day("2024-01-10"), "Security Council resolution demands the Houthis stop the attacks", codes=["10"], strict=["10"]),
    ev(C14, "025", "SAU", "USA", J12, "Saudi Arabia calls for self-restraint", codes=["02", "01"], strict=["02", "01"], opt=True),
    ev(C14, "025", "SAU", "YEM", J12, "Saudi Arabia calls for self-restraint", codes=["02", "01"], strict=["02", "01"], opt=True),
    ev(C14, "0871", "SAU", "YEM", year(2022), "de facto truce with the Houthis since 2022", opt=True, mutual=True, **TRUCE),
]
EVENTS += [ev(C14, "062", s, "USA", J12, "support for the strikes", codes=["06", "07"], strict=["06", "07"], opt=True) for s in ("AUS", "BHR", "CAN", "NLD")]
S19, S16 = day("2022-09-19"), day("2022-09-16")
EVENTS += [
    ev(C15, "057", "KGZ", "TJK", S19, "Tashiev and Yatimov sign the protocol late on Monday", mutual=True),
    ev(C15, "0871", "KGZ", "TJK", S19, "protocol provides for a complete ceasefire", mutual=True, **TRUCE),
    ev(C15, "0356", "KGZ", "TJK", S19, "withdrawal of troops and equipment to permanent bases (planned)", mutual=True, opt=True, mod="expected", **DEESC),
    ev(C15, "190", "KGZ", "TJK", day("2022-09-14", "2022-09-19"), "border fighting from 14 Sept with tanks, artillery and drones", mutual=True, **FIGHT),
    ev(C15, "112", "KGZ", "TJK", None, "Bishkek blames Tajik guards (their incursion is a reported claim, not a 192)", strict=["112"]),
    ev(C15, "112", "TJK", "KGZ", None, "Dushanbe says Kyrgyz forces shelled Tajik villages (reported claim)", strict=["112"]),
    ev(C15, "044", "KGZ", "TJK", S16, "Japarov and Rahmon meet at the SCO summit in Samarkand", strict=["04"], mutual=True),
    ev(C15, "040", "KGZ", "IGOSCO", S16, "attends the SCO summit", strict=["04"], opt=True),
    ev(C15, "040", "TJK", "IGOSCO", S16, "attends the SCO summit", strict=["04"], opt=True),
    ev(C15, "0356", "KGZ", "TJK", S16, "presidents agree to order a ceasefire and pullback", mutual=True, codes=["03", "08"], strict=["03", "087"]),
    ev(C15, "0871", "KGZ", "TJK", S16, "security chiefs announce a truce on Friday afternoon", mutual=True, **TRUCE),
    ev(C15, "112", "KGZ", "TJK", S16, "accuses Tajikistan of breaking the truce (the violation is only alleged)", strict=["112"]),
    ev(C15, "112", "TJK", "KGZ", S16, "accuses Kyrgyzstan of breaking the truce", strict=["112"]),
    ev(C15, "041", "RUS", "KGZ", None, "Putin's phone call with Japarov"),
    ev(C15, "041", "RUS", "TJK", None, "Putin's phone call with Rahmon"),
    ev(C15, "027", "RUS", "KGZ", None, "urges a peaceful settlement", codes=["02"], strict=["02"], opt=True),
    ev(C15, "027", "RUS", "TJK", None, "urges a peaceful settlement", codes=["02"], strict=["02"], opt=True),
    ev(C15, "190", "KGZ", "TJK", month(2021, 4), "background: April 2021 clashes", mutual=True, **FIGHT),
]

# ---------------------------------------------------------------------------------------------
# Multilateral-meeting articles (summits, ministerial sessions, forums): many officials of many
# countries. A meeting of an organization is coded for the organization (IGO code) and the host;
# the states the text names as attending get their visits (042) as optional unless the text
# reports the arrival; a signing by several named states is coded per dyad, the first-named pair
# strict and the other pairs optional.
N1 = "kaz-syr-astana-talks-2017-01.txt"; N2 = "tur-pse-oic-summit-istanbul-2017-12.txt"
N3 = "sau-irn-arab-islamic-summit-2023-11.txt"; N4 = "uzb-qat-gcc-central-asia-tashkent-2024-04.txt"
N5 = "chn-mrt-arab-china-forum-beijing-2024-05.txt"; N6 = "chn-kgz-sco-founding-shanghai-2001-06.txt"
N7 = "lbn-sau-arab-summit-beirut-2002-03.txt"; N8 = "sau-idn-asean-gcc-summit-en-2023-10.txt"
N9 = "sau-syr-arab-summit-jeddah-en-2023-05.txt"; N10 = "kaz-oic-astana-cfm-en-2011-06.txt"
NDOCS = [N1, N2, N3, N4, N5, N6, N7, N8, N9, N10]
DOCS += NDOCS
PRAISE = dict(codes=["05", "01"], strict=["051", "05"])
AST, AST24 = day("2017-01-23", "2017-01-24"), day("2017-01-24")
EVENTS += [ev(N1, "030", a, b, AST24, "Russia, Iran and Turkey agree on a trilateral mechanism to monitor the ceasefire",
              codes=["03", "05", "06"], strict=["03", "057"], mutual=True) for a, b in (("RUS", "IRN"), ("RUS", "TUR"), ("IRN", "TUR"))]
EVENTS += [ev(N1, "045", m, "SYR", AST, "talks sponsored by the three guarantors (رعتها روسيا وإيران وتركيا)", **MEDIATE)
           for m in ("RUS", "IRN", "TUR")]
EVENTS += [
    ev(N1, "043", "KAZ", "SYR", AST, "Kazakhstan hosts the talks in Astana", strict=["04"], opt=True),
    ev(N1, "042", "SYR", "KAZ", AST, "Syrian delegations in Astana", strict=["04"], opt=True),
    ev(N1, "046", "SYR", "SYR", AST, "indirect talks between the government and the armed opposition (domestic)", strict=["04"], opt=True, mutual=True),
    ev(N1, "112", "SYR", "IRN", AST, "Alloush rejects Iran as a guarantor, accuses Tehran-backed militias of breaching the truce",
       codes=["11", "12"], strict=["112", "111", "12"]),
    ev(N1, "112", "SYR", "TUR", AST, "al-Jaafari accuses Ankara of backing terrorist groups", strict=["112", "111"]),
    ev(N1, "030", "RUS", "SYR", AST, "Lavrentiev: Russia handed the opposition a draft Syrian constitution", codes=["03", "04", "05"],
       strict=["03"], opt=True, mod="proposed"),
    ev(N1, "032", "RUS", "SYR", day("2017-02-08"), "the three back the opposition's participation in the Geneva round of 8 Feb",
       codes=["03", "05"], strict=["03"], opt=True, mod="expected"),
    ev(N1, "0871", "SYR", "SYR", day("2016-12-30"), "background: ceasefire in force since 30 Dec (domestic)", opt=True, mutual=True, **TRUCE),
]
D13, D12b, D6b = day("2017-12-13"), day("2017-12-12"), day("2017-12-06")
EVENTS += [
    ev(N2, "054", "IGOOIC", "PSE", D13, "OIC summit declares East Jerusalem the capital of the State of Palestine", codes=["05"], strict=["054", "05"]),
    ev(N2, "111", "IGOOIC", "USA", D13, "final communique rejects and condemns the US decision as null and void", codes=["11", "12"], strict=["111", "12"]),
    ev(N2, "054", "USA", "ISR", D6b, "background: Trump recognizes Jerusalem as Israel's capital on 6 Dec", codes=["05"], strict=["054", "05"]),
    ev(N2, "043", "TUR", "IGOOIC", D13, "Erdogan convenes and hosts the extraordinary summit in Istanbul", codes=["04"], strict=["04"], opt=True),
    ev(N2, "040", "TUR", "PSE", D12b, "the Turkish president meets Abbas on Tuesday evening in Istanbul", strict=["04"]),
    ev(N2, "111", "PSE", "USA", D13, "Abbas: the US is no longer fit to mediate", codes=["11", "12"], strict=["111", "112"]),
    ev(N2, "111", "IRN", "USA", D13, "Rouhani criticizes the US position", strict=["111", "112"]),
    ev(N2, "111", "SAU", "USA", D13, "King Salman expresses denunciation and regret over the US decision (Shura speech)", strict=["111"]),
    ev(N2, "051", "SAU", "PSE", D13, "and reaffirms the Palestinians' right to a state with East Jerusalem as its capital",
       codes=["05", "01", "03"], strict=["05", "01"], opt=True),
    ev(N2, "022", "TUR", UNK, D13, "Erdogan calls on states to recognize Jerusalem as Palestine's capital (addressees not named)",
       codes=["02"], strict=["02"], opt=True),
    ev(N2, "040", "TUR", "IGOOIC", D13, "Cavusoglu chairs the preparatory foreign ministers' meeting", strict=["04"], opt=True),
]
EVENTS += [ev(N2, "042", s, "TUR", D13, "leader at the summit in Istanbul", strict=["04"], opt=True) for s in ("PSE", "IRN", "JOR", "LBN")]
N11 = day("2023-11-11")
EVENTS += [
    ev(N3, "042", "IRN", "SAU", N11, "Raisi in Riyadh, first visit of an Iranian president in over eleven years"),
    ev(N3, "043", "SAU", "IRN", N11, "received by the deputy governor of Riyadh and the ambassadors", opt=True),
    ev(N3, "040", "SAU", "IRN", N11, "the Crown Prince meets Raisi on the summit sidelines", strict=["04"]),
    ev(N3, "040", "SAU", "TUR", N11, "the Crown Prince meets Erdogan", strict=["04"]),
    ev(N3, "040", "SAU", "PSE", N11, "the Crown Prince meets Abbas", strict=["04"]),
    ev(N3, "042", "TUR", "SAU", N11, "Erdogan at the Riyadh summit", strict=["04"], opt=True),
    ev(N3, "042", "PSE", "SAU", N11, "Abbas at the Riyadh summit", strict=["04"], opt=True),
    ev(N3, "042", "QAT", "SAU", N11, "Tamim at the Riyadh summit", strict=["04"], opt=True),
    ev(N3, "044", "IRN", "QAT", N11, "Raisi meets the Emir of Qatar in Riyadh (third location)", strict=["04"]),
    ev(N3, "112", "SAU", "ISR", N11, "the Crown Prince holds the Israeli occupation authorities responsible for crimes against civilians",
       strict=["112", "111"]),
    ev(N3, "100", "SAU", "ISR", N11, "demands an immediate halt to military operations", codes=["10", "02"], strict=["10"], opt=True),
    ev(N3, "100", "IGOOIC", "ISR", N11, "final statement demands breaking the siege of Gaza and immediate aid access", codes=["10", "11"], strict=["10"]),
    ev(N3, "100", "IGOARL", "ISR", N11, "same demand (joint Arab-Islamic summit)", codes=["10", "11"], strict=["10"], opt=True),
    ev(N3, "111", "IGOOIC", "ISR", N11, "rejects calling the war self-defence", codes=["11", "12"], strict=["11", "12"], opt=True),
    ev(N3, "050", "SAU", "IRN", month(2023, 3), "background: China-brokered agreement to resume relations, March", mutual=True, **RESTORE),
    ev(N3, "045", "CHN", "SAU", month(2023, 3), "background: China sponsored the agreement", opt=True, **MEDIATE),
    ev(N3, "045", "CHN", "IRN", month(2023, 3), "background: China sponsored the agreement", opt=True, **MEDIATE),
    ev(N3, "041", "IRN", "SAU", month(2023, 10), "background: Raisi's first phone call to the Crown Prince, October"),
]
A15 = day("2024-04-15")
EVENTS += [
    ev(N4, "040", "QAT", "UZB", A15, "2nd GCC-Central Asia ministerial meeting co-chaired by the Qatari PM (GCC chair) and Uzbek FM Saidov",
       strict=["04"], mutual=True),
    ev(N4, "040", "IGOGCC", "UZB", A15, "GCC-Central Asia strategic dialogue meeting in Tashkent", strict=["04"], opt=True, mutual=True),
    ev(N4, "042", "QAT", "UZB", A15, "Qatari PM and FM in Tashkent", strict=["04"]),
    ev(N4, "043", "UZB", "QAT", A15, "host side", strict=["04"], opt=True),
    ev(N4, "040", "UZB", "QAT", A15, "Mirziyoyev receives the Qatari PM: trade, investment, Trans-Afghan railway", strict=["04"]),
    ev(N4, "040", "UZB", "SAU", A15, "Mirziyoyev receives the Saudi FM: preparations for the second summit", strict=["04"]),
    ev(N4, "042", "SAU", "UZB", A15, "Saudi FM in Tashkent", strict=["04"], opt=True),
    ev(N4, "051", "IGOGCC", "UZB", A15, "Albudaiwi thanks Uzbekistan for its hospitality", opt=True, **PRAISE),
    ev(N4, "057", "IGOGCC", "UZB", A15, "joint statement adopted", codes=["05", "03"], strict=["057", "05", "03"], opt=True, mutual=True),
    ev(N4, "036", "IGOGCC", "UZB", year(2025), "second GCC-Central Asia summit to be held in Samarkand in 2025", codes=["03", "04"], strict=["03"],
       opt=True, mod="expected", mutual=True),
    ev(N4, "036", "IGOGCC", "KWT", year(2026), "next ministerial meeting in Kuwait in 2026", codes=["03", "04"], strict=["03"], opt=True, mod="expected"),
]
EVENTS += [ev(N4, "042", s, "UZB", A15, "minister at the Tashkent meeting", strict=["04"], opt=True) for s in ("TKM", "TJK", "KGZ", "ARE")]
M30 = day("2024-05-30")
EVENTS += [
    ev(N5, "040", "CHN", "IGOARL", M30, "10th ministerial meeting of the China-Arab States Cooperation Forum in Beijing", strict=["04"], mutual=True),
    ev(N5, "040", "CHN", "MRT", M30, "co-chaired by Wang Yi and Mauritania's foreign minister", strict=["04"], opt=True, mutual=True),
    ev(N5, "057", "CHN", "IGOARL", M30, "cooperation documents signed with the Arab League general secretariat"),
    ev(N5, "036", "CHN", "IGOARL", year(2026), "Xi: China will host the second China-Arab States Summit in 2026", codes=["03"], strict=["03"],
       opt=True, mod="expected"),
    ev(N5, "032", "CHN", "PSE", M30, "Xi reaffirms support for Palestine's full UN membership", codes=["03", "05"], strict=["03", "05"], opt=True),
    ev(N5, "042", "ARE", "KOR", None, "background: MBZ in Seoul before Beijing (no date in the text)", strict=["04"], opt=True),
    ev(N5, "046", "ARE", "KOR", None, "talks with President Yoon Suk Yeol", strict=["04"], opt=True),
    ev(N5, "050", "ARE", "CHN", year(1984), "background: diplomatic relations established 1984", codes=["05"], strict=["05"], opt=True, mutual=True),
]
EVENTS += [ev(N5, "042", s, "CHN", M30, "state visit to China, present at the opening", strict=["04"]) for s in ("ARE", "BHR", "EGY", "TUN")]
EVENTS += [ev(N5, "043", "CHN", s, M30, "host side", strict=["04"], opt=True) for s in ("ARE", "BHR", "EGY", "TUN")]
SCO = ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"); S15, SHA = day("2001-06-15"), day("2001-06-14", "2001-06-15")
from itertools import combinations
EVENTS += [ev(N6, "057", a, b, S15, "declaration on the establishment of the SCO signed by the six presidents (first-named pair strict)",
              mutual=True, opt=(a, b) != ("CHN", "RUS")) for a, b in combinations(SCO, 2)]
EVENTS += [
    ev(N6, "057", "CHN", "RUS", S15, "Shanghai Convention on combating terrorism, separatism and extremism signed", mutual=True),
    ev(N6, "0314", "CHN", "RUS", S15, "agreement to set up a regional anti-terrorist centre in Bishkek", codes=["03", "06"], strict=["03"],
       opt=True, mutual=True, mod="expected"),
    ev(N6, "036", "KAZ", "IGOSCO", month(2001, 9), "first meeting of heads of government in mid-September, proposed by Kazakhstan", codes=["03"],
       strict=["03"], opt=True, mod="expected"),
    ev(N6, "057", "CHN", "RUS", day("1996-04-26"), "background: 1996 Shanghai agreement on military confidence-building in border areas", mutual=True),
    ev(N6, "057", "CHN", "RUS", day("1997-04-24"), "background: 1997 Moscow agreement on mutual reduction of armed forces", mutual=True),
]
EVENTS += [ev(N6, "057", "CHN", s, day("1996-04-26"), "background: 1996 Shanghai agreement (other signatories)", mutual=True, opt=True)
           for s in ("KAZ", "KGZ", "TJK")]
EVENTS += [ev(N6, "042", s, "CHN", SHA, "president in Shanghai for the summit", strict=["04"], opt=True) for s in SCO[1:]]
EVENTS.append(ev(N6, "043", "CHN", "IGOSCO", SHA, "Jiang chairs the summit he hosts", strict=["04"], opt=True))
M27, M28, BEI = day("2002-03-27"), day("2002-03-28"), day("2002-03-27", "2002-03-28")
EVENTS += [
    ev(N7, "030", "IGOARL", "ISR", M28, "summit adopts the Arab Peace Initiative: normal relations for full withdrawal", codes=["03", "05"], strict=["03"]),
    ev(N7, "030", "SAU", "ISR", M27, "Crown Prince Abdullah presents his initiative to the summit", codes=["03", "05"], strict=["03"], mod="proposed"),
    ev(N7, "051", "IGOARL", "SAU", M28, "unanimous endorsement of the Saudi initiative", opt=True, **PRAISE),
    ev(N7, "042", "SAU", "LBN", BEI, "Crown Prince Abdullah in Beirut for the summit", strict=["04"]),
    ev(N7, "043", "LBN", "SAU", BEI, "host side", strict=["04"], opt=True),
    ev(N7, "042", "JOR", "LBN", M27, "Jordanian PM opens the summit as outgoing chair", strict=["04"], opt=True),
    ev(N7, "051", "JOR", "SAU", M27, "Abul Ragheb: Jordan's full support for the initiative", **PRAISE),
    ev(N7, "111", "PSE", "IGOARL", M27, "Palestinian walkout from the session over the failure to air Arafat's televised speech",
       codes=["11", "14", "12"], strict=["111", "14"]),
    ev(N7, "111", "PSE", "LBN", M27, "the host (not named as the one who blocked the broadcast)", codes=["11", "14", "12"], strict=["111", "14"], opt=True),
    ev(N7, "051", "PSE", "SAU", M28, "the Palestinian delegation returns and backs the initiative", opt=True, **PRAISE),
    ev(N7, "030", "IRQ", "KWT", M28, "Iraq affirms respect for Kuwait's independence, sovereignty and security", codes=["03", "05"], strict=["03", "05"]),
    ev(N7, "051", "IGOARL", "IRQ", M28, "summit welcomes the Iraqi commitment", opt=True, **PRAISE),
    ev(N7, "017", "SAU", "IRQ", M28, "the Crown Prince and the head of the Iraqi delegation embrace", codes=["01", "05"], strict=["017"],
       opt=True, mutual=True),
    ev(N7, "192", "IRQ", "KWT", year(1990), "background: the Iraqi invasion of Kuwait in 1990", codes=["19", "18"], strict=["192", "190"]),
    ev(N7, "020", "SAU", "ISR", M28, "Saud al-Faisal hopes the Israelis will respond to the initiative", codes=["02", "01"], strict=["02"], opt=True),
    ev(N7, "020", "LBN", "ISR", M28, "Hammoud: the next step is up to Israel", codes=["02", "01"], strict=["02"], opt=True),
    ev(N7, "051", "KWT", "SAU", day("2002-03-25", "2002-03-26"), "Kuwaiti minister: the Saudi initiative enjoys general agreement",
       codes=["05", "01"], strict=["05", "01"], opt=True),
]
# no event: Arafat's and the Egyptian president's absence, Israel's refusal to guarantee Arafat's return (a non-act),
# Qaddoumi's prediction of an Israeli strike (a forecast, not a threat), the Netanya bombing (no actor given)
O20, O19 = day("2023-10-20"), day("2023-10-19")
EVENTS += [
    ev(N8, "040", "IGOGCC", "IGOASEAN", O20, "first GCC-ASEAN summit in Riyadh chaired by the Crown Prince", strict=["04"], mutual=True),
    ev(N8, "043", "SAU", "IGOASEAN", O20, "Saudi Arabia hosts the summit", strict=["04"], opt=True),
    ev(N8, "036", "IGOGCC", "IGOASEAN", None, "summits to be held every two years on a rotating basis", codes=["03"], strict=["03"],
       mod="expected", mutual=True),
    ev(N8, "057", "IGOGCC", "IGOASEAN", O20, "framework of cooperation 2024-2028 adopted", codes=["05", "03"], strict=["057", "05"], opt=True, mutual=True),
    ev(N8, "040", "SAU", "IDN", O19, "the Crown Prince holds talks with Widodo on Thursday", strict=["04"]),
    ev(N8, "040", "SAU", "VNM", day("2023-10-18", "2023-10-19"), "meets the Vietnamese prime minister ahead of the summit", strict=["04"]),
    ev(N8, "040", "SAU", "SGP", day("2023-10-18", "2023-10-19"), "receives Singapore's prime minister at Al Yamamah Palace", strict=["04"]),
    ev(N8, "042", "ARE", "SAU", O20, "UAE President listed among those attending", strict=["04"], opt=True),
]
EVENTS += [ev(N8, "042", s, "SAU", day("2023-10-18", "2023-10-20"), "arrived on Wednesday for the summit", strict=["04"]) for s in ("IDN", "VNM", "TLS")]
EVENTS += [ev(N8, "042", s, "SAU", day("2023-10-19", "2023-10-20"), "arrived on Thursday for the summit", strict=["04"]) for s in ("PHL", "MYS")]
EVENTS.append(ev(N8, "042", "SGP", "SAU", day("2023-10-18", "2023-10-20"), "Singapore's prime minister in Riyadh", strict=["04"], opt=True))
M19 = day("2023-05-19")
EVENTS += [
    ev(N9, "042", "SYR", "SAU", day("2023-05-18", "2023-05-19"), "Assad in Jeddah (arrived Thursday) for the Arab League summit", strict=["04"]),
    ev(N9, "043", "SAU", "SYR", M19, "the Crown Prince greets and embraces Assad", strict=["04"], opt=True),
    ev(N9, "051", "SAU", "SYR", M19, "the Crown Prince welcomes Syria's return to the league", opt=True, **PRAISE),
    ev(N9, "044", "SYR", "TUN", M19, "Assad meets the Tunisian president before the opening", strict=["04"]),
    ev(N9, "044", "SYR", "ARE", M19, "and the UAE vice president", strict=["04"]),
    ev(N9, "160", "IGOARL", "SYR", month(2011, 11), "background: Syria suspended from the league in November 2011", codes=["16"], strict=["16"]),
    ev(N9, "050", "IGOARL", "SYR", day("2023-05-07"), "Arab foreign ministers vote in Cairo to restore Syria's seat", **RESTORE),
    ev(N9, "042", "SYR", "SAU", month(2023, 4), "Mekdad visits Jeddah in April", strict=["04"]),
    ev(N9, "042", "SAU", "SYR", month(2023, 4), "Faisal bin Farhan travels to Damascus in April", strict=["04"]),
    ev(N9, "040", "SAU", "SYR", month(2023, 4), "and meets Assad", strict=["04"]),
    ev(N9, "050", "SAU", "SYR", day("2023-05-09"), "Riyadh and Damascus to resume the work of their diplomatic missions", mutual=True, **RESTORE),
    ev(N9, "042", "UKR", "SAU", M19, "Zelensky flies in for the summit", strict=["04"]),
    ev(N9, "043", "SAU", "UKR", M19, "host side", strict=["04"], opt=True),
    ev(N9, "040", "SAU", "UKR", M19, "Zelensky meets the Crown Prince", strict=["04"]),
    ev(N9, "111", "UKR", "IGOARL", M19, "Zelensky: some present turn a blind eye to Russia's annexations", strict=["111", "112"], opt=True),
    ev(N9, "111", "UKR", "RUS", M19, "criticizes Russian annexations and the occupation of Crimea", strict=["111", "112"]),
    ev(N9, "051", "UKR", "SAU", M19, "thanks the Crown Prince for supporting Ukraine's territorial integrity", **PRAISE),
    ev(N9, "039", "SAU", "UKR", M19, "the kingdom stands ready to keep mediating between Russia and Ukraine", codes=["03", "04"], strict=["039", "045"]),
    ev(N9, "039", "SAU", "RUS", M19, "the kingdom stands ready to keep mediating between Russia and Ukraine", codes=["03", "04"], strict=["039", "045"]),
    ev(N9, "040", "SYR", "IGOARL", M19, "Syria back at the Arab League summit", strict=["04"], opt=True),
]
J28 = day("2011-06-28")
EVENTS += [
    ev(N10, "043", "KAZ", "IGOOIC", J28, "Kazakhstan hosts the 38th OIC Council of Foreign Ministers in Astana", codes=["04"], strict=["04"]),
    ev(N10, "022", "KAZ", "IGOOIC", J28, "Nazarbayev asks member states to back Astana's EXPO-2017 bid", codes=["02"], strict=["02"]),
    ev(N10, "040", "KAZ", "IRQ", J28, "Massimov meets Iraq's foreign minister Zebari", strict=["04"]),
    ev(N10, "040", "KAZ", "EGY", J28, "Massimov meets Egypt's social solidarity minister", strict=["04"]),
    ev(N10, "042", "IRQ", "KAZ", J28, "Zebari in Astana", strict=["04"], opt=True),
    ev(N10, "042", "EGY", "KAZ", J28, "Egyptian minister in Astana", strict=["04"], opt=True),
    ev(N10, "024", "IGOOIC", "SYR", J28, "Ihsanoglu calls on the Syrian leadership to start a dialogue and implement reforms", codes=["02"], strict=["024", "02"]),
    ev(N10, "032", "IGOOIC", "PSE", J28, "Ihsanoglu urges recognition of a Palestinian state on the 1967 borders", codes=["03", "05", "02"],
       strict=["03", "05", "02"], opt=True),
    ev(N10, "051", "IGOOIC", "TUN", J28, "welcomes the democratic changes in Tunisia", opt=True, **PRAISE),
    ev(N10, "051", "IGOOIC", "EGY", J28, "and in Egypt", opt=True, **PRAISE),
    ev(N10, "051", "IGOOIC", "BHR", J28, "supports a national dialogue in Bahrain", codes=["05", "01", "03"], strict=["05", "03"], opt=True),
]
COMMITMENTS_N = [
    {"doc": N1, "what": "armed opposition to take part in the UN-sponsored Geneva round", "due": day("2017-02-08")},
    {"doc": N4, "what": "second GCC-Central Asia summit in Samarkand", "due": year(2025)},
    {"doc": N4, "what": "next GCC-Central Asia ministerial meeting in Kuwait", "due": year(2026)},
    {"doc": N5, "what": "second China-Arab States Summit hosted by China", "due": year(2026)},
    {"doc": N6, "what": "first meeting of SCO heads of government", "due": month(2001, 9)},
    {"doc": N6, "what": "annual meetings of SCO foreign and defence ministers", "due": None},
    {"doc": N8, "what": "GCC-ASEAN summit every two years on a rotating basis", "due": None},
    {"doc": N9, "what": "Saudi Arabia and Syria resume the work of their diplomatic missions", "due": None}]
SAME_N = [{"docs": [C6, N3], "note": "China-brokered Saudi-Iranian agreement to resume relations, March 2023 (news in C6, background in N3)"},
          {"docs": [D12, H2, N5], "note": "Sisi's state visit to China, end of May 2024 (talks with Xi in D12/H2, the forum's opening in N5)"}]

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
        {"docs": [H3, R1], "note": "9th Qatar-Turkiye Supreme Strategic Committee, Doha, 4 Dec 2023"},
        {"docs": [C1, C2], "note": "Saudi Arabia expels Canada's ambassador, recalls its own and freezes new trade, 5 Aug 2018 (day in C1, month in C2)"},
        {"docs": [C3, C4], "note": "Saudi Arabia, the UAE, Bahrain and Egypt cut ties with Qatar, 5 June 2017 (news in C3, background in C4)"},
        {"docs": [C5, C6], "note": "Saudi Arabia cuts relations with Iran after its Tehran embassy is stormed, 2-3 Jan 2016 (day in C5, month in C6)"}]
COMMITMENTS += [
    {"doc": C2, "what": "Saudi Arabia to name an ambassador to Canada", "due": None},
    {"doc": C6, "what": "Saudi Arabia and Iran reopen their embassies within two months", "due": day("2023-03-10", "2023-05-10")},
    {"doc": C6, "what": "foreign ministers meet to arrange the return of ambassadors", "due": None},
    {"doc": C10, "what": "50 women and children held in Gaza freed for 150 Palestinian women and minors during the four-day truce",
     "due": day("2023-11-24", "2023-11-27")},
    {"doc": C11, "what": "Israeli forces withdraw from southern Lebanon as the Lebanese army deploys south of the Litani",
     "due": day("2024-11-27", "2025-01-26")},
    {"doc": C12, "what": "ambassadors of Pakistan and Iran return to their posts", "due": day("2024-01-22", "2024-01-26")},
    {"doc": C12, "what": "Iranian foreign minister visits Pakistan", "due": day("2024-01-29")},
    {"doc": C15, "what": "troops and military equipment pulled back to permanent bases, joint inspection of border posts", "due": None}]
COMMITMENTS += COMMITMENTS_N
SAME += SAME_N

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
