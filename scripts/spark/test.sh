#!/usr/bin/env bash
# Tests the Spark recipe (scripts/spark/alaqat_spark.py) against a plain local run:
#
#     bash scripts/spark/test.sh /path/to/alaqat     # a release build of alaqat
#
# 1. a Python venv with pinned pyspark from PyPI (target/spark-venv, or $ALAQAT_SPARK_VENV;
#    reused while it holds the pinned version; Java 17 is installed from Debian if missing);
# 2. a JSON Lines dataset from demo/corpus (every document in 30 variants: own or numeric ids,
#    url only, neither (named by line), other dates; a blank and a whitespace-only line, and
#    two bad lines);
# 3. the recipe with spark-submit in local[2] over 4 input splits, and again on the gzipped
#    dataset (one unsplittable split, spread over 3 partitions), then `alaqat extract` locally
#    on the same input; the Parquet rows, in `line` order, must be the local output line for
#    line (as canonical JSON), with the columns agreeing with the record;
# 4. the recipe with a fake alaqat that exits 1 (launched with plain python, binary not
#    shipped): the job must fail and write no Parquet.
#
# Offline (Spark bound to 127.0.0.1, no UI, no downloads besides the pip install), logs at
# ERROR. Exits non-zero on any mismatch; ends with a summary and `spark: N passed, 0 failed`.
set -euo pipefail

PYSPARK_VERSION=4.1.1
PY4J_VERSION=0.10.9.9
PARTITIONS=4

