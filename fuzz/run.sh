#!/usr/bin/env bash
# Builds the fuzz targets once and runs each for a bounded time (cargo-fuzz, libFuzzer, no
# sanitizer: works on the stable toolchain). A crash, a panic, an input slower than 10 s or an
# input that needs more than 2 GiB fails the run; libFuzzer leaves the input in
# fuzz/artifacts/<target>/ (turn it into a regression test next to the code it broke).
#
#     fuzz/run.sh [SECONDS] [TARGET...]     # SECONDS defaults to $ALAQAT_FUZZ_SECONDS or 60
#
# The corpora (fuzz/corpus/<target>, not committed) are seeded from demo/corpus.
set -euo pipefail

fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
cd "$root"
seconds="${1:-${ALAQAT_FUZZ_SECONDS:-60}}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalize html jsonl feed dates extract)

seed() {
    local target="$1" dir="$fuzz/corpus/$1" f
    mkdir -p "$dir"
    for f in "$root"/demo/corpus/*; do
        case "$target:$f" in
            html:*.html | feed:*.xml | jsonl:*.jsonl) cp "$f" "$dir/" ;;
            normalize:*.txt | extract:*.txt) cp "$f" "$dir/" ;;
            dates:*.txt) { printf '2024-05-01\n'; cat "$f"; } >"$dir/$(basename "$f")" ;;
        esac
    done
    case "$target" in
        dates) printf 'Thu, 18 Dec 2025 09:30:00 +0300\nأمس' >"$dir/rfc2822" ;;
    esac
}

cargo fuzz build --sanitizer none
# libFuzzer reports every new coverage point (thousands of lines a minute): each run's log goes
# to fuzz/logs/<target>.log, and only its final statistics, or its last 60 lines on failure,
# are printed.
mkdir -p "$fuzz/logs"
for target in "${targets[@]}"; do
    seed "$target"
    log="$fuzz/logs/$target.log"
    printf '\n--> fuzz %s for %ss (log: %s)\n' "$target" "$seconds" "$log"
    if ! cargo fuzz run "$target" --sanitizer none -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
        >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz target $target failed; the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    grep -E '^(stat::|Done )' "$log" || tail -n 5 "$log"
done
