#!/usr/bin/env python3
"""Generate crates/alaqat-extract/data/countries.tsv.

Sources: Unicode CLDR territory names (ar, en) via PyPI `babel` (BSD licensed),
plus the hand-curated override tables below (curated 2026-11).
Python 3.11, stdlib + babel.  Usage:  python3 tools/lexicon/gen_countries.py
"""
from __future__ import annotations

import os
import sys

from babel import Locale
from babel.core import get_cldr_version

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates", "alaqat-extract", "data", "countries.tsv")

# ISO 3166-1 alpha-3 -> alpha-2 for the 193 UN member states.
MEMBERS = """
AFG AF|ALB AL|DZA DZ|AND AD|AGO AO|ATG AG|ARG AR|ARM AM|AUS AU|AUT AT|AZE AZ|BHS BS|BHR BH|BGD BD|
BRB BB|BLR BY|BEL BE|BLZ BZ|BEN BJ|BTN BT|BOL BO|BIH BA|BWA BW|BRA BR|BRN BN|BGR BG|BFA BF|BDI BI|
CPV CV|KHM KH|CMR CM|CAN CA|CAF CF|TCD TD|CHL CL|CHN CN|COL CO|COM KM|COG CG|CRI CR|CIV CI|HRV HR|
CUB CU|CYP CY|CZE CZ|PRK KP|COD CD|DNK DK|DJI DJ|DMA DM|DOM DO|ECU EC|EGY EG|SLV SV|GNQ GQ|ERI ER|
EST EE|SWZ SZ|ETH ET|FJI FJ|FIN FI|FRA FR|GAB GA|GMB GM|GEO GE|DEU DE|GHA GH|GRC GR|GRD GD|GTM GT|
GIN GN|GNB GW|GUY GY|HTI HT|HND HN|HUN HU|ISL IS|IND IN|IDN ID|IRN IR|IRQ IQ|IRL IE|ISR IL|ITA IT|
JAM JM|JPN JP|JOR JO|KAZ KZ|KEN KE|KIR KI|KWT KW|KGZ KG|LAO LA|LVA LV|LBN LB|LSO LS|LBR LR|LBY LY|
LIE LI|LTU LT|LUX LU|MDG MG|MWI MW|MYS MY|MDV MV|MLI ML|MLT MT|MHL MH|MRT MR|MUS MU|MEX MX|FSM FM|
MCO MC|MNG MN|MNE ME|MAR MA|MOZ MZ|MMR MM|NAM NA|NRU NR|NPL NP|NLD NL|NZL NZ|NIC NI|NER NE|NGA NG|
MKD MK|NOR NO|OMN OM|PAK PK|PLW PW|PAN PA|PNG PG|PRY PY|PER PE|PHL PH|POL PL|PRT PT|QAT QA|KOR KR|
MDA MD|ROU RO|RUS RU|RWA RW|KNA KN|LCA LC|VCT VC|WSM WS|SMR SM|STP ST|SAU SA|SEN SN|SRB RS|SYC SC|
SLE SL|SGP SG|SVK SK|SVN SI|SLB SB|SOM SO|ZAF ZA|SSD SS|ESP ES|LKA LK|SDN SD|SUR SR|SWE SE|CHE CH|
SYR SY|TJK TJ|THA TH|TLS TL|TGO TG|TON TO|TTO TT|TUN TN|TUR TR|TKM TM|TUV TV|UGA UG|UKR UA|ARE AE|
GBR GB|TZA TZ|USA US|URY UY|UZB UZ|VUT VU|VEN VE|VNM VN|YEM YE|ZMB ZM|ZWE ZW
"""
OBSERVERS = {"PSE": "PS", "VAT": "VA"}
OTHER = {"XKX": "XK", "TWN": "TW"}

