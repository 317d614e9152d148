"""Person surfaces per demo document (.txt and .jsonl only): (doc, key, country, role, surfaces)."""
MBS, TOK, NAZ = "Crown Prince and Prime Minister of Saudi Arabia", "President of Kazakhstan", "first President of Kazakhstan"
D1 = "sau-kaz-jeddah-summit-2023-07.txt"; D2 = "sau-kaz-jeddah-summit-reprint-2023-07.txt"
D3 = "sau-kaz-falih-nursultan-2021-09.txt"; D4 = "sau-kaz-relations-since-1994.txt"
D5 = "sau-kaz-fm-letter-riyadh.txt"; D6 = "sau-kaz-interior-2025-12.txt"
D7 = "sau-kaz-interior-riyadh-2025-12-18.txt"; D8 = "are-uzb-mirziyoyev-abu-dhabi-2019-03.txt"
D9 = "omn-irn-haitham-tehran-2023-05.txt"; D10 = "kwt-uzb-kuwait-fund.cp1256.txt"
D11 = "are-kaz-economic-ties-2024.txt"; D12 = "egy-chn-sisi-beijing-en-2024-05.txt"
J1 = "kaz-sau-jeddah-en-2023-07"; J2 = "omn-irn-tehran-en-2023-05"; J3 = "chn-sau-xi-riyadh-en-2022-12"
PERSONS = [
    (D1, "mbs", "SAU", MBS, ["محمد بن سلمان بن عبدالعزيز آل سعود"]),
    (D1, "tokayev", "KAZ", TOK, ["قاسم جومارت توكاييف", "توكاييف"]),
    (D2, "mbs", "SAU", MBS, ["محمد بن سلمان بن عبد العزيز آل سعود"]),
    (D2, "tokayev", "KAZ", TOK, ["قاسم جومارت توقاييف", "توقاييف"]),
    (D3, "falih", "SAU", "Minister of Investment of Saudi Arabia", ["خالد بن عبدالعزيز الفالح", "الفالح"]),
    (D3, "tokayev", "KAZ", TOK, ["قاسم جومارت توكاييف"]),
    (D3, "mamin", "KAZ", "Prime Minister of Kazakhstan", ["عسكر مامين"]),
    (D4, "nazarbayev", "KAZ", NAZ, ["نور سلطان نزارباييف", "نزارباييف", "نازاربايف"]),
    (D4, "king_fahd", "SAU", "King of Saudi Arabia", ["فهد بن عبد العزيز آل سعود"]),
    (D4, "crown_prince_sultan", "SAU", "Crown Prince of Saudi Arabia", ["سلطان بن عبد العزيز آل سعود"]),
    (D4, "tokayev", "KAZ", TOK, ["قاسم جومارت توكاييف"]),
    (D4, "mbs", "SAU", MBS, ["محمد بن سلمان"]),
    (D5, "mbs", "SAU", MBS, ["محمد بن سلمان بن عبدالعزيز آل سعود"]),
    (D5, "tokayev", "KAZ", TOK, ["قاسم جومارت توكاييف"]),
    (D5, "kosherbayev", "KAZ", "Foreign Minister of Kazakhstan", ["يرميك كوشيرباييف"]),
    (D5, "faisal_bin_farhan", "SAU", "Foreign Minister of Saudi Arabia", ["فيصل بن فرحان بن عبدالله"]),
    (D6, "abdulaziz_bin_saud", "SAU", "Minister of Interior of Saudi Arabia", ["عبدالعزيز بن سعود بن نايف بن عبدالعزيز"]),
    (D6, "sadenov", "KAZ", "Minister of Internal Affairs of Kazakhstan", ["إرجان سادينوف"]),
    (D6, "menilbekov", "KAZ", "Ambassador of Kazakhstan to Saudi Arabia", ["ماديار مينيلبيكوف"]),
    (D7, "abdulaziz_bin_saud", "SAU", "Minister of Interior of Saudi Arabia", ["عبد العزيز بن سعود بن نايف", "عبد العزيز بن سعود"]),
    (D7, "sadenov", "KAZ", "Minister of Internal Affairs of Kazakhstan", ["إرجان سادينوف", "سادينوف"]),
    (D8, "mbz", "ARE", "Crown Prince of Abu Dhabi", ["محمد بن زايد آل نهيان", "محمد بن زايد"]),
    (D8, "mirziyoyev", "UZB", "President of Uzbekistan", ["شوكت ميرضيائيف", "ميرضيائيف"]),
    (D9, "haitham", "OMN", "Sultan of Oman", ["هيثم بن طارق"]),
    (D9, "qaboos", "OMN", "former Sultan of Oman", ["قابوس بن سعيد"]),
    (D9, "raisi", "IRN", "President of Iran", ["إبراهيم رئيسي", "رئيسي"]),
    (D9, "khamenei", "IRN", "Supreme Leader of Iran", ["علي خامنئي"]),
    (D10, "salem_al_sabah", "KWT", "Foreign Minister of Kuwait", ["سالم عبدالله الجابر الصباح"]),
    (D11, "nazarbayev", "KAZ", NAZ, ["نور سلطان نزارباييف"]),
    (D12, "xi", "CHN", "President of China", ["Xi Jinping", "Xi"]),
    (D12, "sisi", "EGY", "President of Egypt", ["Abdel Fattah al-Sisi", "Sisi"]),
    (J1, "tokayev", "KAZ", TOK, ["Kassym-Jomart Tokayev", "Tokayev"]),
    (J1, "mbs", "SAU", MBS, ["Mohammed bin Salman"]),
    (J1, "nazarbayev", "KAZ", NAZ, ["Nursultan Nazarbayev"]),
    (J2, "haitham", "OMN", "Sultan of Oman", ["Haitham bin Tarik"]),
    (J2, "qaboos", "OMN", "former Sultan of Oman", ["Qaboos bin Said"]),
    (J2, "raisi", "IRN", "President of Iran", ["Ebrahim Raisi", "Raisi"]),
    (J2, "khamenei", "IRN", "Supreme Leader of Iran", ["Ali Khamenei"]),
    (J3, "king_salman", "SAU", "King of Saudi Arabia", ["Salman bin Abdulaziz"]),
    (J3, "mbs", "SAU", MBS, ["Mohammed bin Salman"]),
    (J3, "xi", "CHN", "President of China", ["Xi Jinping", "Xi"]),
]
