#!/usr/bin/env python3
"""The write half of the load test: POSTs distinct JSON Lines documents to /api/ingest.

    ingest.py BASE_URL TOKEN demo/corpus --lexicons crates/alaqat-extract/data \
        --documents 10000 --batch 100 --out summary.json
    ingest.py - - demo/corpus --lexicons crates/alaqat-extract/data --dump docs.jsonl

The documents come from a seeded generator (the same documents every run): sentence templates
about pairs of countries (visits, meetings, agreements, trade figures, promises) filled from the
extractor's own lexicons, now and then a sentence of the demo corpus, each document in one
language, with an id, a publication date and a sequence line of its own, so all are valid and
no two have the same text (the store identifies a document by a hash of its text). Batches go
one after another, each waiting for the answer to the one before, as a feed would send them. The summary (answers by status,
documents ingested, unchanged and failed, per-request and total time) is written as JSON.
Only the standard library is used.
"""

import argparse
import http.client
import json
import pathlib
import random
import re
import sys
import time
import urllib.parse

SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر"]
TOPICS_EN = ["trade and investment", "energy cooperation", "regional security", "food security", "tourism",
             "transport corridors", "water resources", "education exchanges", "health cooperation",
             "renewable energy", "customs procedures", "digital economy", "mining", "civil aviation"]
TOPICS_AR = ["التجارة والاستثمار", "التعاون في مجال الطاقة", "الأمن الإقليمي", "الأمن الغذائي", "السياحة",
             "ممرات النقل", "الموارد المائية", "التبادل التعليمي", "التعاون الصحي", "الطاقة المتجددة",
             "الإجراءات الجمركية", "الاقتصاد الرقمي", "التعدين", "الطيران المدني"]
OFFICIALS_EN = ["President", "Prime Minister", "Foreign Minister", "Minister of Economy", "Minister of Energy",
                "Interior Minister", "Defense Minister"]
OFFICIALS_AR = ["رئيس", "رئيس وزراء", "وزير خارجية", "وزير اقتصاد", "وزير طاقة", "وزير داخلية", "وزير دفاع"]

# Sentence templates: short fixed runs between slots, so that two documents share few word
# 5-grams (the store's near-duplicate detection works on them) unless they share a sentence.
TEMPLATES_EN = [
    "{city}, {month} {day}, {year} — The {off_a} of {a} met the {off_b} of {b} in {city} on {weekday} to discuss {topic}.",
    "{a} and {b} signed {n} memoranda of understanding on {topic} during the visit of the {off_a} of {a} to {city}.",
    "The {off_b} of {b} arrived in {city} on a {days}-day official visit at the invitation of the {off_a} of {a}.",
    "Trade between {a} and {b} reached {n} billion dollars in {year}, officials in {city} said.",
    "{a} and {b} agreed to establish a joint committee on {topic} before the end of {next_year}.",
    "The {off_a} of {a} received a phone call from the {off_b} of {b}, who discussed {topic} and {topic2}.",
    "Delegations from {a} and {b} held a {nth} round of consultations on {topic} in {city}.",
    "{a} will send a delegation of {n} experts to {b} in {month} {next_year} to follow up on {topic}.",
]
TEMPLATES_AR = [
    "{city}، {day} {month} {year} — استقبل {off_a} {a} في {city} {off_b} {b} وبحث الجانبان {topic}.",
    "وقعت {a} و{b} {n} مذكرات تفاهم في مجال {topic} خلال زيارة {off_a} {a} إلى {city}.",
    "وصل {off_b} {b} إلى {city} في زيارة رسمية تستغرق {days} أيام بدعوة من {off_a} {a}.",
    "بلغ حجم التبادل التجاري بين {a} و{b} {n} مليار دولار في عام {year} بحسب مسؤولين في {city}.",
    "اتفقت {a} و{b} على إنشاء لجنة مشتركة في مجال {topic} قبل نهاية عام {next_year}.",
    "تلقى {off_a} {a} اتصالا هاتفيا من {off_b} {b} تناول {topic} و{topic2}.",
    "عقد وفدا {a} و{b} الجولة {nth_ar} من المشاورات حول {topic} في {city}.",
    "ترسل {a} وفدا من {n} خبيرا إلى {b} في {month} {next_year} لمتابعة {topic}.",
]
WEIGHTS = [10, 8, 8, 6, 1, 8, 6, 1]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Sunday"]
ORDINALS_EN = ["first", "second", "third", "fourth", "fifth", "sixth"]
ORDINALS_AR = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة"]


def tsv(path: pathlib.Path) -> list[dict]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def lexicon(data: pathlib.Path) -> tuple[dict, dict]:
    """Countries (ISO code → English and Arabic names) and capitals by country, from the
    extractor's own lexicons, so the documents speak of things the extractor knows."""
    countries = {r["iso3"]: (r["en"], r["ar"]) for r in tsv(data / "countries.tsv") if r.get("status") == "member"}
    capitals: dict[str, tuple[str, str]] = {}
    for r in tsv(data / "places.tsv"):
        if r.get("kind") == "capital" and r["iso3"] in countries:
            capitals.setdefault(r["iso3"], (r["en"], r["ar"]))
    codes = [c for c in countries if c in capitals]
    if len(codes) < 20:
        sys.exit(f"error: too few countries with a capital in {data}")
    return {c: countries[c] for c in codes}, capitals