# English short-name overrides (CLDR uses "&", "St." and disambiguating parentheses).
EN_NAME = {
    "ATG": "Antigua and Barbuda", "BIH": "Bosnia and Herzegovina", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "KNA": "Saint Kitts and Nevis", "LCA": "Saint Lucia",
    "VCT": "Saint Vincent and the Grenadines", "MMR": "Myanmar", "PSE": "Palestine",
    "STP": "Sao Tome and Principe", "TTO": "Trinidad and Tobago", "VAT": "Holy See",
    "CIV": "Côte d'Ivoire", "TUR": "Türkiye", "FSM": "Micronesia", "CPV": "Cabo Verde",
}

# Arabic short name overrides: the form most used in Arabic news.  The CLDR name, when it
# differs, is kept automatically as a variant.
AR_NAME = {
    "SAU": "السعودية", "ARE": "الإمارات", "GBR": "بريطانيا", "PSE": "فلسطين",
    "COD": "الكونغو الديمقراطية", "COG": "الكونغو", "MMR": "ميانمار", "OMN": "عمان",
    "TLS": "تيمور الشرقية", "HUN": "المجر", "DNK": "الدنمارك", "CIV": "ساحل العاج",
}

# Extra Arabic variants (official long forms, spelling variants).
AR_VARIANTS = {
    "SAU": "المملكة العربية السعودية|المملكة السعودية|السعوديه",
    "ARE": "الإمارات العربية المتحدة|دولة الإمارات|دولة الإمارات العربية المتحدة|الامارات",
    "QAT": "دولة قطر",
    "KWT": "دولة الكويت",
    "BHR": "مملكة البحرين",
    "OMN": "سلطنة عمان|سلطنة عُمان|عُمان",
    "YEM": "الجمهورية اليمنية",
    "IRQ": "جمهورية العراق",
    "SYR": "سورية|الجمهورية العربية السورية",
    "LBN": "الجمهورية اللبنانية",
    "JOR": "المملكة الأردنية الهاشمية|المملكة الأردنية",
    "PSE": "دولة فلسطين|الأراضي الفلسطينية",
    "EGY": "جمهورية مصر العربية",
    "LBY": "دولة ليبيا",
    "TUN": "الجمهورية التونسية",
    "DZA": "الجمهورية الجزائرية الديمقراطية الشعبية|الجمهورية الجزائرية",
    "MAR": "المملكة المغربية",
    "MRT": "الجمهورية الإسلامية الموريتانية",
    "SDN": "جمهورية السودان",
    "SOM": "جمهورية الصومال الفيدرالية",
    "DJI": "جمهورية جيبوتي",
    "COM": "جزر القمر المتحدة|اتحاد جزر القمر",
    "KAZ": "جمهورية كازاخستان|قازاقستان|كازخستان|قازاخستان",
    "UZB": "جمهورية أوزبكستان|أوزبيكستان|اوزبكستان",
    "KGZ": "جمهورية قيرغيزستان|قرغيزستان|قيرغيزيا|قرغيزيا|الجمهورية القيرغيزية|كيرغيزستان",
    "TJK": "جمهورية طاجيكستان|طاجكستان",
    "TKM": "تركمنستان|جمهورية تركمانستان",
    "AFG": "جمهورية أفغانستان الإسلامية|إمارة أفغانستان الإسلامية",
    "AZE": "جمهورية أذربيجان|أذربيجان",
    "ARM": "جمهورية أرمينيا|أرمينيا",
    "GEO": "جمهورية جورجيا",
    "MNG": "منغوليا",
    "TUR": "الجمهورية التركية|تركيه|جمهورية تركيا|تركيا",
    "IRN": "الجمهورية الإسلامية الإيرانية|جمهورية إيران الإسلامية",
    "CHN": "جمهورية الصين الشعبية|الصين الشعبية",
    "RUS": "روسيا الاتحادية|الاتحاد الروسي",
    "USA": "الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا",
    "GBR": "المملكة المتحدة|المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
    "FRA": "الجمهورية الفرنسية",
    "DEU": "جمهورية ألمانيا الاتحادية|ألمانيا الاتحادية",
    "IND": "جمهورية الهند",
    "PAK": "جمهورية باكستان الإسلامية",
    "BGD": "جمهورية بنغلاديش الشعبية|بنجلاديش|بنغلادش",
    "KOR": "جمهورية كوريا",
    "PRK": "جمهورية كوريا الديمقراطية الشعبية",
    "JPN": "",
    "HUN": "هنغاريا",
    "DNK": "الدانمرك|الدانمارك",
    "NLD": "مملكة هولندا",
    "BLR": "روسيا البيضاء|بيلاروسيا",
    "MKD": "مقدونيا",
    "SWZ": "سوازيلاند",
    "CZE": "جمهورية التشيك|التشيك",
    "CPV": "كابو فيردي",
    "MDV": "المالديف",
    "VAT": "الكرسي الرسولي|دولة الفاتيكان|حاضرة الفاتيكان",
    "TWN": "جمهورية الصين",
    "ISR": "دولة إسرائيل",
    "ETH": "الحبشة",
    "MYS": "ماليزيا",
    "IDN": "جمهورية إندونيسيا",
}

