# Shared by the system tests that need a running server (tests/api, tests/load): sourced, not
# run. `start_server ALAQAT STORE TOKEN WORK` starts `alaqat serve` on a free loopback port
# with that token, its output in WORK/serve.{out,err}, and sets `server_pid` and `base` (the
# server's http://127.0.0.1:PORT); it exits the calling script when the server does not start.

start_server() {
    local alaqat=$1 store=$2 token=$3 work=$4
    ALAQAT_TOKEN="$token" "$alaqat" serve --data "$store" --addr 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
    server_pid=$!
    base=""
    for _ in $(seq 1 200); do
        base=$(sed -n 's|^dashboard: \(http://[^ ]*\)/$|\1|p' "$work/serve.out")
        [[ -n $base ]] && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z $base ]]; then
        echo "error: the server did not start" >&2
        cat "$work/serve.err" >&2
        exit 1
    fi
    echo "$base"
}
