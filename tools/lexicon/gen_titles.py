#!/usr/bin/env python3
"""Generate crates/alaqat-extract/data/titles.tsv (hand-curated 2026-11).

Columns: form lang kind sector role_en rank country
country: the state a title names by itself (خادم الحرمين الشريفين: SAU); `its` when a possessive
         suffix points back to a state named earlier in the sentence (سفيرها); else empty
kind: title | rank (military/police) | honorific
rank: 1 head of state, 2 head of government / crown prince, 3 minister,
      4 deputy minister / ambassador, 5 other official or rank, 9 honorific
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates", "alaqat-extract", "data", "titles.tsv")

# (arabic portfolio after وزير/وزيرة, english portfolio, sector)
PORTFOLIOS = [
    ("الخارجية", "foreign affairs", "GOV"),
    ("الشؤون الخارجية", "foreign affairs", "GOV"),
    ("الخارجية والتعاون الدولي", "foreign affairs and international cooperation", "GOV"),
    ("الداخلية", "interior", "GOV"),
    ("الشؤون الداخلية", "interior", "GOV"),
    ("الدفاع", "defence", "MIL"),
    ("المالية", "finance", "GOV"),
    ("الاقتصاد", "economy", "GOV"),
    ("الاقتصاد والتخطيط", "economy and planning", "GOV"),
    ("التخطيط", "planning", "GOV"),
    ("التجارة", "commerce", "GOV"),
    ("التجارة والصناعة", "commerce and industry", "GOV"),
    ("الصناعة", "industry", "GOV"),
    ("الصناعة والثروة المعدنية", "industry and mineral resources", "GOV"),
    ("الطاقة", "energy", "GOV"),
    ("النفط", "oil", "GOV"),
    ("الاستثمار", "investment", "GOV"),
    ("الزراعة", "agriculture", "GOV"),
    ("البيئة والمياه والزراعة", "environment, water and agriculture", "GOV"),
    ("الصحة", "health", "GOV"),
    ("التعليم", "education", "GOV"),
    ("التعليم العالي", "higher education", "GOV"),
    ("التربية والتعليم", "education", "GOV"),
    ("الثقافة", "culture", "GOV"),
    ("الإعلام", "information", "GOV"),
    ("العدل", "justice", "GOV"),
    ("النقل", "transport", "GOV"),
    ("النقل والخدمات اللوجستية", "transport and logistic services", "GOV"),
    ("السياحة", "tourism", "GOV"),
    ("الشؤون الإسلامية", "islamic affairs", "GOV"),
    ("الحج والعمرة", "hajj and umrah", "GOV"),
    ("الرياضة", "sport", "GOV"),
    ("البيئة", "environment", "GOV"),
    ("العمل", "labour", "GOV"),
    ("الموارد البشرية", "human resources", "GOV"),
    ("الاتصالات", "communications", "GOV"),
    ("الاتصالات وتقنية المعلومات", "communications and information technology", "GOV"),
    ("الإسكان", "housing", "GOV"),
    ("الشؤون الاجتماعية", "social affairs", "GOV"),
    ("الدولة", "state", "GOV"),
    ("الدولة للشؤون الخارجية", "state for foreign affairs", "GOV"),
    ("شؤون الرئاسة", "presidential affairs", "GOV"),
    ("الديوان الملكي", "royal court", "GOV"),
    ("الأوقاف", "awqaf", "GOV"),
    ("الري", "irrigation", "GOV"),
    ("المواصلات", "transport", "GOV"),
]

EN_PORTFOLIOS = [
    ("Foreign", "Foreign Affairs", "foreign affairs", "GOV"),
    ("Interior", "Interior", "interior", "GOV"),
    ("Defence", "Defence", "defence", "MIL"),
    ("Defense", "Defense", "defence", "MIL"),
    ("Finance", "Finance", "finance", "GOV"),
    ("Economy", "Economy", "economy", "GOV"),
    ("Trade", "Trade", "commerce", "GOV"),
    ("Commerce", "Commerce", "commerce", "GOV"),
    ("Industry", "Industry", "industry", "GOV"),
    ("Energy", "Energy", "energy", "GOV"),
    ("Oil", "Oil", "oil", "GOV"),
    ("Investment", "Investment", "investment", "GOV"),
    ("Agriculture", "Agriculture", "agriculture", "GOV"),
    ("Health", "Health", "health", "GOV"),
    ("Education", "Education", "education", "GOV"),
    ("Culture", "Culture", "culture", "GOV"),
    ("Information", "Information", "information", "GOV"),
    ("Justice", "Justice", "justice", "GOV"),
    ("Transport", "Transport", "transport", "GOV"),
    ("Tourism", "Tourism", "tourism", "GOV"),
    ("Labour", "Labour", "labour", "GOV"),
    ("Environment", "Environment", "environment", "GOV"),
]

# form, kind, sector, role_en, rank
AR_TITLES = """
الرئيس;title;GOV;president;1
رئيس الجمهورية;title;GOV;president;1
رئيس الدولة;title;GOV;head of state;1
الرئيسة;title;GOV;president;1
رئيسة الجمهورية;title;GOV;president;1
الملك;title;GOV;king;1
العاهل;title;GOV;monarch;1
عاهل;title;GOV;monarch;1
الملكة;title;GOV;queen;1
أمير دولة;title;GOV;emir;1
أمير البلاد;title;GOV;emir;1
السلطان;title;GOV;sultan;1
سلطان عمان;title;GOV;sultan;1;OMN
ولي العهد;title;GOV;crown prince;2
ولي عهد;title;GOV;crown prince;2
ولي العهد الأمين;title;GOV;crown prince;2
ولي ولي العهد;title;GOV;deputy crown prince;2
الأمير;title;GOV;prince;5
أمير;title;GOV;prince;5
أمير منطقة;title;GOV;regional governor;5
الأميرة;title;GOV;princess;5
الشيخ;title;GOV;sheikh;5
الشيخة;title;GOV;sheikha;5
رئيس الوزراء;title;GOV;prime minister;2
رئيسة الوزراء;title;GOV;prime minister;2
رئيس مجلس الوزراء;title;GOV;prime minister;2
رئيس الحكومة;title;GOV;prime minister;2
رئيس حكومة تصريف الأعمال;title;GOV;prime minister;2
رئيسة الحكومة;title;GOV;prime minister;2
نائب رئيس الوزراء;title;GOV;deputy prime minister;3
نائب رئيس مجلس الوزراء;title;GOV;deputy prime minister;3
النائب الأول لرئيس الوزراء;title;GOV;first deputy prime minister;3
نائب رئيس الحكومة;title;GOV;deputy prime minister;3
نائب الرئيس;title;GOV;vice president;2
نائب رئيس الدولة;title;GOV;vice president;2
نائب رئيس الجمهورية;title;GOV;vice president;2
وزير;title;GOV;minister;3
الوزير;title;GOV;minister;3
وزيرة;title;GOV;minister;3
الوزيرة;title;GOV;minister;3
وزير الدولة;title;GOV;minister of state;3
نائب وزير;title;GOV;deputy minister;4
نائبة وزير;title;GOV;deputy minister;4
مساعد وزير;title;GOV;assistant minister;4
وكيل وزارة;title;GOV;undersecretary;4
وكيل الوزارة;title;GOV;undersecretary;4
وكيلة وزارة;title;GOV;undersecretary;4
وكيل وزارة الخارجية;title;GOV;foreign affairs undersecretary;4
وكيل وزارة الداخلية;title;GOV;interior undersecretary;4
الأمين العام;title;GOV;secretary-general;5
الأمين العام المساعد;title;GOV;assistant secretary-general;5
السفير;title;GOV;ambassador;4
سفير;title;GOV;ambassador;4
السفيرة;title;GOV;ambassador;4
سفيرة;title;GOV;ambassador;4
سفير خادم الحرمين الشريفين;title;GOV;ambassador;4;SAU
سفيرها;title;GOV;ambassador;4;its
سفيرتها;title;GOV;ambassador;4;its
سفيرهم;title;GOV;ambassador;4;its
وزير خارجيتها;title;GOV;minister of foreign affairs;3;its
وزيرة خارجيتها;title;GOV;minister of foreign affairs;3;its
وزير خارجيته;title;GOV;minister of foreign affairs;3;its
وزيرة خارجيته;title;GOV;minister of foreign affairs;3;its
رئيس وزرائها;title;GOV;prime minister;2;its
رئيس وزرائه;title;GOV;prime minister;2;its
مندوبها;title;GOV;permanent representative;4;its
مندوبه;title;GOV;permanent representative;4;its
القائم بالأعمال;title;GOV;charge d'affaires;4
القنصل;title;GOV;consul;4
القنصل العام;title;GOV;consul general;4
قنصل;title;GOV;consul;4
المبعوث;title;GOV;envoy;4
المرشد الأعلى;title;GOV;supreme leader;1
مرشد الثورة;title;GOV;supreme leader;1
آية الله;honorific;;his excellency;9
المتحدث باسم;title;GOV;spokesman;5
عضو المكتب السياسي;title;GOV;politburo member;5
رئيس الدائرة;title;GOV;head of department;5
رئيس دائرة;title;GOV;head of department;5
المتحدث الرسمي باسم;title;GOV;spokesman;5
المتحدثة باسم;title;GOV;spokesman;5
المبعوث الخاص;title;GOV;special envoy;4
مبعوث;title;GOV;envoy;4
الممثل الخاص;title;GOV;special representative;4
المندوب الدائم;title;GOV;permanent representative;4
الممثل الدائم;title;GOV;permanent representative;4
مستشار;title;GOV;adviser;5
المستشار;title;GOV;adviser;5
مستشار الأمن الوطني;title;GOV;national security adviser;3
محافظ;title;GOV;governor;5
المحافظ;title;GOV;governor;5
حاكم;title;GOV;ruler;1
حاكم إمارة;title;GOV;ruler of emirate;1
رئيس الديوان الملكي;title;GOV;chief of the royal court;3
رئيس البرلمان;title;LEG;speaker of parliament;5
رئيس مجلس الشورى;title;LEG;speaker of the shura council;5
رئيس مجلس النواب;title;LEG;speaker of the house of representatives;5
رئيس مجلس الأمة;title;LEG;speaker of the national assembly;5
رئيس مجلس الشيوخ;title;LEG;speaker of the senate;5
رئيس المجلس الوطني الاتحادي;title;LEG;speaker of the federal national council;5
رئيس مجلس الشعب;title;LEG;speaker of the people's assembly;5
رئيس مجلس الشيوخ الكازاخستاني;title;LEG;speaker of the senate;5
رئيس المجلس;title;LEG;speaker;5
النائب;title;LEG;member of parliament;5
النائبة;title;LEG;member of parliament;5
عضو مجلس الشيوخ;title;LEG;senator;5
عضو مجلس الشورى;title;LEG;shura council member;5
عضو البرلمان;title;LEG;member of parliament;5
عضو مجلس النواب;title;LEG;member of parliament;5
مدير عام;title;GOV;director general;5
المدير العام;title;GOV;director general;5
مدير;title;GOV;director;5
مدير الأمن العام;title;COP;director of public security;5
رئيس جهاز أمن الدولة;title;SPY;head of state security;5
رئيس الاستخبارات;title;SPY;intelligence chief;5
رئيس الاستخبارات العامة;title;SPY;head of general intelligence;5
رئيس أركان;title;MIL;chief of staff;5
رئيس الأركان;title;MIL;chief of staff;5
رئيس هيئة الأركان العامة;title;MIL;chief of the general staff;5
قائد الجيش;title;MIL;army commander;5
القائد العام للقوات المسلحة;title;MIL;commander-in-chief;5
قائد القوات;title;MIL;forces commander;5
رئيس مجلس الإدارة;title;BUS;chairman;5
رئيس مجلس إدارة;title;BUS;chairman;5
الرئيس التنفيذي;title;BUS;chief executive officer;5
الرئيسة التنفيذية;title;BUS;chief executive officer;5
رئيس تنفيذي;title;BUS;chief executive officer;5
العضو المنتدب;title;BUS;managing director;5
رئيس غرفة التجارة;title;BUS;chamber of commerce president;5
القاضي;title;JUD;judge;5
رئيس المحكمة;title;JUD;court president;5
النائب العام;title;JUD;prosecutor general;5
رئيس الجامعة;title;EDU;university president;5
مدير الجامعة;title;EDU;university president;5
الأستاذ;title;EDU;professor;5
البروفيسور;title;EDU;professor;5
المشير;rank;MIL;field marshal;5
الفريق أول;rank;MIL;general;5
الفريق الأول;rank;MIL;general;5
الفريق;rank;MIL;lieutenant general;5
الفريق الركن;rank;MIL;lieutenant general;5
اللواء;rank;MIL;major general;5
العماد;rank;MIL;general;5
اللواء الركن;rank;MIL;major general;5
العميد;rank;MIL;brigadier;5
العميد الركن;rank;MIL;brigadier;5
العقيد;rank;MIL;colonel;5
العقيد الركن;rank;MIL;colonel;5
المقدم;rank;MIL;lieutenant colonel;5
الرائد;rank;MIL;major;5
النقيب;rank;MIL;captain;5
الملازم أول;rank;MIL;first lieutenant;5
الملازم;rank;MIL;lieutenant;5
الأدميرال;rank;MIL;admiral;5
الجنرال;rank;MIL;general;5
فخامة;honorific;;his excellency (head of state);9
سمو;honorific;;his highness;9
صاحب السمو;honorific;;his highness;9
صاحب السمو الملكي;honorific;;his royal highness;9
صاحب السمو الشيخ;honorific;;his highness sheikh;9
صاحبة السمو;honorific;;her highness;9
صاحب الجلالة;honorific;;his majesty;9
صاحب الجلالة الملك;honorific;;his majesty the king;9
جلالة;honorific;;his majesty;9
جلالة الملك;honorific;;his majesty the king;9
حضرة صاحب السمو;honorific;;his highness;9
حضرة صاحب الجلالة;honorific;;his majesty;9
معالي;honorific;;his excellency (minister);9
سعادة;honorific;;his excellency;9
دولة;honorific;;his excellency (prime minister);9
خادم الحرمين الشريفين;honorific;GOV;custodian of the two holy mosques;1;SAU
الدكتور;honorific;;doctor;9
الدكتورة;honorific;;doctor;9
د.;honorific;;doctor;9
المهندس;honorific;;engineer;9
المهندسة;honorific;;engineer;9
السيد;honorific;;mr;9
السيدة;honorific;;mrs;9
الحاج;honorific;;hajj;9
"""

EN_TITLES = """
President;title;GOV;president;1
King;title;GOV;king;1
Queen;title;GOV;queen;1
Emir;title;GOV;emir;1
Amir;title;GOV;emir;1
Sultan;title;GOV;sultan;1
Crown Prince;title;GOV;crown prince;2
Deputy Crown Prince;title;GOV;deputy crown prince;2
Prince;title;GOV;prince;5
Princess;title;GOV;princess;5
Sheikh;title;GOV;sheikh;5
Shaikh;title;GOV;sheikh;5
Sheikha;title;GOV;sheikha;5
Ruler;title;GOV;ruler;1
Prime Minister;title;GOV;prime minister;2
PM;title;GOV;prime minister;2
Premier;title;GOV;prime minister;2
Deputy Prime Minister;title;GOV;deputy prime minister;3
First Deputy Prime Minister;title;GOV;first deputy prime minister;3
Vice President;title;GOV;vice president;2
Vice-President;title;GOV;vice president;2
Minister;title;GOV;minister;3
Minister of State;title;GOV;minister of state;3
Deputy Minister;title;GOV;deputy minister;4
Vice Minister;title;GOV;deputy minister;4
Assistant Minister;title;GOV;assistant minister;4
Undersecretary;title;GOV;undersecretary;4
Under-Secretary;title;GOV;undersecretary;4
Secretary of State;title;GOV;foreign affairs;3
Secretary-General;title;GOV;secretary-general;5
Secretary General;title;GOV;secretary-general;5
Ambassador;title;GOV;ambassador;4
Chargé d'Affaires;title;GOV;charge d'affaires;4
Charge d'Affaires;title;GOV;charge d'affaires;4
Consul;title;GOV;consul;4
Consul General;title;GOV;consul general;4
Envoy;title;GOV;envoy;4
Special Envoy;title;GOV;special envoy;4
Special Representative;title;GOV;special representative;4
Permanent Representative;title;GOV;permanent representative;4
Adviser;title;GOV;adviser;5
Advisor;title;GOV;adviser;5
National Security Adviser;title;GOV;national security adviser;3
Governor;title;GOV;governor;5
Speaker;title;LEG;speaker;5
Speaker of Parliament;title;LEG;speaker of parliament;5
Chairman of the Senate;title;LEG;speaker of the senate;5
Senator;title;LEG;senator;5
MP;title;LEG;member of parliament;5
Member of Parliament;title;LEG;member of parliament;5
Director General;title;GOV;director general;5
Director-General;title;GOV;director general;5
Chief of Staff;title;MIL;chief of staff;5
Chief of General Staff;title;MIL;chief of the general staff;5
Commander-in-Chief;title;MIL;commander-in-chief;5
Army Commander;title;MIL;army commander;5
Chairman;title;BUS;chairman;5
Head;title;;head;5
Supreme Leader;title;GOV;supreme leader;1
Ayatollah;honorific;;his excellency;9
Spokesman;title;GOV;spokesman;5
Spokeswoman;title;GOV;spokesman;5
Spokesperson;title;GOV;spokesman;5
Secretary;title;GOV;secretary;5
Diplomat;title;GOV;diplomat;5
Chief;title;;head;5
Chairwoman;title;BUS;chairman;5
CEO;title;BUS;chief executive officer;5
Chief Executive Officer;title;BUS;chief executive officer;5
Managing Director;title;BUS;managing director;5
Judge;title;JUD;judge;5
Chief Justice;title;JUD;chief justice;5
Prosecutor General;title;JUD;prosecutor general;5
Attorney General;title;JUD;attorney general;5
Professor;title;EDU;professor;5
Prof.;title;EDU;professor;5
Field Marshal;rank;MIL;field marshal;5
General;rank;MIL;general;5
Gen.;rank;MIL;general;5
Lieutenant General;rank;MIL;lieutenant general;5
Lt. Gen.;rank;MIL;lieutenant general;5
Major General;rank;MIL;major general;5
Maj. Gen.;rank;MIL;major general;5
Brigadier;rank;MIL;brigadier;5
Brigadier General;rank;MIL;brigadier;5
Brig. Gen.;rank;MIL;brigadier;5
Colonel;rank;MIL;colonel;5
Col.;rank;MIL;colonel;5
Lieutenant Colonel;rank;MIL;lieutenant colonel;5
Major;rank;MIL;major;5
Captain;rank;MIL;captain;5
Admiral;rank;MIL;admiral;5
H.E.;honorific;;his excellency;9
His Excellency;honorific;;his excellency;9
Her Excellency;honorific;;her excellency;9
His Royal Highness;honorific;;his royal highness;9
HRH;honorific;;his royal highness;9
His Highness;honorific;;his highness;9
H.H.;honorific;;his highness;9
Her Highness;honorific;;her highness;9
His Majesty;honorific;;his majesty;9
HM;honorific;;his majesty;9
Custodian of the Two Holy Mosques;honorific;GOV;custodian of the two holy mosques;1;SAU
Dr.;honorific;;doctor;9
Dr;honorific;;doctor;9
Mr.;honorific;;mr;9
Mr;honorific;;mr;9
Ms.;honorific;;ms;9
Mrs.;honorific;;mrs;9
Eng.;honorific;;engineer;9
"""


def main() -> int:
    rows = []
    for line in AR_TITLES.strip().splitlines():
        f, k, s, r, n, *c = line.split(";")
        rows.append([f, "ar", k, s, r, n, *c])
    for ar, en, sec in PORTFOLIOS:
        role = f"minister of {en}"
        rows.append([f"وزير {ar}", "ar", "title", sec, role, "3"])
        rows.append([f"وزيرة {ar}", "ar", "title", sec, role, "3"])
        rows.append([f"نائب وزير {ar}", "ar", "title", sec, f"deputy minister of {en}", "4"])
        # The construct before a country: وزير خارجية طاجيكستان.
        if ar.startswith("ال") and " " not in ar:
            rows.append([f"وزير {ar[2:]}", "ar", "title", sec, role, "3"])
            rows.append([f"وزيرة {ar[2:]}", "ar", "title", sec, role, "3"])
    for ar in ("الخارجية", "الداخلية", "الدفاع", "المالية", "الاقتصاد", "الطاقة", "الاستثمار",
               "التجارة"):
        en = dict((a, e) for a, e, _ in PORTFOLIOS)[ar]
        sec = dict((a, s) for a, _, s in PORTFOLIOS)[ar]
        rows.append([f"وكيل وزارة {ar}", "ar", "title", sec, f"undersecretary of {en}", "4"])
        rows.append([f"نائب وكيل وزارة {ar}", "ar", "title", sec, f"deputy undersecretary of {en}", "5"])
    for line in EN_TITLES.strip().splitlines():
        f, k, s, r, n, *c = line.split(";")
        rows.append([f, "en", k, s, r, n, *c])
    for short, long, role, sec in EN_PORTFOLIOS:
        rows.append([f"{short} Minister", "en", "title", sec, f"minister of {role}", "3"])
        rows.append([f"Minister of {long}", "en", "title", sec, f"minister of {role}", "3"])
        rows.append([f"Deputy {short} Minister", "en", "title", sec, f"deputy minister of {role}", "4"])
    seen, out = set(), []
    for r in rows:
        key = (r[0], r[1])
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("form\tlang\tkind\tsector\trole_en\trank\tcountry\n")
        f.write("# generated by tools/lexicon/gen_titles.py (hand-curated 2026-11)\n")
        for r in out:
            f.write("\t".join(r + [""] * (7 - len(r))) + "\n")
    print(f"wrote {len(out)} rows ({sum(r[1]=='ar' for r in out)} ar, "
          f"{sum(r[1]=='en' for r in out)} en) to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
