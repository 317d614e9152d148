#!/usr/bin/env bash
# Every test of alaqat, from a fresh clone: the Rust suites (`cargo test --workspace`, with the
# store tests run against SQLite and against a throwaway PostgreSQL server), then the dashboard
# in headless Chromium. What the tests need and the machine lacks is installed: Debian's
# postgresql and chromium (apt-get, with sudo when not root) and playwright-core from
# tests/browser/package-lock.json. `.ci/run` calls this same script.
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
