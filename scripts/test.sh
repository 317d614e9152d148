#!/usr/bin/env bash
# Every test of alaqat, from a fresh clone: the Rust suites (`cargo test --workspace`, with the
# store, CLI and API tests run against SQLite and against a throwaway PostgreSQL server), the
# dashboard in headless Chromium over each store, then the system tests on the release binary:
# ingest killed with SIGKILL (crash safety), Schemathesis against /openapi.json, reads under a
# concurrent ingest (load), and `alaqat extract` inside Spark. What the tests need and the machine lacks is installed:
# Debian's postgresql, chromium and wrk (apt-get, with sudo when not root), playwright-core
# from tests/browser/package-lock.json, schemathesis and pyspark from PyPI into venvs under
# target/. `.ci/run` calls this same script. ALAQAT_QUICK=1 stops after the browser test.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

step() { printf '\n==> %s\n' "$*"; }

step "PostgreSQL for the store tests (a throwaway cluster on 127.0.0.1)"
pg_env="$(bash .ci/postgres start)"
eval "$pg_env"
trap 'bash "$root/.ci/postgres" stop "$ALAQAT_PG_DIR"' EXIT

step "cargo test --workspace"
cargo test --workspace

step "the dashboard in headless Chromium"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi
# The test binary `cargo test` just built: no second (release) build for the browser test.
cargo build --quiet --bin alaqat
ALAQAT_BIN="${ALAQAT_BIN:-$root/target/debug/alaqat}" bash tests/browser/run.sh

step "the dashboard in headless Chromium, served from PostgreSQL"
# A schema of its own in the test database, emptied first (psql comes with Debian's postgresql).
psql="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)"
PGOPTIONS=--client-min-messages=warning "${psql:-psql}" "$ALAQAT_TEST_POSTGRES" -q -c "DROP SCHEMA IF EXISTS browser CASCADE" -c "CREATE SCHEMA browser"
ALAQAT_TEST_STORE="$ALAQAT_TEST_POSTGRES?options=-c%20search_path%3Dbrowser" SCREENSHOTS="$root/target/screenshots/postgres" \
    ALAQAT_BIN="${ALAQAT_BIN:-$root/target/debug/alaqat}" bash tests/browser/run.sh

if [ "${ALAQAT_QUICK:-0}" = 1 ]; then
    step "ALAQAT_QUICK=1: system tests skipped"
    exit 0
fi

step "release build for the system tests"
cargo build --release --bin alaqat
release="$root/target/release/alaqat"

step "crash safety: ingest killed with SIGKILL, then rerun and checked (tests/it/crash.rs)"
ALAQAT_BIN="$release" cargo test -p alaqat-cli --test it crash -- --ignored --nocapture

step "the API against its OpenAPI document (Schemathesis)"
bash tests/api/schemathesis.sh "$release"

step "load: reads on the main endpoints while 10,000 documents are ingested"
bash tests/load/run.sh "$release"

step "alaqat extract inside Spark (RDD.pipe, local mode) equals a local run"
bash scripts/spark/test.sh "$release"