def sentences(corpus: pathlib.Path) -> dict[str, list[str]]:
    """The demo corpus's sentences by language (ar, en): plain text and JSON Lines files."""
    texts = []
    for path in sorted(corpus.iterdir()):
        if path.suffix == ".txt":
            encoding = "cp1256" if ".cp1256." in path.name else "utf-8"
            texts.append(path.read_text(encoding=encoding))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line).get("text", ""))
    pool: dict[str, list[str]] = {"ar": [], "en": []}
    for text in texts:
        for piece in SENTENCE_END.split(text):
            piece = piece.strip()
            if len(piece) < 20:
                continue
            arabic = sum(1 for c in piece if "\u0600" <= c <= "\u06ff")
            pool["ar" if arabic > len(piece) / 3 else "en"].append(piece)
    if not pool["ar"] or not pool["en"]:
        sys.exit(f"error: no Arabic or no English sentences in {corpus}")
    return pool


def documents(pool: dict[str, list[str]], countries: dict, capitals: dict, count: int, seed: int) -> list[dict]:
    """`count` documents, 70 % Arabic: four to seven sentences from the templates about one
    pair of countries, and now and then a sentence of the demo corpus (as wire copy quotes)."""
    rng = random.Random(seed)
    codes = sorted(countries)
    docs = []
    for i in range(count):
        lang = "ar" if rng.random() < 0.7 else "en"
        k = 1 if lang == "ar" else 0
        a, b = rng.sample(codes, 2)
        year = rng.randint(2015, 2025)
        month = rng.randint(1, 12)
        body = []
        for _ in range(rng.randint(4, 7)):
            # Promises (templates 4 and 7) are rarer than reports, as in the news.
            template = rng.choices(TEMPLATES_AR if lang == "ar" else TEMPLATES_EN, WEIGHTS)[0]
            topic, topic2 = rng.sample(TOPICS_AR if lang == "ar" else TOPICS_EN, 2)
            body.append(template.format(
                a=countries[a][k], b=countries[b][k], city=capitals[rng.choice((a, b))][k],
                off_a=rng.choice(OFFICIALS_AR if lang == "ar" else OFFICIALS_EN),
                off_b=rng.choice(OFFICIALS_AR if lang == "ar" else OFFICIALS_EN),
                topic=topic, topic2=topic2, n=rng.randint(2, 90), days=rng.randint(2, 5),
                day=rng.randint(1, 28), month=(MONTHS_AR if lang == "ar" else MONTHS_EN)[month - 1],
                year=year, next_year=year + 1, weekday=rng.choice(WEEKDAYS_EN),
                nth=rng.choice(ORDINALS_EN), nth_ar=rng.choice(ORDINALS_AR)))
        if rng.random() < 0.3:
            body.insert(rng.randint(1, len(body)), rng.choice(pool[lang]))
        marker = f"نشرة رقم {i}." if lang == "ar" else f"Dispatch number {i}."
        docs.append({
            "id": f"load-{seed}-{i}",
            "lang": lang,
            "published": f"{year}-{month:02d}-{rng.randint(1, 28):02d}",
            "title": body[0][:90],
            "text": "\n".join(body + [marker]),
        })
    return docs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base")
    parser.add_argument("token")
    parser.add_argument("corpus", type=pathlib.Path, help="the demo corpus (demo/corpus)")
    parser.add_argument("--lexicons", type=pathlib.Path, required=True,
                        help="the extractor's lexicons (crates/alaqat-extract/data)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per request")
    parser.add_argument("--out", type=pathlib.Path)
    parser.add_argument("--dump", type=pathlib.Path, help="write the documents as JSON Lines and stop")
    args = parser.parse_args()
    if not args.out and not args.dump:
        parser.error("--out or --dump is required")

    countries, capitals = lexicon(args.lexicons)
    docs = documents(sentences(args.corpus), countries, capitals, args.documents, args.seed)
    if args.dump:
        args.dump.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        return 0
    url = urllib.parse.urlsplit(args.base)
    statuses: dict[str, int] = {}
    ingested = unchanged = 0
    failed: list = []
    errors: list[str] = []
    seconds: list[float] = []
    started = time.monotonic()
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=args.timeout)
    for start in range(0, len(docs), args.batch):
        batch = docs[start:start + args.batch]
        body = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in batch).encode()
        headers = {"Authorization": f"Bearer {args.token}", "Content-Type": "application/x-ndjson"}
        t0 = time.monotonic()
        try:
            connection.request("POST", "/api/ingest", body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            status = str(response.status)
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=args.timeout)
            status, payload = "error", b""
            errors.append(f"batch {start // args.batch}: {error!r}")
        seconds.append(time.monotonic() - t0)
        statuses[status] = statuses.get(status, 0) + 1
        if status == "200":
            summary = json.loads(payload)
            ingested += summary["ingested"]
            unchanged += summary["unchanged"]
            failed.extend(summary["failed"])
        elif status != "error":
            errors.append(f"batch {start // args.batch}: {status} {payload[:300]!r}")
    total = time.monotonic() - started
    seconds.sort()
    result = {
        "documents_sent": len(docs),
        "requests": len(seconds),
        "statuses": statuses,
        "ingested": ingested,
        "unchanged": unchanged,
        "failed": len(failed),
        "failures": failed[:10],
        "errors": errors[:10],
        "seconds": round(total, 2),
        "request_p50_ms": round(1000 * seconds[len(seconds) // 2], 1) if seconds else None,
        "request_max_ms": round(1000 * seconds[-1], 1) if seconds else None,
    }
    args.out.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
