#!/usr/bin/env bash
# Bounded load test of `alaqat serve`: reads and ingests at the same time.
#
#   bash tests/load/run.sh ALAQAT_BIN
#
# On a fresh demo store, with a bearer token, on a free loopback port:
#   (a) wrk sends the API's main reads (tests/load/reads.lua: stats, dyads, events with filters,
#       timeline, entities, network, conflicts, commitments, search, documents) for
#       LOAD_SECONDS over LOAD_CONNECTIONS connections, while
#   (b) tests/load/ingest.py POSTs LOAD_DOCUMENTS distinct documents to /api/ingest,
#       LOAD_BATCH per request, one request after another.
# Then it waits for the server to serve every stored document and checks: no read or ingest
# answered anything but 2xx (and wrk had no socket error or time-out), and no document was
# lost: the store (`alaqat stats`) and the served analysis (/api/stats) both hold the demo's
# documents plus every document the ingest answers counted as ingested, and those are all the
# documents sent but the ones reported unchanged or failed (none are expected).
# It prints requests/s, p50/p99 latency, errors, documents ingested and lost, ingest time.
#
# Environment: LOAD_SECONDS (45), LOAD_CONNECTIONS (4), LOAD_DOCUMENTS (10000), LOAD_BATCH (100).
# Installs Debian's wrk when it is missing (with sudo when not root).
# Exit status: 0 when errors and lost documents are both 0, else 1 (2: bad usage).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 ALAQAT_BIN" >&2
    exit 2
fi
alaqat=$(realpath "$1")
[[ -x $alaqat ]] || { echo "error: $1 is not an executable" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../serve.sh
source "$here/../serve.sh"
seconds=${LOAD_SECONDS:-45}
connections=${LOAD_CONNECTIONS:-4}
documents=${LOAD_DOCUMENTS:-10000}
batch=${LOAD_BATCH:-100}
started=$SECONDS

if ! command -v wrk >/dev/null; then
    echo "== installing wrk"
    sudo_=""
    [[ $(id -u) -eq 0 ]] || sudo_=sudo
    $sudo_ apt-get update -qq
    $sudo_ apt-get install -y -qq wrk >/dev/null
fi

work=$(mktemp -d)
server_pid=""
ingest_pid=""
cleanup() {
    for pid in $ingest_pid $server_pid; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT

echo "== demo store"
"$alaqat" demo --no-serve --quiet --data "$work/store" >/dev/null
demo_docs=$("$alaqat" stats --data "$work/store" | awk '$1 == "documents" { print $2 }')
echo "documents: $demo_docs"

echo "== alaqat serve on a free loopback port"
token="load-$RANDOM-$RANDOM-$RANDOM"
start_server "$alaqat" "$work/store" "$token" "$work"
LOAD_DOCUMENT_ID=$(curl -sf "$base/api/documents?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
export LOAD_DOCUMENT_ID

echo "== ${seconds}s of reads ($connections connections) while $documents documents are ingested ($batch per request)"
python3 "$here/ingest.py" "$base" "$token" "$root/demo/corpus" --lexicons "$root/crates/alaqat-extract/data" \
    --documents "$documents" --batch "$batch" --out "$work/ingest.json" &
ingest_pid=$!
wrk --threads 2 --connections "$connections" --duration "${seconds}s" --timeout 10s --latency \
    --script "$here/reads.lua" "$base" >"$work/wrk.txt" 2>"$work/wrk.err" || true
read_done=$SECONDS
wait "$ingest_pid" || true
ingest_pid=""
ingest_done=$SECONDS
sed -n '/Latency Distribution/,/Requests\/sec/p' "$work/wrk.txt"
if [[ -s $work/wrk.err ]]; then
    echo "wrk said:"
    head -5 "$work/wrk.err"
fi

# The ingests answered once the documents were stored; the analysis the other reads serve
# follows in the background. Wait for it (bounded), then count.
for _ in $(seq 1 600); do
    pending=$(curl -sf "$base/healthz" | python3 -c 'import json, sys; print(json.load(sys.stdin)["pending"])' || echo error)
    [[ $pending == False ]] && break
    sleep 0.2
done
catch_up=$((SECONDS - ingest_done))
served_docs=$(curl -sf "$base/api/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin)["documents"])' || echo 0)
stored_docs=$("$alaqat" stats --data "$work/store" | awk '$1 == "documents" { print $2 }')
server_alive=yes
kill -0 "$server_pid" 2>/dev/null || server_alive=no

python3 - "$work/wrk.txt" "$work/ingest.json" "$demo_docs" "$stored_docs" "$served_docs" "$server_alive" \
    "$catch_up" "$pending" <<'EOF'
import json, re, sys

wrk_txt, ingest_json, demo, stored, served, alive, catch_up, pending = sys.argv[1:]
line = next((l for l in open(wrk_txt) if l.startswith("RESULT ")), None)
if line is None:
    print("error: wrk printed no result")
    sys.exit(1)
w = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)}
i = json.load(open(ingest_json))
demo, stored, served = int(demo), int(stored), int(served)
read_errors = int(w["non2xx"] + w["connect"] + w["read"] + w["write"] + w["timeout"])
ingest_errors = sum(n for status, n in i["statuses"].items() if not status.startswith("2"))
expected = demo + i["documents_sent"] - i["unchanged"] - i["failed"]
lost = max(expected - stored, expected - served, 0)
print("== results")
print(f"reads:      {int(w['requests'])} requests in {w['seconds']:.1f} s = {w['rps']:.1f} requests/s, "
      f"latency p50 {w['p50_ms']:.1f} ms, p90 {w['p90_ms']:.1f} ms, p99 {w['p99_ms']:.1f} ms, max {w['max_ms']:.1f} ms")
print(f"read errors: {read_errors} (non-2xx {int(w['non2xx'])}, connect {int(w['connect'])}, read {int(w['read'])}, "
      f"write {int(w['write'])}, timeout {int(w['timeout'])})")
print(f"ingest:     {i['ingested']} ingested, {i['unchanged']} unchanged, {i['failed']} failed of {i['documents_sent']} "
      f"sent in {i['requests']} requests, {i['seconds']:.1f} s ({i['documents_sent'] / max(i['seconds'], 0.001):.0f} documents/s; "
      f"request p50 {i['request_p50_ms']:.0f} ms, max {i['request_max_ms']:.0f} ms); answers {i['statuses']}")
print(f"ingest errors: {ingest_errors}" + ("".join(f"\n  {e}" for e in i["errors"]) if i["errors"] else ""))
print(f"documents:  expected {expected} (demo {demo} + sent {i['documents_sent']} - unchanged - failed), "
      f"stored {stored}, served {served} (analysis caught up {catch_up} s after the last ingest; pending={pending})")
print(f"documents lost: {lost}")
if i["failures"]:
    print("failed lines:", i["failures"])
errors = read_errors + ingest_errors + (0 if alive == "yes" else 1)
if alive != "yes":
    print("error: the server died")
if i["failed"] or i["unchanged"]:
    print("error: generated documents were reported failed or unchanged")
    errors += i["failed"] + i["unchanged"]
sys.exit(0 if errors == 0 and lost == 0 else 1)
EOF
status=$?
if grep -qE 'panicked|memory allocation of' "$work/serve.err"; then
    echo "error: the server panicked:" >&2
    grep -E -A3 'panicked|memory allocation of' "$work/serve.err" >&2
    status=1
fi
echo "== load test: $([[ $status -eq 0 ]] && echo passed || echo FAILED) in $((SECONDS - started))s" \
    "(reads ended at $((read_done - started))s, ingest at $((ingest_done - started))s)"
exit "$status"