[ $# -eq 1 ] || { echo "usage: bash scripts/spark/test.sh /path/to/alaqat" >&2; exit 2; }
alaqat="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$alaqat" ] || { echo "spark test: $1 is not an executable" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
started=$(date +%s.%N)
step() { printf '==> %s\n' "$*"; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(date +%s.%N)"; }

if ! command -v java >/dev/null 2>&1; then
    step "Java 17 (Debian's openjdk-17-jre-headless)"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y openjdk-17-jre-headless
fi

venv="${ALAQAT_SPARK_VENV:-$root/target/spark-venv}"
py="$venv/bin/python"
if ! "$py" -c "import sys, pyspark; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    step "venv $venv with pyspark $PYSPARK_VERSION (PyPI, ~450 MB)"
    python3 -m venv --clear "$venv"
    "$py" -m pip install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION" "py4j==$PY4J_VERSION"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/alaqat-spark.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
# One copy for every run below, whatever rebuilds the original meanwhile.
cp "$alaqat" "$tmp/alaqat"
alaqat="$tmp/alaqat"

# Spark: this venv's pyspark and python, loopback only, no UI or progress bars, ERROR logs.
unset SPARK_HOME PYSPARK_DRIVER_PYTHON PYSPARK_SUBMIT_ARGS
export PYSPARK_PYTHON="$py" SPARK_LOCAL_IP=127.0.0.1
cat >"$tmp/log4j2.properties" <<'EOF'
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
EOF
spark_args=(
    --master "local[2]"
    --conf spark.ui.enabled=false
    --conf spark.ui.showConsoleProgress=false
    --conf spark.driver.host=127.0.0.1
    --conf spark.driver.bindAddress=127.0.0.1
    # Quick JIT and a small collector: these jobs are short, the JVM's start-up is most of them.
    --driver-java-options "-Dlog4j2.configurationFile=file:$tmp/log4j2.properties -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
)
# The same for Spark started from plain python (which shlex-splits it).
pyspark_submit_args="$(printf '%q ' "${spark_args[@]}")pyspark-shell"

step "dataset from demo/corpus"
"$py" - "$root/demo/corpus" "$tmp/input.jsonl" <<'EOF'
import html.parser, json, pathlib, random, sys
import xml.etree.ElementTree as ET

corpus, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

class Paragraphs(html.parser.HTMLParser):
    """The text of <p> and <h1> elements and the <title> (a page's article, roughly)."""
    def __init__(self):
        super().__init__()
        self.open, self.parts, self.title = None, [], None
    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h1", "title"):
            self.open = tag
            self.parts.append("")
    def handle_endtag(self, tag):
        if tag == self.open:
            if tag == "title":
                self.title = self.parts.pop().strip()
            self.open = None
    def handle_data(self, data):
        if self.open:
            self.parts[-1] += data

def page_text(markup):
    parser = Paragraphs()
    parser.feed(markup)
    return parser.title, "\n".join(p.strip() for p in parser.parts if p.strip()) + "\n"

base = []  # documents as `alaqat ingest -` takes them
for path in sorted(corpus.iterdir()):
    raw = path.read_bytes()
    if path.suffix == ".jsonl":
        base += [json.loads(line) for line in raw.decode("utf-8").splitlines() if line.strip()]
    elif path.suffix == ".txt":
        encoding = "cp1256" if ".cp1256." in path.name else "utf-8"
        base.append({"id": path.name, "text": raw.decode(encoding)})
    elif path.suffix == ".html":
        title, text = page_text(raw.decode("utf-8"))
        base.append({"id": path.name, "title": title, "text": text})
    elif path.suffix == ".xml":
        for item in ET.fromstring(raw).iter("item"):
            _, text = page_text("<p>" + (item.findtext("description") or "") + "</p>")
            base.append({"url": item.findtext("link"), "title": item.findtext("title"),
                         "published": item.findtext("pubDate"), "text": text})
assert len(base) >= 15, f"only {len(base)} documents read from {corpus}"

rng = random.Random(6)
lines = []
for k in range(30):
    for n, doc in enumerate(base):
        doc = dict(doc)
        key = doc.pop("id", None) or doc["url"]
        variant = (k + n) % 5
        if variant == 0:
            doc["id"] = f"{key}~{k}"
        elif variant == 1:
            doc["id"] = 100000 + k * 1000 + n  # numeric ids are sources too
        elif variant == 2:
            if k % 2:
                doc["url"] = f"https://example.org/spark/{k}/{key}"  # no id: the url is the source
            else:
                doc.pop("url", None)  # neither: the source is the line, stdin#N
            doc.pop("published", None)
        elif variant == 3:
            doc["id"] = f"{key}~{k}"
            doc["published"] = f"{2015 + k % 11}-{1 + n % 12:02d}-{1 + k % 28:02d}"
        else:
            doc["id"] = f"{key}~{k}"
            doc["lang"] = "ar" if rng.random() < 0.5 else "en"
        lines.append(json.dumps(doc, ensure_ascii=rng.random() < 0.2))
rng.shuffle(lines)
lines.insert(37, "")
lines.insert(150, "   \t")
lines.insert(211, '{"id": "broken-line", "text": "قطع')  # invalid JSON
lines.insert(388, '{"id": "no-text", "title": "missing text"}')
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(lines)} lines, {len(base)} demo documents x 30 variants")
EOF
gzip -k "$tmp/input.jsonl"
lines=$(wc -l <"$tmp/input.jsonl")

step "plain local run: alaqat extract --jobs 2"
t=$(date +%s.%N)
set +e
"$alaqat" extract --quiet --jobs 2 <"$tmp/input.jsonl" >"$tmp/local.jsonl"
rc=$?
set -e
local_s=$(elapsed "$t")
[ "$rc" -eq 3 ] || { echo "spark test: alaqat extract exited $rc, expected 3 (some lines failed)" >&2; exit 1; }

run_recipe() { # name input partitions
    local t
    t=$(date +%s.%N)
    "$venv/bin/spark-submit" "${spark_args[@]}" scripts/spark/alaqat_spark.py \
        --alaqat "$alaqat" --input "$2" --output "$tmp/$1.parquet" --partitions "$3" \
        >"$tmp/$1.out" 2>"$tmp/$1.err" || { cat "$tmp/$1.out" "$tmp/$1.err" >&2; echo "spark test: the recipe failed on $2" >&2; exit 1; }
    cat "$tmp/$1.out"
    grep -q "^alaqat_spark: " "$tmp/$1.out" || { echo "spark test: no summary line from the recipe" >&2; exit 1; }
    elapsed "$t" >"$tmp/$1.seconds"
}
step "spark-submit alaqat_spark.py, local[2], --partitions $PARTITIONS"
run_recipe plain "$tmp/input.jsonl" "$PARTITIONS"
step "spark-submit alaqat_spark.py on the gzipped dataset, --partitions 3"
run_recipe gz "$tmp/input.jsonl.gz" 3

step "Parquet = local output"
if ! PYSPARK_SUBMIT_ARGS="$pyspark_submit_args" "$py" - "$tmp" 2>"$tmp/verify.err" <<'EOF'
import json, os, sys
from pyspark.sql import SparkSession

tmp = sys.argv[1]
local = [json.loads(line) for line in open(os.path.join(tmp, "local.jsonl"), encoding="utf-8")]
source_lines = open(os.path.join(tmp, "input.jsonl"), encoding="utf-8").read().split("\n")[:-1]
canon = lambda record: json.dumps(record, sort_keys=True, ensure_ascii=False)
spark = SparkSession.builder.getOrCreate()
failures = []
def check(ok, what):
    if not ok:
        failures.append(what)
        print("MISMATCH:", what)

# Local output lines belong to the non-blank input lines, in order.
numbers = [i + 1 for i, line in enumerate(source_lines) if line.strip(" \t\n\x0c\r")]
check(len(numbers) == len(local), f"local: {len(local)} records for {len(numbers)} non-blank lines")
local_errors = [r for r in local if "error" in r]
check(len(local_errors) == 2, f"local: {len(local_errors)} errors, expected 2")
for name in ("plain", "gz"):
    before = len(failures)
    rows = spark.read.parquet(os.path.join(tmp, name + ".parquet")).orderBy("line").collect()
    records = [json.loads(row.record) for row in rows]
    check(len(rows) == len(local), f"{name}: {len(rows)} rows, local {len(local)}")
    check([row.line for row in rows] == numbers, f"{name}: line numbers differ from the input's")
    check(len({row.source for row in rows}) == len(rows), f"{name}: duplicate sources")
    spark_by_source = {r["source"]: canon(r) for r in records}
    local_by_source = {r["source"]: canon(r) for r in local}
    check(spark_by_source.keys() == local_by_source.keys(),
          f"{name}: sources differ: {sorted(spark_by_source.keys() ^ local_by_source.keys())[:5]}")
    differing = [s for s in local_by_source if spark_by_source.get(s) != local_by_source[s]]
    check(not differing, f"{name}: {len(differing)} records differ, e.g. {differing[:3]}")
    check([canon(r) for r in records] == [canon(r) for r in local], f"{name}: the records in line order differ from the local output")
    by_line = [r for r in records if "error" not in r and r["source"].startswith("stdin#")]
    check(len(by_line) > 20, f"{name}: only {len(by_line)} documents named by their line")
    for row, record in zip(rows, records):
        expected = (record.get("source"), record.get("error"), record.get("id"), record.get("lang"),
                    len(record["events"]) if "events" in record else None,
                    record["published"]["start"] if record.get("published") else None)
        actual = (row.source, row.error, row.id, row.lang, row.events,
                  row.published.start if row.published else None)
        if expected != actual:
            check(False, f"{name}: columns disagree with the record at line {row.line}: {actual} vs {expected}")
            break
    errors = [(row.line, row.source, row.error) for row in rows if row.error is not None]
    check([(e["source"], e["error"]) for e in local_errors] == [(s, e) for _, s, e in errors],
          f"{name}: error rows {errors} vs local {local_errors}")
    check(all(s == f"stdin#{n}" and e.startswith(f"line {n}: ") for n, s, e in errors),
          f"{name}: error rows not named by their input line: {errors}")
    check(all(row.source == f"stdin#{row.line}" for row in rows if row.source.startswith("stdin#")),
          f"{name}: rows named stdin#N not by their input line")
    if len(failures) > before:
        continue
    print(f"{name}: {len(rows)} rows = local ({len(rows) - len(errors)} documents, errors at lines "
          f"{[n for n, _, _ in errors]}, {sum(len(r.get('events', [])) for r in records)} events)")
spark.stop()
sys.exit(1 if failures else 0)
EOF
then
    tail -n 20 "$tmp/verify.err" >&2
    echo "spark test: the Parquet differs from the local output" >&2
    exit 1
fi

step "a failing alaqat fails the job (python3 launch, --no-ship)"
cat >"$tmp/fake-alaqat" <<'EOF'
#!/bin/sh
head -n 3 >/dev/null
echo "fake alaqat: cannot go on" >&2
exit 1
EOF
chmod +x "$tmp/fake-alaqat"
t=$(date +%s.%N)
set +e
PYSPARK_SUBMIT_ARGS="$pyspark_submit_args" "$py" scripts/spark/alaqat_spark.py --no-ship --alaqat "$tmp/fake-alaqat" --input "$tmp/input.jsonl" \
    --output "$tmp/fail.parquet" --partitions 2 >"$tmp/fail.out" 2>"$tmp/fail.err"
rc=$?
set -e
fail_s=$(elapsed "$t")
if [ "$rc" -eq 0 ] || ! grep -q "^alaqat_spark: the job failed: alaqat extract exited with code 1" "$tmp/fail.err" \
    || ! grep -q "fake alaqat: cannot go on" "$tmp/fail.err" || [ -e "$tmp/fail.parquet/_SUCCESS" ]; then
    tail -n 40 "$tmp/fail.err" >&2
    echo "spark test: a failing alaqat did not fail the job clearly (exit $rc)" >&2
    exit 1
fi
echo "failed as expected (exit $rc): $(grep '^alaqat_spark: the job failed' "$tmp/fail.err")"

echo
echo "summary: $lines input lines; pyspark $PYSPARK_VERSION, local[2]"
echo "  spark, $(grep -o '[0-9]* partitions' "$tmp/plain.out"): $(cat "$tmp/plain.seconds") s (spark-submit, JVM start included)"
echo "  spark on .gz, $(grep -o '[0-9]* partitions' "$tmp/gz.out"): $(cat "$tmp/gz.seconds") s"
echo "  local alaqat extract --jobs 2: $local_s s"
echo "  failing-binary run: $fail_s s; whole test: $(elapsed "$started") s"
echo "spark: 4 passed, 0 failed"