EN_VARIANTS = {
    "SAU": "Kingdom of Saudi Arabia|KSA",
    "ARE": "UAE|U.A.E.|United Arab Emirates|Emirates",
    "QAT": "State of Qatar",
    "KWT": "State of Kuwait",
    "BHR": "Kingdom of Bahrain",
    "OMN": "Sultanate of Oman",
    "YEM": "Republic of Yemen",
    "IRQ": "Republic of Iraq",
    "SYR": "Syrian Arab Republic",
    "LBN": "Lebanese Republic",
    "JOR": "Hashemite Kingdom of Jordan",
    "PSE": "State of Palestine|Palestinian Territories",
    "EGY": "Arab Republic of Egypt",
    "MAR": "Kingdom of Morocco",
    "KAZ": "Republic of Kazakhstan|Qazaqstan",
    "UZB": "Republic of Uzbekistan",
    "KGZ": "Kyrgyz Republic|Kirghizia",
    "TJK": "Republic of Tajikistan",
    "TKM": "Turkmenia",
    "TUR": "Turkey|Republic of Türkiye|Republic of Turkey",
    "IRN": "Islamic Republic of Iran|Persia",
    "CHN": "People's Republic of China|PRC",
    "RUS": "Russian Federation",
    "USA": "United States of America|US|U.S.|USA|U.S.A.|America",
    "GBR": "United Kingdom|UK|U.K.|Great Britain|Britain",
    "DEU": "Federal Republic of Germany",
    "KOR": "Republic of Korea|ROK",
    "PRK": "Democratic People's Republic of Korea|DPRK",
    "COD": "DR Congo|DRC|Congo-Kinshasa",
    "COG": "Congo-Brazzaville|Congo",
    "CIV": "Ivory Coast|Cote d'Ivoire",
    "CZE": "Czech Republic|Czechia",
    "MKD": "Macedonia|Republic of North Macedonia",
    "SWZ": "Eswatini|Swaziland",
    "MMR": "Burma",
    "TLS": "East Timor",
    "CPV": "Cape Verde",
    "VAT": "Vatican City|Vatican",
    "NLD": "Holland",
    "BLR": "Belarus",
    "TWN": "Republic of China",
    "LAO": "Lao PDR",
    "VNM": "Viet Nam",
    "MDA": "Republic of Moldova",
    "TZA": "United Republic of Tanzania",
    "BOL": "Plurinational State of Bolivia",
    "VEN": "Bolivarian Republic of Venezuela",
    "FSM": "Federated States of Micronesia",
    "BHS": "The Bahamas",
    "GMB": "The Gambia",
    "STP": "São Tomé and Príncipe",
    "AFG": "Islamic Emirate of Afghanistan|Islamic Republic of Afghanistan",
    "AZE": "Republic of Azerbaijan",
}

