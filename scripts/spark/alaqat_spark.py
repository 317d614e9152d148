#!/usr/bin/env python3
"""Run `alaqat extract` inside Apache Spark (RDD.pipe) over JSON Lines and write Parquet.

    spark-submit scripts/spark/alaqat_spark.py \
        --alaqat target/release/alaqat --input news.jsonl --output coded.parquet

or `python3 scripts/spark/alaqat_spark.py ...` with pyspark installed (then Spark runs in local
mode unless PYSPARK_SUBMIT_ARGS says otherwise). See scripts/spark/README.md.

How it works
------------
The input is read as text (`SparkContext.textFile`: a file, a directory, a glob or a
comma-separated list; .gz works but is not splittable). Every line is numbered in dataset order
(`zipWithIndex`), blank lines are dropped (`alaqat extract` skips them without an output line),
and each partition is piped through one `alaqat extract --quiet --jobs J` process with
`RDD.pipe`. `extract` prints exactly one line per input line, in input order, so partition i of
the output lines is zipped back with partition i of the line numbers (`RDD.zip` also fails the
job if that contract were ever broken).

The binary: by default it is shipped with `SparkContext.addFile`. In local mode the executors
run the driver's copy in the SparkFiles directory; on a cluster Spark fetches it into each
executor's working directory, where the pipe command finds it as `./alaqat` (the pipe command
is built on the driver, so it tries the driver's SparkFiles path first, then `./NAME`). With
`--no-ship` the `--alaqat` path is used as is and must exist on every node. Either way the
binary must run on the executors' OS and CPU (a Linux x86_64 build needs a glibc at least as
new as the build machine's).

Exit codes: `extract` exits 3 when some lines failed; those lines are error rows here, so 3
counts as success. Any other non-zero exit (a crash, a signal, an unwritable pipe) fails the
task with Spark's `PIPE_FUNCTION_EXITED ... exited with error code N`, alaqat's own message is
in that executor's stderr, and the job fails once the task has used up its retries.

Output schema (one row per non-blank input line)
------------------------------------------------
The export contract's document object is deep (events with actors, quotes, dates; claims;
commitments) and grows over time. A hand-written Spark schema would drift from it and silently
drop new fields, and schema inference would give a different schema for each dataset. So the
Parquet keeps the few top-level fields one filters and joins on as columns, counts of the
nested lists, and the whole record verbatim as a JSON string (`record`), from which Spark's
`from_json`/`get_json_object` project whatever is needed (README has an example):

    line      long    1-based line number in the dataset (blank lines counted; for several
                      files, in the order Spark lists them)
    source    string  the document's source: its `id`, else its `url`, else (and for a bad
                      line) `stdin#LINE` with LINE as in `line` (alaqat numbers lines within
                      the partition's stream; the recipe renumbers them to the dataset, so a
                      one-file dataset gives exactly what a local `alaqat extract < file` gives)
    error     string  null for a coded document; the reason for a bad line
    id, url, title, lang, encoding, format   string (null for a bad line)
    published struct<start, end, precision: string, inferred: boolean>
    flags     array<string>
    mentions, dates, events, claims, commitments   int: how many of each
    record    string  alaqat's output line, one JSON object (the error object for a bad line;
                      re-encoded, same content, where `source` was renumbered)
"""

import argparse
import json
import os
import re
import shlex
import shutil
import sys
import time

# Exit status of `alaqat extract` when some lines became error records.
EXIT_SOME_FAILED = 3

# `alaqat extract` skips lines made only of these bytes (Rust's `u8::is_ascii_whitespace`).
ASCII_WHITESPACE = " \t\n\x0c\r"

# An error record for a bad line: `{"source": "stdin#K", "error": "line K: ..."}`.
LINE_ERROR = re.compile(r"line (\d+): ")

# What RDD.pipe(checkCode=True) raises in the task for a non-zero exit.
PIPE_FAILED = re.compile(r"PIPE_FUNCTION_EXITED\].*?exited with error code (-?\d+)", re.S)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Code a JSON Lines dataset with `alaqat extract` inside Spark and write Parquet."
    )
    parser.add_argument("--alaqat", required=True, help="the alaqat binary (a path, or a name on PATH)")
    parser.add_argument(
        "--input", required=True, help="JSON Lines: a file, a directory, a glob or a comma-separated list"
    )
    parser.add_argument("--output", required=True, help="the Parquet directory to write")
    parser.add_argument(
        "--partitions", type=int, default=0, help="at least this many partitions (default: Spark's input splits)"
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="threads of each alaqat process (default 1: Spark runs one task per core)"
    )
    parser.add_argument(
        "--no-ship", action="store_true", help="do not ship the binary: --alaqat exists at that path on every node"
    )
    parser.add_argument("--overwrite", action="store_true", help="replace --output if it exists")
    return parser.parse_args(argv)


def resolve_binary(name):
    """The absolute path of the binary on the driver (the pipe gets no PATH)."""
    path = name if os.sep in name else shutil.which(name)
    if not path or not os.path.isfile(path) or not os.access(path, os.X_OK):
        sys.exit(f"alaqat_spark: {name} is not an executable file")
    return os.path.abspath(path)


