#!/usr/bin/env python3
"""Generate crates/alaqat-extract/data/places.tsv from the hand-curated table below
(curated 2026-11; names and coordinates are common facts, coordinates ~0.05 deg).

Row format in TABLE (one per line, ';'-separated, lists '|'-separated):
id;iso3;kind;en;ar;ar_variants;en_variants;valid_from;valid_to;same_as;lat;lon
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates", "alaqat-extract", "data", "places.tsv")

TABLE = """
kabul;AFG;capital;Kabul;كابل;كابول;;;;;34.5553;69.2075
tirana;ALB;capital;Tirana;تيرانا;;;;;;41.3275;19.8187
algiers;DZA;capital;Algiers;الجزائر العاصمة;مدينة الجزائر;Alger;;;;36.7538;3.0588
andorra_la_vella;AND;capital;Andorra la Vella;أندورا لا فيلا;;;;;;42.5063;1.5218
luanda;AGO;capital;Luanda;لواندا;;;;;;-8.8390;13.2894
saint_johns;ATG;capital;Saint John's;سانت جونز;;St. John's;;;;17.1274;-61.8468
buenos_aires;ARG;capital;Buenos Aires;بوينس آيرس;بوينس أيرس|بوينس ايرس;;;;;-34.6037;-58.3816
yerevan;ARM;capital;Yerevan;يريفان;;;;;;40.1792;44.4991
canberra;AUS;capital;Canberra;كانبرا;;;;;;-35.2809;149.1300
vienna;AUT;capital;Vienna;فيينا;فيينّا;Wien;;;;48.2082;16.3738
baku;AZE;capital;Baku;باكو;;;;;;40.4093;49.8671
nassau;BHS;capital;Nassau;ناساو;;;;;;25.0443;-77.3504
manama;BHR;capital;Manama;المنامة;;;;;;26.2285;50.5860
dhaka;BGD;capital;Dhaka;دكا;داكا|دكّا;Dacca;;;;23.8103;90.4125
bridgetown;BRB;capital;Bridgetown;بريدجتاون;;;;;;13.0969;-59.6145
minsk;BLR;capital;Minsk;مينسك;;;;;;53.9006;27.5590
brussels;BEL;capital;Brussels;بروكسل;;Bruxelles;;;;50.8503;4.3517
belmopan;BLZ;capital;Belmopan;بلموبان;;;;;;17.2510;-88.7590
porto_novo;BEN;capital;Porto-Novo;بورتو نوفو;بورتو-نوفو;Porto Novo;;;;6.4969;2.6289
cotonou;BEN;city;Cotonou;كوتونو;;;;;;6.3703;2.3912
thimphu;BTN;capital;Thimphu;تيمفو;;;;;;27.4728;89.6390
sucre;BOL;capital;Sucre;سوكري;;;;;;-19.0196;-65.2619
la_paz;BOL;capital;La Paz;لاباز;لا باز;;;;;-16.4897;-68.1193
sarajevo;BIH;capital;Sarajevo;سراييفو;سراييڤو;;;;;43.8563;18.4131
gaborone;BWA;capital;Gaborone;غابورون;غابوروني;;;;;-24.6282;25.9231
brasilia;BRA;capital;Brasília;برازيليا;;Brasilia;;;;-15.7939;-47.8828
bandar_seri_begawan;BRN;capital;Bandar Seri Begawan;بندر سري بكاوان;بندر سري بيغاوان;;;;;4.9031;114.9398
sofia;BGR;capital;Sofia;صوفيا;;;;;;42.6977;23.3219
ouagadougou;BFA;capital;Ouagadougou;واغادوغو;;;;;;12.3714;-1.5197
gitega;BDI;capital;Gitega;جيتيغا;غيتيغا;;;;;-3.4271;29.9246
bujumbura;BDI;city;Bujumbura;بوجومبورا;;;;;;-3.3614;29.3599
praia;CPV;capital;Praia;برايا;;;;;;14.9330;-23.5133
phnom_penh;KHM;capital;Phnom Penh;بنوم بنه;بنوم بن;;;;;11.5564;104.9282
yaounde;CMR;capital;Yaoundé;ياوندي;;Yaounde;;;;3.8480;11.5021
ottawa;CAN;capital;Ottawa;أوتاوا;اوتاوا;;;;;45.4215;-75.6972
bangui;CAF;capital;Bangui;بانغي;;;;;;4.3947;18.5582
ndjamena;TCD;capital;N'Djamena;نجامينا;إنجامينا|انجامينا;Ndjamena;;;;12.1348;15.0557
santiago;CHL;capital;Santiago;سانتياغو;سانتياغو دي تشيلي;Santiago de Chile;;;;-33.4489;-70.6693
beijing;CHN;capital;Beijing;بكين;بيجين|بيجينغ;Peking;;;;39.9042;116.4074
bogota;COL;capital;Bogotá;بوغوتا;;Bogota;;;;4.7110;-74.0721
moroni;COM;capital;Moroni;موروني;;;;;;-11.7172;43.2473
brazzaville;COG;capital;Brazzaville;برازافيل;;;;;;-4.2634;15.2429
san_jose_cr;CRI;capital;San José;سان خوسيه;;San Jose;;;;9.9281;-84.0907
yamoussoukro;CIV;capital;Yamoussoukro;ياموسوكرو;;;;;;6.8276;-5.2893
abidjan;CIV;city;Abidjan;أبيدجان;ابيدجان;;;;;5.3600;-4.0083
zagreb;HRV;capital;Zagreb;زغرب;زاغرب;;;;;45.8150;15.9819
havana;CUB;capital;Havana;هافانا;;La Habana;;;;23.1136;-82.3666
nicosia;CYP;capital;Nicosia;نيقوسيا;;;;;;35.1856;33.3823
prague;CZE;capital;Prague;براغ;;Praha;;;;50.0755;14.4378
pyongyang;PRK;capital;Pyongyang;بيونغ يانغ;بيونغيانغ|بيونج يانج;;;;;39.0392;125.7625
kinshasa;COD;capital;Kinshasa;كينشاسا;;;;;;-4.4419;15.2663
copenhagen;DNK;capital;Copenhagen;كوبنهاغن;كوبنهاجن;;;;;55.6761;12.5683
djibouti_city;DJI;capital;Djibouti City;مدينة جيبوتي;;Djibouti;;;;11.5890;43.1450
roseau;DMA;capital;Roseau;روزو;روسو;;;;;15.3010;-61.3870
santo_domingo;DOM;capital;Santo Domingo;سانتو دومينغو;;;;;;18.4861;-69.9312
quito;ECU;capital;Quito;كيتو;;;;;;-0.1807;-78.4678
cairo;EGY;capital;Cairo;القاهرة;;;;;;30.0444;31.2357
san_salvador;SLV;capital;San Salvador;سان سلفادور;سان سالفادور;;;;;13.6929;-89.2182
malabo;GNQ;capital;Malabo;مالابو;;;;;;3.7504;8.7371
asmara;ERI;capital;Asmara;أسمرة;أسمرا;;;;;15.3229;38.9251
tallinn;EST;capital;Tallinn;تالين;تالن;;;;;59.4370;24.7536
mbabane;SWZ;capital;Mbabane;مباباني;;;;;;-26.3054;31.1367
addis_ababa;ETH;capital;Addis Ababa;أديس أبابا;أديس ابابا|اديس ابابا;;;;;9.0250;38.7469
suva;FJI;capital;Suva;سوفا;;;;;;-18.1248;178.4501
helsinki;FIN;capital;Helsinki;هلسنكي;هلسنكى;;;;;60.1699;24.9384
paris;FRA;capital;Paris;باريس;;;;;;48.8566;2.3522
libreville;GAB;capital;Libreville;ليبرفيل;;;;;;0.4162;9.4673
banjul;GMB;capital;Banjul;بانجول;;;;;;13.4549;-16.5790
tbilisi;GEO;capital;Tbilisi;تبليسي;تفليس;Tiflis;;;;41.7151;44.8271
berlin;DEU;capital;Berlin;برلين;;;;;;52.5200;13.4050
accra;GHA;capital;Accra;أكرا;;;;;;5.6037;-0.1870
athens;GRC;capital;Athens;أثينا;;;;;;37.9838;23.7275
st_georges;GRD;capital;St. George's;سانت جورجز;;Saint George's;;;;12.0561;-61.7488
guatemala_city;GTM;capital;Guatemala City;مدينة غواتيمالا;غواتيمالا سيتي;;;;;14.6349;-90.5069
conakry;GIN;capital;Conakry;كوناكري;;;;;;9.6412;-13.5784
bissau;GNB;capital;Bissau;بيساو;;;;;;11.8636;-15.5977
georgetown;GUY;capital;Georgetown;جورجتاون;;;;;;6.8013;-58.1551
port_au_prince;HTI;capital;Port-au-Prince;بورت أو برنس;بور أو برنس;;;;;18.5944;-72.3074
tegucigalpa;HND;capital;Tegucigalpa;تيغوسيغالبا;;;;;;14.0723;-87.1921
budapest;HUN;capital;Budapest;بودابست;;;;;;47.4979;19.0402
reykjavik;ISL;capital;Reykjavík;ريكيافيك;ريكيافيك|ريكجافيك;Reykjavik;;;;64.1466;-21.9426
new_delhi;IND;capital;New Delhi;نيودلهي;نيو دلهي|دلهي;Delhi;;;;28.6139;77.2090
jakarta;IDN;capital;Jakarta;جاكرتا;;;;;;-6.2088;106.8456
tehran;IRN;capital;Tehran;طهران;;Teheran;;;;35.6892;51.3890
baghdad;IRQ;capital;Baghdad;بغداد;;;;;;33.3152;44.3661
dublin;IRL;capital;Dublin;دبلن;;;;;;53.3498;-6.2603
tel_aviv;ISR;capital;Tel Aviv;تل أبيب;تل ابيب|تل أبيب يافا;Tel Aviv-Yafo;;;;32.0853;34.7818
jerusalem;;city;Jerusalem;القدس;القدس الشريف|بيت المقدس|أورشليم;Al-Quds;;;;31.7683;35.2137
rome;ITA;capital;Rome;روما;;Roma;;;;41.9028;12.4964
kingston;JAM;capital;Kingston;كينغستون;كينجستون;;;;;17.9714;-76.7920
tokyo;JPN;capital;Tokyo;طوكيو;;;;;;35.6762;139.6503
amman;JOR;capital;Amman;عمّان;العاصمة الأردنية عمان;;;;;31.9454;35.9284
astana;KAZ;capital;Astana;أستانا;آستانا|استانا|أستانة|آستانة;;;;;51.1694;71.4491
nur_sultan;KAZ;capital;Nur-Sultan;نور سلطان;نور-سلطان|نور - سلطان|نورسلطان|نور سلطان العاصمة;Nursultan|Nur Sultan;2019-03-23;2022-09-17;astana;51.1694;71.4491
akmola;KAZ;capital;Akmola;أقمولا;عقمولا|آقمولا|أكمولا;Aqmola|Akmolinsk;1992;1998-05-06;astana;51.1694;71.4491
tselinograd;KAZ;capital;Tselinograd;تسيلينوغراد;تسلينوغراد;;1961;1992;astana;51.1694;71.4491
nairobi;KEN;capital;Nairobi;نيروبي;;;;;;-1.2921;36.8219
south_tarawa;KIR;capital;South Tarawa;تاراوا الجنوبية;تاراوا;Tarawa;;;;1.3290;172.9790
kuwait_city;KWT;capital;Kuwait City;مدينة الكويت;;;;;;29.3759;47.9774
bishkek;KGZ;capital;Bishkek;بيشكك;بشكيك|بيشكيك;Frunze;;;;42.8746;74.5698
vientiane;LAO;capital;Vientiane;فينتيان;فيينتيان|فيانتيان;;;;;17.9757;102.6331
riga;LVA;capital;Riga;ريغا;ريجا;;;;;56.9496;24.1052
beirut;LBN;capital;Beirut;بيروت;;;;;;33.8938;35.5018
maseru;LSO;capital;Maseru;ماسيرو;;;;;;-29.3151;27.4869
monrovia;LBR;capital;Monrovia;مونروفيا;;;;;;6.3156;-10.8074
tripoli;LBY;capital;Tripoli;طرابلس;طرابلس الغرب;;;;;32.8872;13.1913
vaduz;LIE;capital;Vaduz;فادوتس;فادوز;;;;;47.1410;9.5209
vilnius;LTU;capital;Vilnius;فيلنيوس;;;;;;54.6872;25.2797
luxembourg_city;LUX;capital;Luxembourg City;مدينة لوكسمبورغ;;Luxembourg;;;;49.6116;6.1319
antananarivo;MDG;capital;Antananarivo;أنتاناناريفو;;;;;;-18.8792;47.5079
lilongwe;MWI;capital;Lilongwe;ليلونغوي;;;;;;-13.9626;33.7741
kuala_lumpur;MYS;capital;Kuala Lumpur;كوالالمبور;كوالا لمبور|كوالا لامبور;;;;;3.1390;101.6869
putrajaya;MYS;city;Putrajaya;بوتراجايا;;;;;;2.9264;101.6964
male;MDV;capital;Malé;ماليه;مالي العاصمة;Male;;;;4.1755;73.5093
bamako;MLI;capital;Bamako;باماكو;;;;;;12.6392;-8.0029
valletta;MLT;capital;Valletta;فاليتا;فاليتّا;;;;;35.8989;14.5146
majuro;MHL;capital;Majuro;ماجورو;;;;;;7.1164;171.1858
nouakchott;MRT;capital;Nouakchott;نواكشوط;انواكشوط;;;;;18.0735;-15.9582
port_louis;MUS;capital;Port Louis;بورت لويس;;;;;;-20.1609;57.5012
mexico_city;MEX;capital;Mexico City;مكسيكو سيتي;مدينة مكسيكو|مدينة المكسيك;;;;;19.4326;-99.1332
palikir;FSM;capital;Palikir;باليكير;;;;;;6.9248;158.1611
chisinau;MDA;capital;Chișinău;كيشيناو;كيشينيف;Chisinau|Kishinev;;;;47.0105;28.8638
ulaanbaatar;MNG;capital;Ulaanbaatar;أولان باتور;أولانباتار|أولان باتار|أولانباتور;Ulan Bator;;;;47.8864;106.9057
podgorica;MNE;capital;Podgorica;بودغوريتسا;بودغوريكا;;;;;42.4304;19.2594
rabat;MAR;capital;Rabat;الرباط;;;;;;34.0209;-6.8416
maputo;MOZ;capital;Maputo;مابوتو;;;;;;-25.9692;32.5732
naypyidaw;MMR;capital;Naypyidaw;نايبيداو;نايبيتاو|ناي بي تاو;Nay Pyi Taw;;;;19.7633;96.0785
windhoek;NAM;capital;Windhoek;ويندهوك;;;;;;-22.5609;17.0658
yaren;NRU;capital;Yaren;يارين;;;;;;-0.5477;166.9209
kathmandu;NPL;capital;Kathmandu;كاتماندو;;;;;;27.7172;85.3240
amsterdam;NLD;capital;Amsterdam;أمستردام;امستردام;;;;;52.3676;4.9041
the_hague;NLD;city;The Hague;لاهاي;;Den Haag;;;;52.0705;4.3007
wellington;NZL;capital;Wellington;ويلينغتون;ولينغتون;;;;;-41.2865;174.7762
managua;NIC;capital;Managua;ماناغوا;ماناجوا;;;;;12.1150;-86.2362
niamey;NER;capital;Niamey;نيامي;;;;;;13.5116;2.1254
abuja;NGA;capital;Abuja;أبوجا;;;;;;9.0765;7.3986
lagos;NGA;city;Lagos;لاغوس;لاجوس;;;;;6.5244;3.3792
skopje;MKD;capital;Skopje;سكوبيه;سكوبي;;;;;41.9981;21.4254
oslo;NOR;capital;Oslo;أوسلو;اوسلو;;;;;59.9139;10.7522
muscat;OMN;capital;Muscat;مسقط;;;;;;23.5880;58.3829
islamabad;PAK;capital;Islamabad;إسلام آباد;إسلام أباد|اسلام اباد|إسلاماباد;;;;;33.6844;73.0479
ngerulmud;PLW;capital;Ngerulmud;نجيرولمود;;;;;;7.5006;134.6242
panama_city;PAN;capital;Panama City;مدينة بنما;بنما سيتي;;;;;8.9824;-79.5199
port_moresby;PNG;capital;Port Moresby;بورت مورسبي;;;;;;-9.4438;147.1803
asuncion;PRY;capital;Asunción;أسونسيون;;Asuncion;;;;-25.2637;-57.5759
lima;PER;capital;Lima;ليما;;;;;;-12.0464;-77.0428
manila;PHL;capital;Manila;مانيلا;;;;;;14.5995;120.9842
warsaw;POL;capital;Warsaw;وارسو;فرصوفيا;Warszawa;;;;52.2297;21.0122
lisbon;PRT;capital;Lisbon;لشبونة;ليشبونة;Lisboa;;;;38.7223;-9.1393
doha;QAT;capital;Doha;الدوحة;;;;;;25.2854;51.5310
seoul;KOR;capital;Seoul;سيول;سول;;;;;37.5665;126.9780
bucharest;ROU;capital;Bucharest;بوخارست;;;;;;44.4268;26.1025
moscow;RUS;capital;Moscow;موسكو;;;;;;55.7558;37.6173
kigali;RWA;capital;Kigali;كيغالي;كيجالي;;;;;-1.9441;30.0619
basseterre;KNA;capital;Basseterre;باستير;;;;;;17.3026;-62.7177
castries;LCA;capital;Castries;كاستريس;;;;;;14.0101;-60.9875
kingstown;VCT;capital;Kingstown;كينغستاون;;;;;;13.1600;-61.2248
apia;WSM;capital;Apia;آبيا;أبيا;;;;;-13.8506;-171.7513
san_marino_city;SMR;capital;City of San Marino;مدينة سان مارينو;;San Marino;;;;43.9356;12.4473
sao_tome;STP;capital;São Tomé;ساو تومي;;Sao Tome;;;;0.3365;6.7273
riyadh;SAU;capital;Riyadh;الرياض;;Riyad|Ar-Riyadh;;;;24.7136;46.6753
dakar;SEN;capital;Dakar;داكار;دكار;;;;;14.7167;-17.4677
belgrade;SRB;capital;Belgrade;بلغراد;;Beograd;;;;44.7866;20.4489
victoria_sc;SYC;capital;Victoria;فيكتوريا;;;;;;-4.6191;55.4513
freetown;SLE;capital;Freetown;فريتاون;;;;;;8.4657;-13.2317
bratislava;SVK;capital;Bratislava;براتيسلافا;;;;;;48.1486;17.1077
ljubljana;SVN;capital;Ljubljana;ليوبليانا;لوبليانا;;;;;46.0569;14.5058
honiara;SLB;capital;Honiara;هونيارا;;;;;;-9.4456;159.9729
mogadishu;SOM;capital;Mogadishu;مقديشو;مقديشيو;;;;;2.0469;45.3182
pretoria;ZAF;capital;Pretoria;بريتوريا;;Tshwane;;;;-25.7479;28.2293
cape_town;ZAF;city;Cape Town;كيب تاون;كيبتاون;;;;;-33.9249;18.4241
johannesburg;ZAF;city;Johannesburg;جوهانسبرغ;جوهانسبرج;;;;;-26.2041;28.0473
juba;SSD;capital;Juba;جوبا;;;;;;4.8594;31.5713
madrid;ESP;capital;Madrid;مدريد;;;;;;40.4168;-3.7038
colombo;LKA;capital;Colombo;كولومبو;;;;;;6.9271;79.8612
khartoum;SDN;capital;Khartoum;الخرطوم;;;;;;15.5007;32.5599
port_sudan;SDN;city;Port Sudan;بورتسودان;بور سودان|بورت سودان;;;;;19.6158;37.2164
paramaribo;SUR;capital;Paramaribo;باراماريبو;;;;;;5.8520;-55.2038
stockholm;SWE;capital;Stockholm;ستوكهولم;;;;;;59.3293;18.0686
bern;CHE;capital;Bern;برن;بيرن;Berne;;;;46.9480;7.4474
geneva;CHE;city;Geneva;جنيف;;Genève;;;;46.2044;6.1432
davos;CHE;city;Davos;دافوس;;;;;;46.8027;9.8360
damascus;SYR;capital;Damascus;دمشق;;;;;;33.5138;36.2765
dushanbe;TJK;capital;Dushanbe;دوشنبه;دوشانبي|دوشنبي;;;;;38.5598;68.7870
bangkok;THA;capital;Bangkok;بانكوك;;;;;;13.7563;100.5018
dili;TLS;capital;Dili;ديلي;;;;;;-8.5569;125.5603
lome;TGO;capital;Lomé;لومي;;Lome;;;;6.1375;1.2123
nukualofa;TON;capital;Nukuʻalofa;نوكوالوفا;نوكو ألوفا;Nuku'alofa;;;;-21.1393;-175.2049
port_of_spain;TTO;capital;Port of Spain;بورت أوف سبين;;;;;;10.6596;-61.5019
tunis;TUN;capital;Tunis;تونس العاصمة;مدينة تونس;;;;;36.8065;10.1815
ankara;TUR;capital;Ankara;أنقرة;انقرة;;;;;39.9334;32.8597
ashgabat;TKM;capital;Ashgabat;عشق آباد;عشق أباد|عشقاباد|عشق اباد|أشخاباد;Ashkhabad;;;;37.9601;58.3261
funafuti;TUV;capital;Funafuti;فونافوتي;;;;;;-8.5211;179.1983
kampala;UGA;capital;Kampala;كمبالا;;;;;;0.3476;32.5825
kyiv;UKR;capital;Kyiv;كييف;كيف;Kiev;;;;50.4501;30.5234
abu_dhabi;ARE;capital;Abu Dhabi;أبوظبي;أبو ظبي|ابوظبي|ابو ظبي;;;;;24.4539;54.3773
london;GBR;capital;London;لندن;;;;;;51.5074;-0.1278
dodoma;TZA;capital;Dodoma;دودوما;;;;;;-6.1630;35.7516
dar_es_salaam;TZA;city;Dar es Salaam;دار السلام;;;;;;-6.7924;39.2083
washington;USA;capital;Washington;واشنطن;واشنطن العاصمة|واشنطن دي سي;Washington, D.C.|Washington DC;;;;38.9072;-77.0369
new_york;USA;city;New York;نيويورك;;New York City|NYC;;;;40.7128;-74.0060
montevideo;URY;capital;Montevideo;مونتيفيديو;;;;;;-34.9011;-56.1645
tashkent;UZB;capital;Tashkent;طشقند;طاشقند|تاشكند;Toshkent;;;;41.2995;69.2401
port_vila;VUT;capital;Port Vila;بورت فيلا;;;;;;-17.7333;168.3273
caracas;VEN;capital;Caracas;كاراكاس;;;;;;10.4806;-66.9036
hanoi;VNM;capital;Hanoi;هانوي;;Ha Noi;;;;21.0278;105.8342
sanaa;YEM;capital;Sanaa;صنعاء;;Sana'a;;;;15.3694;44.1910
lusaka;ZMB;capital;Lusaka;لوساكا;;;;;;-15.3875;28.3228
harare;ZWE;capital;Harare;هراري;;;;;;-17.8252;31.0335
ramallah;PSE;capital;Ramallah;رام الله;;;;;;31.9038;35.2034
gaza_city;PSE;city;Gaza City;مدينة غزة;غزة;Gaza;;;;31.5017;34.4668
taipei;TWN;capital;Taipei;تايبيه;تايبي;;;;;25.0330;121.5654
pristina;XKX;capital;Pristina;بريشتينا;بريشتينا;Prishtina;;;;42.6629;21.1655
vatican_city;VAT;capital;Vatican City;مدينة الفاتيكان;;;;;;41.9029;12.4534
jeddah;SAU;city;Jeddah;جدة;جده|جدّة;Jiddah|Jedda;;;;21.4858;39.1925
mecca;SAU;city;Mecca;مكة المكرمة;مكة|مكه المكرمة;Makkah;;;;21.3891;39.8579
medina;SAU;city;Medina;المدينة المنورة;;Madinah|Al-Madinah;;;;24.5247;39.5692
dammam;SAU;city;Dammam;الدمام;;;;;;26.4207;50.0888
khobar;SAU;city;Khobar;الخبر;;Al Khobar;;;;26.2172;50.1971
dhahran;SAU;city;Dhahran;الظهران;;;;;;26.2361;50.0393
taif;SAU;city;Taif;الطائف;;;;;;21.2703;40.4158
tabuk;SAU;city;Tabuk;تبوك;;;;;;28.3838;36.5550
abha;SAU;city;Abha;أبها;;;;;;18.2164;42.5053
alula;SAU;city;AlUla;العلا;;Al-Ula|Al Ula;;;;26.6085;37.9232
neom;SAU;city;NEOM;نيوم;;Neom;;;;;
dubai;ARE;city;Dubai;دبي;;;;;;25.2048;55.2708
sharjah;ARE;city;Sharjah;الشارقة;;;;;;25.3463;55.4209
ajman;ARE;city;Ajman;عجمان;;;;;;25.4052;55.5136
ras_al_khaimah;ARE;city;Ras Al Khaimah;رأس الخيمة;;;;;;25.8007;55.9762
fujairah;ARE;city;Fujairah;الفجيرة;;;;;;25.1288;56.3265
lusail;QAT;city;Lusail;لوسيل;;;;;;25.4200;51.4900
salalah;OMN;city;Salalah;صلالة;;;;;;17.0151;54.0924
sohar;OMN;city;Sohar;صحار;;;;;;24.3460;56.7075
basra;IRQ;city;Basra;البصرة;;;;;;30.5085;47.7804
mosul;IRQ;city;Mosul;الموصل;;;;;;36.3400;43.1300
erbil;IRQ;city;Erbil;أربيل;اربيل|هولير;Arbil;;;;36.1911;44.0092
najaf;IRQ;city;Najaf;النجف;;;;;;32.0259;44.3462
karbala;IRQ;city;Karbala;كربلاء;;;;;;32.6160;44.0249
kirkuk;IRQ;city;Kirkuk;كركوك;;;;;;35.4681;44.3922
sulaymaniyah;IRQ;city;Sulaymaniyah;السليمانية;;;;;;35.5613;45.4306
aleppo;SYR;city;Aleppo;حلب;;;;;;36.2021;37.1343
homs;SYR;city;Homs;حمص;;;;;;34.7324;36.7137
latakia;SYR;city;Latakia;اللاذقية;;;;;;35.5317;35.7901
idlib;SYR;city;Idlib;إدلب;ادلب;;;;;35.9306;36.6339
sidon;LBN;city;Sidon;صيدا;;Saida;;;;33.5571;35.3729
tyre;LBN;city;Tyre;مدينة صور;;Sour;;;;33.2705;35.2038
aqaba;JOR;city;Aqaba;العقبة;;;;;;29.5320;35.0063
zarqa;JOR;city;Zarqa;الزرقاء;;;;;;32.0728;36.0880
irbid;JOR;city;Irbid;إربد;اربد;;;;;32.5556;35.8500
alexandria;EGY;city;Alexandria;الإسكندرية;الاسكندرية;;;;;31.2001;29.9187
sharm_el_sheikh;EGY;city;Sharm El Sheikh;شرم الشيخ;;Sharm el-Sheikh;;;;27.9158;34.3300
port_said;EGY;city;Port Said;بورسعيد;بور سعيد;;;;;31.2653;32.3019
suez;EGY;city;Suez;السويس;;;;;;29.9668;32.5498
luxor;EGY;city;Luxor;الأقصر;;;;;;25.6872;32.6396
aswan;EGY;city;Aswan;أسوان;اسوان;;;;;24.0889;32.8998
aden;YEM;city;Aden;عدن;;;;;;12.7855;45.0187
marib;YEM;city;Marib;مأرب;;;;;;15.4625;45.3253
hodeidah;YEM;city;Hodeidah;الحديدة;;Al Hudaydah;;;;14.7978;42.9545
taiz;YEM;city;Taiz;تعز;;;;;;13.5795;44.0209
mukalla;YEM;city;Mukalla;المكلا;;;;;;14.5425;49.1242
haifa;ISR;city;Haifa;حيفا;;;;;;32.7940;34.9896
istanbul;TUR;city;Istanbul;إسطنبول;اسطنبول|استانبول|إستانبول;;;;;41.0082;28.9784
izmir;TUR;city;Izmir;إزمير;ازمير;;;;;38.4237;27.1428
antalya;TUR;city;Antalya;أنطاليا;انطاليا;;;;;36.8969;30.7133
mashhad;IRN;city;Mashhad;مشهد;;;;;;36.2605;59.6168
isfahan;IRN;city;Isfahan;أصفهان;اصفهان;;;;;32.6546;51.6680
tabriz;IRN;city;Tabriz;تبريز;;;;;;38.0962;46.2738
shiraz;IRN;city;Shiraz;شيراز;;;;;;29.5918;52.5837
qom;IRN;city;Qom;قم;;;;;;34.6399;50.8759
bandar_abbas;IRN;city;Bandar Abbas;بندر عباس;;;;;;27.1832;56.2666
almaty;KAZ;city;Almaty;ألماتي;ألماآتا|الماطي|الماطى|آلماتي|ألما آتا|الماتي;Alma-Ata|Alma Ata;1993;;;43.2220;76.8512
shymkent;KAZ;city;Shymkent;شيمكنت;شمكنت|شيمكينت;Chimkent;;;;42.3417;69.5901
karaganda;KAZ;city;Karaganda;قاراغاندا;كاراغندا|قره غندي;Karagandy|Qaraghandy;;;;49.8047;73.1094
aktau;KAZ;city;Aktau;أكتاو;أقتاو;Aqtau;;;;43.6410;51.1980
atyrau;KAZ;city;Atyrau;أتيراو;;;;;;47.0945;51.9238
aktobe;KAZ;city;Aktobe;أكتوبي;أقتوبي|اكتوبي;Aqtobe;;;;50.2839;57.1670
turkistan;KAZ;city;Turkistan;تركستان;;Turkestan;;;;43.2973;68.2518
baikonur;KAZ;city;Baikonur;بايكونور;;Baykonur;;;;45.6167;63.3167
samarkand;UZB;city;Samarkand;سمرقند;;Samarqand;;;;39.6542;66.9597
bukhara;UZB;city;Bukhara;بخارى;بخارا;Buxoro;;;;39.7747;64.4286
khiva;UZB;city;Khiva;خيوة;خيوا;Xiva;;;;41.3783;60.3639
namangan;UZB;city;Namangan;نمنغان;نامانغان;;;;;40.9983;71.6726
andijan;UZB;city;Andijan;أنديجان;انديجان;;;;;40.7821;72.3442
fergana;UZB;city;Fergana;فرغانة;;Ferghana;;;;40.3842;71.7843
nukus;UZB;city;Nukus;نوكوس;;;;;;42.4531;59.6103
termez;UZB;city;Termez;ترمذ;ترميز;Termiz;;;;37.2242;67.2783
osh;KGZ;city;Osh;أوش;اوش;;;;;40.5283;72.7985
khujand;TJK;city;Khujand;خجند;خوجند;;;;;40.2826;69.6222
shanghai;CHN;city;Shanghai;شنغهاي;شانغهاي;;;;;31.2304;121.4737
guangzhou;CHN;city;Guangzhou;قوانغتشو;غوانغجو|جوانزو;Canton;;;;23.1291;113.2644
shenzhen;CHN;city;Shenzhen;شنتشن;شينزين|شنجن;;;;;22.5431;114.0579
urumqi;CHN;city;Urumqi;أورومتشي;أورومكي;Ürümqi;;;;43.8256;87.6168
hong_kong;CHN;city;Hong Kong;هونغ كونغ;هونج كونج;;;;;22.3193;114.1694
xian;CHN;city;Xi'an;شيآن;شيان;Xian;;;;34.3416;108.9398
saint_petersburg;RUS;city;Saint Petersburg;سانت بطرسبرغ;سان بطرسبرغ|سانت بطرسبورغ|بطرسبرغ;St. Petersburg;;;;59.9311;30.3609
leningrad;RUS;city;Leningrad;لينينغراد;لينينجراد;;1924;1991;saint_petersburg;59.9311;30.3609
kazan;RUS;city;Kazan;قازان;;;;;;55.7961;49.1064
sochi;RUS;city;Sochi;سوتشي;;;;;;43.6028;39.7342
grozny;RUS;city;Grozny;غروزني;;;;;;43.3180;45.6981
karachi;PAK;city;Karachi;كراتشي;كراتشى;;;;;24.8607;67.0011
lahore;PAK;city;Lahore;لاهور;;;;;;31.5204;74.3587
mumbai;IND;city;Mumbai;مومباي;;;1995;;;19.0760;72.8777
bombay;IND;city;Bombay;بومباي;;;;1995;mumbai;19.0760;72.8777
yangon;MMR;city;Yangon;يانغون;;;1989;;;16.8409;96.1735
rangoon;MMR;city;Rangoon;رانغون;;;;1989;yangon;16.8409;96.1735
kandahar;AFG;city;Kandahar;قندهار;;;;;;31.6289;65.7372
herat;AFG;city;Herat;هرات;;;;;;34.3529;62.2040
"""

HEADER = ["id", "iso3", "kind", "en", "ar", "ar_variants", "en_variants", "valid_from",
          "valid_to", "same_as", "lat", "lon"]


def main() -> int:
    rows, ids = [], set()
    for line in TABLE.strip().splitlines():
        cells = line.split(";")
        assert len(cells) == len(HEADER), (len(cells), line)
        assert cells[0] not in ids, cells[0]
        ids.add(cells[0])
        rows.append(cells)
    for r in rows:
        assert not r[9] or r[9] in ids, r
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        f.write("# generated by tools/lexicon/gen_places.py (hand-curated 2026-11); "
                "valid_from/valid_to = validity of the NAME, not of capital status\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