# Hand-checked nisba stems (masculine singular without the article).  Regular forms
# (ي/ية/يين/يون, with and without ال) are generated from each stem.
AR_ADJ_STEMS = {
    "SAU": ["سعودي"], "ARE": ["إماراتي"], "QAT": ["قطري"], "KWT": ["كويتي"], "BHR": ["بحريني"],
    "OMN": ["عماني"], "YEM": ["يمني"], "IRQ": ["عراقي"], "SYR": ["سوري"], "LBN": ["لبناني"],
    "JOR": ["أردني"], "PSE": ["فلسطيني"], "ISR": ["إسرائيلي"], "EGY": ["مصري"], "LBY": ["ليبي"],
    "TUN": ["تونسي"], "DZA": ["جزائري"], "MAR": ["مغربي"], "MRT": ["موريتاني"], "SDN": ["سوداني"],
    "SOM": ["صومالي"], "DJI": ["جيبوتي"], "COM": ["قمري"], "IRN": ["إيراني"], "TUR": ["تركي"],
    "KAZ": ["كازاخستاني", "كازاخي", "قازاقي", "قازاقستاني"], "UZB": ["أوزبكي", "أوزبكستاني", "أوزبيكي"],
    "KGZ": ["قيرغيزي", "قرغيزي", "قيرغيزستاني"], "TJK": ["طاجيكي", "طاجيكستاني"],
    "TKM": ["تركماني", "تركمانستاني"], "AFG": ["أفغاني"], "AZE": ["أذربيجاني", "أذري"],
    "ARM": ["أرميني", "أرمني"], "GEO": ["جورجي"], "MNG": ["منغولي"], "PAK": ["باكستاني"],
    "IND": ["هندي"], "BGD": ["بنغلاديشي"], "LKA": ["سريلانكي"], "NPL": ["نيبالي"], "MDV": ["مالديفي"],
    "USA": ["أمريكي", "أميركي"], "GBR": ["بريطاني"], "FRA": ["فرنسي"], "DEU": ["ألماني"],
    "JPN": ["ياباني"], "CHN": ["صيني"], "RUS": ["روسي"], "ITA": ["إيطالي"], "ESP": ["إسباني"],
    "CAN": ["كندي"], "AUS": ["أسترالي"], "BRA": ["برازيلي"], "KOR": [], "PRK": [],
    "UKR": ["أوكراني"], "BLR": ["بيلاروسي"], "IDN": ["إندونيسي"], "MYS": ["ماليزي"],
    "NLD": ["هولندي"], "BEL": ["بلجيكي"], "CHE": ["سويسري"], "AUT": ["نمساوي"], "SWE": ["سويدي"],
    "NOR": ["نرويجي"], "DNK": ["دنماركي"], "FIN": ["فنلندي"], "GRC": ["يوناني"], "POL": ["بولندي"],
    "NGA": ["نيجيري"], "ETH": ["إثيوبي"], "KEN": ["كيني"], "ERI": ["إريتري"], "CYP": ["قبرصي"],
    "HUN": ["مجري", "هنغاري"], "CZE": ["تشيكي"], "PRT": ["برتغالي"], "MEX": ["مكسيكي"],
    "ARG": ["أرجنتيني"], "VNM": ["فيتنامي"], "THA": ["تايلاندي"], "PHL": ["فلبيني"],
    "SGP": ["سنغافوري"], "SEN": ["سنغالي"], "NER": ["نيجري"], "TCD": ["تشادي"], "MLI": [],
    "SSD": [], "ZAF": [], "TWN": ["تايواني"], "VAT": ["فاتيكاني"], "XKX": ["كوسوفي"],
    "PER": ["بيروفي"], "TGO": ["توغولي"], "MCO": [], "WSM": [], "CUB": ["كوبي"],
    "VEN": ["فنزويلي"], "COL": ["كولومبي"], "CHL": ["تشيلي"], "IRL": ["أيرلندي"], "ROU": ["روماني"],
    "BGR": ["بلغاري"], "SRB": ["صربي"], "HRV": ["كرواتي"], "ALB": ["ألباني"], "BIH": ["بوسني"],
    "MMR": ["ميانماري"], "KHM": ["كمبودي"], "LAO": ["لاوسي"], "BRN": [], "SWZ": [],
    "NZL": ["نيوزيلندي"], "UGA": ["أوغندي"], "TZA": ["تنزاني"], "GHA": ["غاني"],
    "CMR": ["كاميروني"], "GAB": ["غابوني"], "MOZ": ["موزمبيقي"], "AGO": ["أنغولي"],
}
# Arabic forms that are also common words: مالي/مالية mean "financial", so Mali is named only
# by its long forms (its nisba stem is emptied above for the same reason).
AR_EXCLUDE = {"MLI": ["مالي"]}
AR_NAME_AMBIGUOUS = {"MLI": ("جمهورية مالي", "دولة مالي")}
# Extra adjective forms that are not regular nisba derivations.
AR_ADJ_EXTRA = {
    "KAZ": ["الكازاخ", "كازاخ"],
    "UZB": ["الأوزبك", "أوزبك"],
    "TJK": ["الطاجيك", "طاجيك"],
    "KGZ": ["القيرغيز", "قيرغيز"],
    "TKM": ["التركمان", "تركمان"],
    "TUR": ["الأتراك", "أتراك"],
    "KOR": ["كوري جنوبي", "الكوري الجنوبي", "كورية جنوبية", "الكورية الجنوبية"],
    "PRK": ["كوري شمالي", "الكوري الشمالي", "كورية شمالية", "الكورية الشمالية"],
    "SSD": ["جنوب سوداني", "الجنوب سوداني"],
    "ZAF": ["جنوب أفريقي", "الجنوب أفريقي", "جنوب أفريقية", "الجنوب أفريقية"],
    "USA": ["الأمريكان", "الأميركان"],
    "GBR": ["الإنجليزي", "إنجليزي", "الإنكليزي"],
    "EGY": ["المصريين"],
    "RUS": ["الروس"],
}