def pipe_command(candidates, jobs):
    """A `/bin/sh -c` command that runs the first executable candidate's `extract`.

    Exit 3 (some lines failed: they are error records) becomes 0, so `checkCode=True` fails the
    task only for a real failure.
    """
    script = (
        f"for b in {' '.join(shlex.quote(c) for c in candidates)}; do "
        f'if [ -x "$b" ]; then "$b" extract --quiet --jobs {int(jobs)}; rc=$?; '
        f'[ "$rc" -eq {EXIT_SOME_FAILED} ] && rc=0; '
        f'[ "$rc" -eq 0 ] || echo "alaqat_spark: $b extract exited $rc" >&2; exit "$rc"; fi; done; '
        f"echo alaqat_spark: no executable alaqat at {' or '.join(shlex.quote(c) for c in candidates)} >&2; "
        "exit 127"
    )
    return shlex.join(["/bin/sh", "-c", script, "alaqat-extract"])


def renumber(record, local_line, line):
    """Names a line by its dataset line instead of its line in the partition's stream.

    alaqat names a bad line, and a document with neither `id` nor `url`, `stdin#K` (K: the line
    in its input stream, here the partition's). Returns whether the record changed. (A document
    whose own id is literally `stdin#K` for its K in the partition would be renamed too.)
    """
    if record.get("source") != f"stdin#{local_line}" or line == local_line:
        return False
    record["source"] = f"stdin#{line}"
    error = record.get("error")
    if isinstance(error, str):
        match = LINE_ERROR.match(error)
        if match and int(match.group(1)) == local_line:
            record["error"] = f"line {line}: {error[match.end():]}"
    return True


def to_rows(pairs):
    """(line number, output line) of one partition → output rows, in order."""
    from pyspark.sql import Row

    for local_line, (index, out) in enumerate(pairs, start=1):
        line = index + 1
        try:
            record = json.loads(out)
        except ValueError as error:
            raise RuntimeError(f"alaqat printed a line that is not JSON for input line {line}: {out[:200]!r}") from error
        if not isinstance(record, dict):
            raise RuntimeError(f"alaqat printed a non-object for input line {line}: {out[:200]!r}")
        if renumber(record, local_line, line):
            out = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        published = record.get("published")
        yield Row(
            line=line,
            source=record.get("source"),
            error=record.get("error"),
            id=record.get("id"),
            url=record.get("url"),
            title=record.get("title"),
            lang=record.get("lang"),
            encoding=record.get("encoding"),
            format=record.get("format"),
            published=(
                Row(
                    start=published.get("start"),
                    end=published.get("end"),
                    precision=published.get("precision"),
                    inferred=published.get("inferred"),
                )
                if isinstance(published, dict)
                else None
            ),
            flags=record.get("flags"),
            mentions=count(record, "mentions"),
            dates=count(record, "dates"),
            events=count(record, "events"),
            claims=count(record, "claims"),
            commitments=count(record, "commitments"),
            record=out,
        )


def count(record, key):
    value = record.get(key)
    return len(value) if isinstance(value, list) else None


def schema():
    from pyspark.sql.types import (
        ArrayType,
        BooleanType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    text = [StructField(name, StringType()) for name in ("source", "error", "id", "url", "title", "lang", "encoding", "format")]
    published = StructType(
        [StructField(name, StringType()) for name in ("start", "end", "precision")]
        + [StructField("inferred", BooleanType())]
    )
    counts = [StructField(name, IntegerType()) for name in ("mentions", "dates", "events", "claims", "commitments")]
    return StructType(
        [StructField("line", LongType(), nullable=False)]
        + text
        + [StructField("published", published), StructField("flags", ArrayType(StringType()))]
        + counts
        + [StructField("record", StringType(), nullable=False)]
    )


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    binary = resolve_binary(args.alaqat)
    started = time.monotonic()

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("alaqat-extract").getOrCreate()
    sc = spark.sparkContext
    try:
        if args.no_ship:
            candidates = [binary]
        else:
            sc.addFile(binary)
            name = os.path.basename(binary)
            candidates = [SparkFiles.get(name), "./" + name]
        command = pipe_command(candidates, args.jobs)

        lines = sc.textFile(args.input, minPartitions=args.partitions or None)
        # (0-based line index, text), in dataset order.
        numbered = lines.zipWithIndex().map(lambda pair: (pair[1], pair[0]))
        if args.partitions and lines.getNumPartitions() < args.partitions:
            # Unsplittable input (.gz) or few files: spread the lines out. Sorting by line keeps
            # the dataset order and, unlike repartition, gives the same order on every read,
            # which the zip below relies on.
            numbered = numbered.sortByKey(numPartitions=args.partitions)
        numbered = numbered.filter(lambda pair: pair[1].strip(ASCII_WHITESPACE) != "")
        # Piping keeps partitions, so output partition i lines up with numbered's partition i.
        # The input is read again for each side of the zip rather than cached: reading text is
        # cheap next to extraction, and nothing needs to fit in memory.
        coded = numbered.values().pipe(command, env={"PATH": "/usr/bin:/bin"}, checkCode=True)
        rows = numbered.keys().zip(coded).mapPartitions(to_rows)

        frame = spark.createDataFrame(rows, schema())
        try:
            frame.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(args.output)
        except Exception as error:  # Py4JJavaError, PySparkException ...
            failed = PIPE_FAILED.search(str(error))
            if not failed:
                raise
            # Spark has logged the task failures with their traces; say what it means.
            sys.exit(
                f"alaqat_spark: the job failed: alaqat extract exited with code {failed.group(1)} "
                f"in a task (its own message is in that executor's stderr); "
                f"no Parquet was committed to {args.output}"
            )

        # Counted from what was written (accumulators could count a retried task twice).
        total, errors = spark.read.parquet(args.output).selectExpr("count(*)", "count(error)").first()
        print(
            f"alaqat_spark: {total} lines in {numbered.getNumPartitions()} partitions -> "
            f"{total - errors} documents, {errors} errors -> {args.output} "
            f"({time.monotonic() - started:.1f} s)"
        )
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
