#!/usr/bin/env python3
"""Generate months.tsv, weekdays.tsv, numbers.tsv, currencies.tsv (CLDR via babel + hand data, 2026-11)."""
import os
from babel import Locale
from babel.core import get_cldr_version
D=os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),"crates","alaqat-extract","data")
def w(name, header, rows, comment):
    seen=set(); out=[]
    for r in rows:
        k=tuple(r[:2]) if name!="months.tsv" else tuple(r[:3])
        if k in seen: continue
        seen.add(k); out.append(r)
    with open(os.path.join(D,name),"w",encoding="utf-8",newline="\n") as f:
        f.write("\t".join(header)+"\n# "+comment+"\n")
        for r in out: f.write("\t".join(map(str,r))+"\n")
    print(name,len(out))
cv=get_cldr_version()
rows=[]
for loc in ["ar","ar_LB","ar_DZ","ar_MA","ar_MR"]:
    L=Locale.parse(loc)
    for ctx in ("format","stand-alone"):
        for i in range(1,13): rows.append([L.months[ctx]["wide"][i],"ar","gregorian",i])
hand={1:"كانون ثاني|جانفييه|ينايِر",2:"فيفري|فبرايِر",3:"مارِس",4:"أبريل|ابريل|إبريل|افريل|أفريل|نيسان",5:"مايو|مايّو|ماي|أيار|ايار",6:"يونيو|يونيه|جوان|حزيران",
 7:"يوليو|يوليه|جويلية|جويلة|يوليوز|تموز",8:"أغسطس|اغسطس|آب|اب|أوت|اوت|غشت|أغشت",9:"سبتمبر|سپتمبر|شتنبر|شتمبر|أيلول|ايلول",10:"أكتوبر|اكتوبر|تشرين الأول|تشرين الاول|تشرين أول",
 11:"نوفمبر|نونبر|تشرين الثاني|تشرين ثاني",12:"ديسمبر|دجنبر|دجمبر|كانون الأول|كانون الاول|كانون أول"}
hand[1]="يناير|جانفي|كانون الثاني|كانون ثاني"; hand[2]="فبراير|فيفري|شباط"; hand[3]="مارس|آذار|اذار"
for m,fs in hand.items():
    for f in fs.split("|"): rows.append([f,"ar","gregorian",m])
E=Locale("en")
for i in range(1,13):
    rows.append([E.months["format"]["wide"][i],"en","gregorian",i]); ab=E.months["format"]["abbreviated"][i]
    rows.append([ab,"en","gregorian",i]);
    if ab!=E.months["format"]["wide"][i]: rows.append([ab+".","en","gregorian",i])
rows+= [["Sept","en","gregorian",9],["Sept.","en","gregorian",9]]
hij={1:"محرم|المحرم|محرّم",2:"صفر",3:"ربيع الأول|ربيع الاول|ربيع أول",4:"ربيع الآخر|ربيع الاخر|ربيع الثاني|ربيع ثاني",5:"جمادى الأولى|جمادى الاولى|جمادى الأول|جمادى الاول",
 6:"جمادى الآخرة|جمادى الاخرة|جمادى الثانية|جمادى الآخر",7:"رجب",8:"شعبان",9:"رمضان",10:"شوال",11:"ذو القعدة|ذي القعدة|ذو القعده|ذي القعده",12:"ذو الحجة|ذي الحجة|ذو الحجه|ذي الحجه"}
for m,fs in hij.items():
    for f in fs.split("|"): rows.append([f,"ar","hijri",m])
hen={1:"Muharram",2:"Safar",3:"Rabi al-Awwal|Rabi' al-Awwal|Rabi I",4:"Rabi al-Thani|Rabi al-Akhir|Rabi II",5:"Jumada al-Awwal|Jumada al-Ula|Jumada I",6:"Jumada al-Thani|Jumada al-Akhirah|Jumada II",7:"Rajab",8:"Shaban|Sha'ban",9:"Ramadan",10:"Shawwal",11:"Dhu al-Qadah|Dhul Qadah|Dhu al-Qi'dah",12:"Dhu al-Hijjah|Dhul Hijjah"}
for m,fs in hen.items():
    for f in fs.split("|"): rows.append([f,"en","hijri",m])