EN_ADJ = {
    "AFG": "Afghan", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ARG": "Argentine|Argentinian", "ARM": "Armenian", "AUS": "Australian", "AUT": "Austrian",
    "AZE": "Azerbaijani|Azeri", "BHS": "Bahamian", "BHR": "Bahraini", "BGD": "Bangladeshi",
    "BRB": "Barbadian", "BLR": "Belarusian", "BEL": "Belgian", "BLZ": "Belizean", "BEN": "Beninese",
    "BTN": "Bhutanese", "BOL": "Bolivian", "BIH": "Bosnian", "BWA": "Botswanan|Motswana",
    "BRA": "Brazilian", "BRN": "Bruneian", "BGR": "Bulgarian", "BFA": "Burkinabe", "BDI": "Burundian",
    "CPV": "Cape Verdean", "KHM": "Cambodian", "CMR": "Cameroonian", "CAN": "Canadian",
    "CAF": "Central African", "TCD": "Chadian", "CHL": "Chilean", "CHN": "Chinese",
    "COL": "Colombian", "COM": "Comoran|Comorian", "COG": "Congolese", "COD": "Congolese",
    "CRI": "Costa Rican", "CIV": "Ivorian", "HRV": "Croatian", "CUB": "Cuban", "CYP": "Cypriot",
    "CZE": "Czech", "PRK": "North Korean", "DNK": "Danish", "DJI": "Djiboutian",
    "DMA": "Dominican", "DOM": "Dominican", "ECU": "Ecuadorian", "EGY": "Egyptian",
    "SLV": "Salvadoran", "GNQ": "Equatorial Guinean", "ERI": "Eritrean", "EST": "Estonian",
    "SWZ": "Swazi|Eswatini", "ETH": "Ethiopian", "FJI": "Fijian", "FIN": "Finnish", "FRA": "French",
    "GAB": "Gabonese", "GMB": "Gambian", "GEO": "Georgian", "DEU": "German", "GHA": "Ghanaian",
    "GRC": "Greek", "GRD": "Grenadian", "GTM": "Guatemalan", "GIN": "Guinean",
    "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian", "HND": "Honduran",
    "HUN": "Hungarian", "ISL": "Icelandic", "IND": "Indian", "IDN": "Indonesian",
    "IRN": "Iranian", "IRQ": "Iraqi", "IRL": "Irish", "ISR": "Israeli", "ITA": "Italian",
    "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian", "KAZ": "Kazakh|Kazakhstani",
    "KEN": "Kenyan", "KIR": "I-Kiribati", "KWT": "Kuwaiti", "KGZ": "Kyrgyz|Kyrgyzstani",
    "LAO": "Lao|Laotian", "LVA": "Latvian", "LBN": "Lebanese", "LSO": "Basotho",
    "LBR": "Liberian", "LBY": "Libyan", "LIE": "Liechtensteiner", "LTU": "Lithuanian",
    "LUX": "Luxembourgish", "MDG": "Malagasy", "MWI": "Malawian", "MYS": "Malaysian",
    "MDV": "Maldivian", "MLI": "Malian", "MLT": "Maltese", "MHL": "Marshallese",
    "MRT": "Mauritanian", "MUS": "Mauritian", "MEX": "Mexican", "FSM": "Micronesian",
    "MCO": "Monegasque", "MNG": "Mongolian", "MNE": "Montenegrin", "MAR": "Moroccan",
    "MOZ": "Mozambican", "MMR": "Myanmar|Burmese", "NAM": "Namibian", "NRU": "Nauruan",
    "NPL": "Nepali|Nepalese", "NLD": "Dutch", "NZL": "New Zealand", "NIC": "Nicaraguan",
    "NER": "Nigerien", "NGA": "Nigerian", "MKD": "North Macedonian|Macedonian", "NOR": "Norwegian",
    "OMN": "Omani", "PAK": "Pakistani", "PLW": "Palauan", "PAN": "Panamanian",
    "PNG": "Papua New Guinean", "PRY": "Paraguayan", "PER": "Peruvian", "PHL": "Philippine|Filipino",
    "POL": "Polish", "PRT": "Portuguese", "QAT": "Qatari", "KOR": "South Korean|Korean",
    "MDA": "Moldovan", "ROU": "Romanian", "RUS": "Russian", "RWA": "Rwandan",
    "KNA": "Kittitian|Nevisian", "LCA": "Saint Lucian", "VCT": "Vincentian", "WSM": "Samoan",
    "SMR": "Sammarinese", "STP": "Santomean", "SAU": "Saudi|Saudi Arabian", "SEN": "Senegalese",
    "SRB": "Serbian", "SYC": "Seychellois", "SLE": "Sierra Leonean", "SGP": "Singaporean",
    "SVK": "Slovak", "SVN": "Slovenian|Slovene", "SLB": "Solomon Islander", "SOM": "Somali",
    "ZAF": "South African", "SSD": "South Sudanese", "ESP": "Spanish", "LKA": "Sri Lankan",
    "SDN": "Sudanese", "SUR": "Surinamese", "SWE": "Swedish", "CHE": "Swiss", "SYR": "Syrian",
    "TJK": "Tajik|Tajikistani", "THA": "Thai", "TLS": "Timorese", "TGO": "Togolese",
    "TON": "Tongan", "TTO": "Trinidadian|Tobagonian", "TUN": "Tunisian", "TUR": "Turkish",
    "TKM": "Turkmen", "TUV": "Tuvaluan", "UGA": "Ugandan", "UKR": "Ukrainian",
    "ARE": "Emirati", "GBR": "British", "TZA": "Tanzanian", "USA": "American|U.S.|US",
    "URY": "Uruguayan", "UZB": "Uzbek|Uzbekistani", "VUT": "Ni-Vanuatu", "VEN": "Venezuelan",
    "VNM": "Vietnamese", "YEM": "Yemeni", "ZMB": "Zambian", "ZWE": "Zimbabwean",
    "PSE": "Palestinian", "VAT": "Vatican", "XKX": "Kosovar|Kosovan", "TWN": "Taiwanese",
    "ATG": "Antiguan|Barbudan",
}


def nisba_forms(stem: str) -> list[str]:
    """Regular nisba set from a masculine stem ending in ي (e.g. سعودي)."""
    if not stem.endswith("ي"):
        return [stem, "ال" + stem]
    out = []
    for f in (stem, stem + "ة", stem + "ين", stem + "ون"):
        out += [f, "ال" + f]
    return out


def auto_stem(ar: str) -> str | None:
    """Derive a nisba stem from a one-word Arabic short name, or None when unsafe."""
    if " " in ar or "-" in ar or "(" in ar:
        return None
    base = ar[2:] if ar.startswith("ال") else ar
    if len(base) < 3:
        return None
    last = base[-1]
    if last in "و":  # توغو→توغولي, بيرو→بيروفي: irregular
        return None
    if base.endswith("وا"):  # ساموا, نيكاراغوا: unreliable
        return None
    if base.endswith("اي"):  # باراغواي, بروناي: adjective irregular/unsettled
        return None
    if last == "ي":
        return base
    if last in "اةى":
        base = base[:-1]
    return base if base.endswith("ي") else base + "ي"


def uniq(items):
    seen, out = set(), []
    for x in items:
        x = x.strip()
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def main() -> int:
    ar_loc, en_loc = Locale("ar").territories, Locale("en").territories
    rows = []
    entries = [(p.split()[0], p.split()[1], "member") for p in MEMBERS.replace("\n", "").split("|") if p.strip()]
    entries += [(k, v, "observer") for k, v in OBSERVERS.items()]
    entries += [(k, v, "other") for k, v in OTHER.items()]
    assert sum(1 for e in entries if e[2] == "member") == 193, "expected 193 UN members"
    for iso3, iso2, status in entries:
        cldr_ar, cldr_en = ar_loc[iso2], en_loc[iso2]
        en = EN_NAME.get(iso3, cldr_en.replace(" & ", " and "))
        ar = AR_NAME.get(iso3, cldr_ar)
        arv = [cldr_ar] + AR_VARIANTS.get(iso3, "").split("|")
        if iso3 in AR_NAME_AMBIGUOUS:
            ar, extra = AR_NAME_AMBIGUOUS[iso3]
            arv.append(extra)
        arv = [v for v in uniq(arv) if v != ar and v not in AR_EXCLUDE.get(iso3, [])]
        env = [cldr_en] + EN_VARIANTS.get(iso3, "").split("|")
        env = [v for v in uniq(env) if v != en]
        if iso3 in AR_ADJ_STEMS:
            stems = AR_ADJ_STEMS[iso3]
        else:
            s = auto_stem(ar)
            stems = [s] if s else []
        adj = []
        for s in stems:
            adj += nisba_forms(s)
        adj += AR_ADJ_EXTRA.get(iso3, [])
        rows.append([iso3, iso2, en, ar, "|".join(arv), "|".join(env), "|".join(uniq(adj)),
                     EN_ADJ.get(iso3, ""), status])
    rows.sort(key=lambda r: r[0])
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("iso3\tiso2\ten\tar\tar_variants\ten_variants\tar_adj\ten_adj\tstatus\n")
        f.write(f"# generated by tools/lexicon/gen_countries.py from CLDR {get_cldr_version()} "
                f"(babel) + hand-curated overrides (2026-11); do not edit by hand\n")
        for r in rows:
            assert all("\t" not in c and "\n" not in c for c in r)
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