rows=[r for r in rows if "ِ" not in r[0] and r[0]!="جانفييه"]
w("months.tsv",["form","lang","calendar","month"],rows,f"Gregorian Arabic names from CLDR {cv} (babel: ar, ar_LB, ar_DZ, ar_MA, ar_MR) + hand additions; Hijri and English hand-curated 2026-11")
rows=[]
A=Locale("ar")
for i in range(7): rows.append([A.days["format"]["wide"][i],"ar",i+1]); rows.append([E.days["format"]["wide"][i],"en",i+1]); rows.append([E.days["format"]["abbreviated"][i],"en",i+1])
for i,fs in enumerate(["الاثنين|الإثنين|الأثنين|اثنين|إثنين","الثلاثاء|ثلاثاء","الأربعاء|الاربعاء|أربعاء|اربعاء","الخميس|خميس","الجمعة|الجمعه|جمعة","السبت|سبت","الأحد|الاحد|أحد|احد"]):
    for f in fs.split("|"): rows.append([f,"ar",i+1])
for i,fs in enumerate(["Mon.","Tue.|Tues|Tues.","Wed.","Thu.|Thur|Thurs|Thurs.","Fri.","Sat.","Sun."]):
    for f in fs.split("|"): rows.append([f,"en",i+1])
w("weekdays.tsv",["form","lang","weekday"],rows,f"1=Monday..7=Sunday; CLDR {cv} (babel) + hand additions 2026-11")
rows=[]
for fs,v in [("ألف|آلاف|الف|الاف|ألفا|ألفاً|آلافا",1000),("مليون|ملايين|مليونا|مليوناً",1000000),("مليار|مليارات|بليون|بلايين|ملياري|مليارا|ملياراً",1000000000),("تريليون|تريليونات|ترليون",1000000000000)]:
    for f in fs.split("|"): rows.append([f,"ar",v,"scale"])
for fs,v in [("thousand|thousands|k|K",1000),("million|millions|mn|m|mln|M",1000000),("billion|billions|bn|b|bln",1000000000),("trillion|trillions|tn|trn",1000000000000)]:
    for f in fs.split("|"): rows.append([f,"en",v,"scale"])
units=["واحد","اثنان","ثلاثة","أربعة","خمسة","ستة","سبعة","ثمانية","تسعة","عشرة"]
for i,f in enumerate(units): rows.append([f,"ar",i+1,"unit"])
rows+= [["اثنين","ar",2,"unit"],["عشرين","ar",20,"unit"],["ثلاثين","ar",30,"unit"],["مئة","ar",100,"unit"],["مائة","ar",100,"unit"],["مئات","ar",100,"unit"]]
for fs,v in [("أكثر من|اكثر من|ما يزيد على|ما يزيد عن|يزيد على|يزيد عن|يتجاوز|تجاوز|تتجاوز|فوق|أزيد من",">"),("أقل من|اقل من|ما يقل عن|يقل عن|دون","<"),("نحو|حوالي|حوالى|قرابة|زهاء|ما يقارب|يقارب|تقريبا|تقريباً|ما يناهز|يناهز|نحوا من","~"),("لا يقل عن|ما لا يقل عن|على الأقل",">=")]:
    for f in fs.split("|"): rows.append([f,"ar",v,"comparator"])
for fs,v in [("more than|over|exceeding|above|in excess of",">"),("less than|under|below|fewer than","<"),("about|around|nearly|approximately|some|roughly|almost|approx.","~"),("at least|no less than",">=")]:
    for f in fs.split("|"): rows.append([f,"en",v,"comparator"])
ords=["الأول","الثاني","الثالث","الرابع","الخامس","السادس","السابع","الثامن","التاسع","العاشر"]
teen=["الحادي عشر","الثاني عشر","الثالث عشر","الرابع عشر","الخامس عشر","السادس عشر","السابع عشر","الثامن عشر","التاسع عشر"]
for i,f in enumerate(ords): rows.append([f,"ar",i+1,"ordinal"])
rows.append(["الاول","ar",1,"ordinal"])
for i,f in enumerate(teen): rows.append([f,"ar",i+11,"ordinal"])
rows.append(["العشرين","ar",20,"ordinal"]); rows.append(["العشرون","ar",20,"ordinal"])
units_ord=["الحادي","الثاني","الثالث","الرابع","الخامس","السادس","السابع","الثامن","التاسع"]
for i,u in enumerate(units_ord):
    rows.append([f"{u} والعشرين","ar",21+i,"ordinal"]); rows.append([f"{u} والعشرون","ar",21+i,"ordinal"])
rows.append(["الثلاثين","ar",30,"ordinal"]); rows.append(["الثلاثون","ar",30,"ordinal"])
rows.append(["الحادي والثلاثين","ar",31,"ordinal"]); rows.append(["الحادي والثلاثون","ar",31,"ordinal"])
for i,f in enumerate(["first","second","third","fourth","fifth","sixth","seventh","eighth","ninth","tenth","eleventh","twelfth","thirteenth","fourteenth","fifteenth","sixteenth","seventeenth","eighteenth","nineteenth","twentieth"]):
    rows.append([f,"en",i+1,"ordinal"])
w("numbers.tsv",["form","lang","value","kind"],rows,"hand-curated 2026-11; value is a number, or > < ~ >= for kind comparator")
rows=[]
cur={"USD":"دولار|دولار أمريكي|دولار أميركي|دولارات|الدولار|الدولارات|$|USD|US dollars|US dollar|U.S. dollars|dollars|dollar",
"SAR":"ريال سعودي|ريال|ريالات|ريالات سعودية|SAR|SR|Saudi riyal|Saudi riyals|riyal|riyals",
"AED":"درهم إماراتي|درهم|دراهم|AED|dirham|dirhams|UAE dirham",
"KZT":"تنغي|تينغي|تنغه|تنغى|تنجي|KZT|tenge",
"EUR":"يورو|€|EUR|euro|euros",
"RUB":"روبل|روبل روسي|روبلات|RUB|rouble|roubles|ruble|rubles",
"CNY":"يوان|يوان صيني|رنمينبي|CNY|RMB|yuan|renminbi",
"EGP":"جنيه مصري|جنيه|جنيهات|EGP|Egyptian pound|Egyptian pounds",
"KWD":"دينار كويتي|KWD|Kuwaiti dinar|Kuwaiti dinars",
"QAR":"ريال قطري|QAR|QR|Qatari riyal|Qatari riyals",
"OMR":"ريال عماني|ريال عُماني|OMR|Omani rial|Omani rials",
"BHD":"دينار بحريني|BHD|Bahraini dinar|Bahraini dinars",
"TRY":"ليرة تركية|ليرة|ليرات|TRY|Turkish lira|lira",
"UZS":"سوم|سوم أوزبكي|UZS|sum|som|Uzbek sum",
"KGS":"سوم قيرغيزي|KGS|Kyrgyz som",
"TJS":"سوموني|TJS|somoni",
"TMT":"مانات تركمانستاني|TMT|Turkmen manat",
"AZN":"مانات|مانات أذربيجاني|AZN|manat|Azerbaijani manat",
"GBP":"جنيه إسترليني|جنيه استرليني|إسترليني|GBP|£|pound sterling|sterling|British pounds",
"JPY":"ين|ين ياباني|JPY|¥|yen",
"INR":"روبية|روبية هندية|INR|rupee|rupees",
"PKR":"روبية باكستانية|PKR|Pakistani rupee",
"IRR":"ريال إيراني|تومان|IRR|Iranian rial",
"IQD":"دينار عراقي|IQD|Iraqi dinar",
"JOD":"دينار أردني|JOD|Jordanian dinar",
"LBP":"ليرة لبنانية|LBP|Lebanese pound",
"SYP":"ليرة سورية|SYP|Syrian pound",
"CHF":"فرنك سويسري|CHF|Swiss franc",
"MAD":"درهم مغربي|MAD|Moroccan dirham",
"DZD":"دينار جزائري|DZD|Algerian dinar",
"TND":"دينار تونسي|TND|Tunisian dinar",
"LYD":"دينار ليبي|LYD|Libyan dinar",
"YER":"ريال يمني|YER|Yemeni rial",
"SDG":"جنيه سوداني|SDG|Sudanese pound",
"KRW":"وون|وون كوري|KRW|won"}
for code,fs in cur.items():
    for f in fs.split("|"):
        lang="ar" if any("\u0600"<=c<="\u06ff" for c in f) else ("en" if any(c.isalpha() for c in f) else "")
        if not lang: lang="en"
        rows.append([f,lang,code])
w("currencies.tsv",["form","lang","code"],rows,"hand-curated 2026-11; ISO 4217 codes; symbols and codes are listed with lang en; ambiguous bare forms (ريال, درهم, جنيه, ليرة, دينار-less) map to the most common Gulf/news reading")
